import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../src/framework/paging.ts';
import { usage } from '../../../src/framework/usage.ts';
import { agreementsInState } from '../../../src/queries/agreements.ts';
import { appHomeOpened } from '../../helpers/fake-slack/index.ts';
import { blockTexts, buttons, captureLogger, coreApp, dateToken, shown, startHarness, type Harness } from './harness.ts';

describe('Slack Socket Mode (SLACK_APP_TOKEN set)', () => {
  let h: Harness;
  const log = captureLogger();
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket', moderatorIds: ['U0MOD'], core: coreApp(log.logger) });
  });
  afterAll(async () => h.stop());

  it('GIVEN an app token THEN the bot opens a socket with it and listens on no HTTP port', async () => {
    const open = h.slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test');
    expect(h.slack.calls.items.find((c) => c.method === 'auth.test')?.token).toBe('xoxb-test');
    expect(h.slack.socket.connections.items[0]?.url).toMatch(/^\/link\/\?ticket=/);
    expect(h.bot.mode).toBe('socket');
    expect(h.bot.port).toBeUndefined();
  });

  it('GIVEN a slash-command envelope THEN it is acked at once and answered through response_url, like HTTP', async () => {
    const url = h.slack.responseUrl();
    const ack = await h.slack.socket.send('slash_commands', {
      token: 't', team_id: 'T0FAKE', channel_id: 'C0GENERAL', channel_name: 'general', user_id: 'U0ALICE', user_name: 'alice',
      command: '/sheriff', text: 'election Travis, TX', response_url: url, trigger_id: '1', api_app_id: 'A0SHERIFF',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    const answer = (await h.slack.responseTo(url)).body;
    expect(answer.response_type).toBe('in_channel');
    expect(shown(answer)).toContain(`*Next regular sheriff election:* ${dateToken('2028-11-07')}`);
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN a button click envelope THEN paging works over the socket too', async () => {
    const page1 = await h.command('positions 287g TX');
    const { first: page2 } = await h.click(page1, 'sw:page:next');
    expect(page2.replace_original).toBe(true);
    const { sheriffs } = agreementsInState(h.core.store, 'TX');
    expect(shown(page2)).toContain(`*${sheriffs[PAGE_SIZE]!.jurisdiction.name}*`);
    expect(buttons(page2).map((b) => b.action_id)).toEqual(['sw:page:prev', 'sw:page:next']);
  });

  it('GIVEN a user opens the App Home THEN it shows the commands and "no subscriptions yet"', async () => {
    const ack = await h.slack.socket.send('events_api', appHomeOpened('U0ALICE'));
    expect(ack.envelope_id).toMatch(/^env-/);
    const publish = await h.slack.calls.waitFor((c) => c.method === 'views.publish' && c.args.user_id === 'U0ALICE');
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const texts = blockTexts(view).join('\n');
    expect(texts).toContain('No subscriptions yet.');
    for (const command of h.core.registry.all().filter((c) => c.permission === 'everyone')) {
      expect(texts).toContain(`/sheriff ${usage(command).replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    }
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN the App Home cannot be published THEN the error is contained and commands still work', async () => {
    h.slack.onMethod('views.publish', () => ({ ok: false, error: 'not_enabled' }));
    await h.slack.socket.send('events_api', appHomeOpened('U0BOB'));
    const entry = await log.lines.waitFor((line) => line.msg === 'could not publish the Slack App Home');
    expect(entry).toMatchObject({ level: 50, user: 'U0BOB', team: 'T0FAKE' });
    expect((await h.command('Autauga, AL')).response_type).toBe('in_channel');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, startSlackBot } from '../../../adapters/slack/index.ts';
import type { App } from '../../../src/app.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { text } from '../../../src/reply.ts';
import { slashCommand, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack/index.ts';
import { coreApp, startHarness } from './harness.ts';

let core: App;
let slack: FakeSlack;
beforeAll(async () => {
  core = coreApp();
  slack = await startFakeSlack();
});
afterAll(async () => slack.close());

const base = { botToken: 'xoxb-test', port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } };

describe('Slack adapter: starting', () => {
  it('GIVEN Slack refuses the bot token THEN start fails with a configuration error naming SLACK_BOT_TOKEN', async () => {
    const refusing = await startFakeSlack();
    refusing.onMethod('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const started = startSlackBot(core, { ...base, signingSecret: 's', apiUrl: refusing.apiUrl });
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow('SLACK_BOT_TOKEN: Slack refused the token (invalid_auth)');
    await refusing.close();
  });

  it('GIVEN neither an app token nor a signing secret THEN start fails naming SLACK_SIGNING_SECRET', async () => {
    await expect(startSlackBot(core, { ...base, apiUrl: slack.apiUrl })).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('GIVEN the configuration from the environment THEN startSlack runs the adapter (Socket Mode) and stops it cleanly', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-env', SLACK_APP_TOKEN: 'xapp-env', SLACK_API_URL: slack.apiUrl, SLACK_MODERATOR_IDS: 'U1, U2', SLACK_EDITOR_CHANNEL_ID: 'C0EDITORS' });
    const running = await startSlack(core, config);
    await slack.socket.connections.waitFor();
    expect(running.name).toBe('slack');
    expect(running.editors?.channelId).toBe('C0EDITORS');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'y', SLACK_EDITOR_CHANNEL_ID: '#editors', DISCORD_EDITOR_CHANNEL_ID: 'editors' })).toThrow(
      /SLACK_EDITOR_CHANNEL_ID: must be a channel id[\s\S]*DISCORD_EDITOR_CHANNEL_ID: must be a channel id|DISCORD_EDITOR_CHANNEL_ID: must be a channel id[\s\S]*SLACK_EDITOR_CHANNEL_ID: must be a channel id/,
    );
    expect(slack.calls.items.find((c) => c.method === 'apps.connections.open')?.token).toBe('xapp-env');
    await running.stop();
    expect((await slack.socket.disconnects.waitFor()).code).toBeGreaterThan(0);
  });
});

describe('Slack adapter: stopping', () => {
  it('GIVEN the HTTP receiver is stopped THEN its port no longer accepts requests', async () => {
    const h = await startHarness({ mode: 'http', core });
    expect((await fetch(h.eventsUrl.replace('/slack/events', '/healthz'))).status).toBe(200);
    await h.stop();
    await expect(fetch(h.eventsUrl.replace('/slack/events', '/healthz'))).rejects.toThrow();
  });

  it('GIVEN an answer still being computed THEN stop waits for it to reach Slack', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow: CommandDef = {
      name: 'test-slow',
      // Test-only: answers when released; any catalog entry describes it.
      descriptionKey: 'command.about.description',
      options: [],
      permission: 'everyone',
      examples: [],
      handler: async () => {
        started();
        await gate;
        return { status: 'ok', title: 'Finally', intro: [[text('done')]], sections: [], notes: [] };
      },
    };
    const registry = new CommandRegistry([slow]);
    const h = await startHarness({ mode: 'socket', core: { ...core, registry, contextFor: (c, w) => ({ ...core.contextFor(c, w), registry }) } });
    const url = h.slack.responseUrl();
    await h.slack.socket.send('slash_commands', slashCommand({ text: 'test-slow', response_url: url }));
    await running;
    const stopping = h.bot.stop();
    release();
    await stopping;
    expect(h.slack.responses.filter((r) => r.url === url).map((r) => r.body.response_type)).toEqual(['in_channel']);
    await h.slack.close();
  });
});

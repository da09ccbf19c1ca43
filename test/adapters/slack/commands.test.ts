import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvocation } from '../../../adapters/slack/actions.ts';
import { runLine } from '../../../src/framework/run.ts';
import { usage } from '../../../src/framework/usage.ts';
import { PAGE_SIZE } from '../../../src/framework/paging.ts';
import { agreementsInState } from '../../../src/queries/agreements.ts';
import { buttons, captureLogger, coreApp, dateToken, shown, startHarness, type Answer, type Harness } from './harness.ts';

let h: Harness;
const log = captureLogger();
beforeAll(async () => {
  h = await startHarness({ mode: 'http', core: coreApp(log.logger) });
});
afterAll(async () => h.stop());
afterEach(() => {
  expect(h.slack.problems).toEqual([]);
});

const firstItems = (answer: Answer) => shown(answer).split('\n').filter((line) => line.startsWith('• '));

describe('Slack /sheriff: every command through the real Bolt app, against the shipped data', () => {
  it('GIVEN /sheriff Autauga, AL (lookup is the default command) THEN the sheriff card is posted in the channel with its facts', async () => {
    const answer = await h.command('Autauga, AL');
    expect(answer.response_type).toBe('in_channel');
    expect(answer.blocks?.[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Sheriff of Autauga County, Alabama' } });
    const all = shown(answer);
    expect(all).toContain('FIPS 01001');
    expect(all).toContain(`• *Jail Enforcement Model* — signed ${dateToken('2025-09-22')} — <https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf|agreement (MOA)>`);
    expect(all).toContain(`• *Task Force Model* — signed ${dateToken('2025-09-22')}`);
    expect(all).toContain('Holds people on ICE detainers without a judicial warrant: _unknown_');
    expect(all).toContain(`*Next regular sheriff election:* ${dateToken('2030-11-05')}`);
    expect(answer.blocks?.some((b) => (b as { type: string }).type === 'context')).toBe(true);
    expect(answer.text).toContain('Sheriff of Autauga County, Alabama');
    expect(answer.text).toContain('Jail Enforcement Model — signed 2025-09-22');
  });

  it('GIVEN /sheriff positions 287g TX THEN the count and first page match the store, with a Next button', async () => {
    const { sheriffs, others } = agreementsInState(h.core.store, 'TX');
    const pages = Math.ceil((sheriffs.length + others.length) / PAGE_SIZE);
    const answer = await h.command('positions 287g TX');
    expect(answer.response_type).toBe('in_channel');
    expect(shown(answer)).toContain(`${sheriffs.length} of 254 sheriff's offices have a 287(g) agreement with ICE`);
    const items = firstItems(answer);
    expect(items).toHaveLength(PAGE_SIZE);
    expect(items[0]).toContain(`*${sheriffs[0]!.jurisdiction.name}*`);
    expect(shown(answer)).toContain(`Page 1 of ${pages} · or type \`/sheriff positions 287g TX page 2\``);
    expect(buttons(answer).map((b) => b.action_id)).toEqual(['sw:page:next']);
  });

  it('GIVEN the Next button is clicked THEN the same message is replaced by page 2, which moves on through the list', async () => {
    const { sheriffs } = agreementsInState(h.core.store, 'TX');
    const page1 = await h.command('positions 287g TX');
    const { first: page2 } = await h.click(page1, 'sw:page:next');
    expect(page2.replace_original).toBe(true);
    expect(shown(page2)).toMatch(/Page 2 of \d+/);
    expect(firstItems(page2)[0]).toContain(`*${sheriffs[PAGE_SIZE]!.jurisdiction.name}*`);
    expect(firstItems(page2).filter((item) => firstItems(page1).includes(item))).toEqual([]);
    const back = buttons(page2).find((b) => b.action_id === 'sw:page:prev');
    expect(decodeInvocation(back?.value)).toEqual({ command: 'positions', args: { topic: '287g', state: 'TX', page: 1 } });
  });

  it('GIVEN /sheriff elections GA THEN every county is on the next general election date', async () => {
    const answer = await h.command('elections GA');
    expect(answer.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Sheriff elections in Georgia' } });
    expect(shown(answer)).toContain(`• ${dateToken('2028-11-07')} — all 159 counties`);
  });

  it('GIVEN /sheriff election Travis, TX THEN the next election is a date token for 2028-11-07', async () => {
    const answer = await h.command('election Travis, TX');
    expect(answer.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Sheriff election: Travis County, Texas' } });
    expect(shown(answer)).toContain(`*Next regular sheriff election:* ${dateToken('2028-11-07')}`);
  });

  it('GIVEN /sheriff help THEN every command anyone can use is listed with its usage', async () => {
    const answer = await h.command('help');
    const everyone = h.core.registry.all().filter((c) => c.permission === 'everyone');
    expect(everyone.length).toBeGreaterThan(3);
    for (const command of everyone) expect(shown(answer)).toContain(`\`${usage(command).replace(/</g, '&lt;').replace(/>/g, '&gt;')}\``);
  });

  it('GIVEN /sheriff about THEN every loaded dataset is listed, spread over valid blocks', async () => {
    const answer = await h.command('about');
    const loaded = h.core.store.imports.latestOfEach();
    expect(loaded.length).toBeGreaterThan(10);
    expect(firstItems(answer).length + shown(answer).split('\n• ').length - 1).toBeGreaterThanOrEqual(loaded.length);
    expect(shown(answer)).toContain('ICE 287(g) participating agencies');
  });

  it('GIVEN each example of every command in the registry THEN Slack gets a valid answer, public when ok and private otherwise', async () => {
    // A second core gets the same lines in the same order, as the same Slack user in the same
    // channel, so commands that change state evolve alike on both.
    const twin = coreApp();
    const ctx = twin.contextFor(
      { id: 'slack:U0ALICE', platform: 'slack', workspaceId: 'T0FAKE', userId: 'U0ALICE', displayName: 'alice', isEditor: false, isCommunityManager: false },
      { conversation: { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C0GENERAL' } },
    );
    for (const command of h.core.registry.all()) {
      for (const example of command.examples) {
        const expected = await runLine(ctx, example);
        const answer = await h.command(example);
        expect(answer.response_type, example).toBe(expected.status === 'ok' ? 'in_channel' : 'ephemeral');
        expect(answer.text, example).not.toContain('Something went wrong');
        expect(answer.blocks?.length, example).toBeGreaterThan(0);
        expect(answer.text?.split('\n')[0], example).toBe(expected.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      }
    }
    twin.close();
  });
});

describe('Slack /sheriff: choices and user errors', () => {
  it('GIVEN an ambiguous place THEN the choices are private buttons, and picking one posts the card and removes the list', async () => {
    const answer = await h.command('Fairfax, VA');
    expect(answer.response_type).toBe('ephemeral');
    expect(buttons(answer).map((b) => b.text.text)).toEqual(['Fairfax County, VA', 'Fairfax city, VA']);
    const { url, first } = await h.click(answer, 'sw:choice:0', { is_ephemeral: true });
    expect(first.response_type).toBe('in_channel');
    expect(first.replace_original).toBe(false);
    expect(first.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Sheriff of Fairfax County, Virginia' } });
    expect((await h.slack.responseTo(url, 1)).body).toEqual({ delete_original: true });
  });

  it.each([
    ['positions 287g ZZ', '"ZZ" is not a US state', 'two-letter code'],
    ['', 'Nothing to do', 'help'],
    ['positions', '`positions` needs a topic', 'Usage'],
    ['Nowhereville, TX', 'Nowhereville', 'Check the spelling'],
  ])('GIVEN /sheriff %j THEN the answer is private and says what to do', async (line, title, hint) => {
    const answer = await h.command(line);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.blocks?.[0]).toMatchObject({ type: 'section' });
    expect(shown(answer)).toContain(`:warning: *`);
    expect(shown(answer)).toContain(title);
    expect(shown(answer)).toContain(hint);
    expect(answer.blocks?.some((b) => (b as { type: string }).type === 'header')).toBe(false);
  });

  it('GIVEN a button value that is not ours THEN it is logged and ignored, and the bot keeps answering', async () => {
    const url = await h.press('sw:choice:9', 'not json');
    const entry = await log.lines.waitFor((line) => line.msg === 'ignored a Slack button with an unknown value');
    expect(entry).toMatchObject({ level: 40, actionId: 'sw:choice:9', user: 'U0ALICE' });
    expect(h.slack.responses.filter((r) => r.url === url)).toEqual([]);
    expect((await h.command('Autauga, AL')).response_type).toBe('in_channel');
  });
});

/** Per-user limits through the real discord.js client: commands, buttons and autocomplete all count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrust } from '../../../src/trust/services.ts';
import { callbackBody, type RestCall } from '../../helpers/fake-discord/index.ts';
import { testClock } from '../../helpers/store.ts';
import { embedText, EPHEMERAL, messageOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  // 3 per 30 s; the test clock stands still, so a refused request always waits the whole window.
  h = await startHarness({ trust: (logger) => createTrust(testClock, logger, { commands: { count: 3, windowMs: 30_000 } }) });
});
afterAll(() => h?.stop());

const member = (id: string) => ({ member: { id, username: `user${id.slice(-3)}` } });
const choicesOf = (call: RestCall) => (callbackBody(call).data as { choices: { name: string; value: string }[] }).choices;

describe('Discord: per-user limits', () => {
  it('GIVEN a fourth command within 30 s THEN a private "try again in 30 s"; another member is unaffected', async () => {
    const who = member('300000000000000101');
    for (let i = 0; i < 3; i++) expect(messageOf(await h.fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }, who).callback).embeds[0]!.title).toBe('Sheriff of Travis County, Texas');
    const refused = messageOf(await h.fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }, who).callback);
    expect(refused.flags).toBe(EPHEMERAL);
    expect(embedText(refused.embeds[0]!)).toContain('Too many requests');
    expect(embedText(refused.embeds[0]!)).toContain('Try again in 30 s.');
    const other = messageOf(await h.fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }, member('300000000000000102')).callback);
    expect(other.embeds[0]!.title).toBe('Sheriff of Travis County, Texas');
  });

  it('GIVEN button clicks THEN they count too, and the refused click is answered privately', async () => {
    const who = member('300000000000000103');
    const first = messageOf(await h.fake.sendCommand('positions', { topic: '287g', state: 'TX' }, who).callback);
    const next = first.components![0]!.components.find((b) => b.label === 'Next ▶')!;
    expect(callbackBody(await h.fake.clickButton(next.custom_id, first, who).callback).type).toBe(7);
    expect(callbackBody(await h.fake.clickButton(next.custom_id, first, who).callback).type).toBe(7);
    const refused = messageOf(await h.fake.clickButton(next.custom_id, first, who).callback);
    expect(refused.flags).toBe(EPHEMERAL);
    expect(embedText(refused.embeds[0]!)).toContain('Try again in 30 s.');
  });

  it('GIVEN autocomplete requests THEN they count too: over the limit the only suggestion says to wait and keeps what was typed', async () => {
    const who = member('300000000000000104');
    for (let i = 0; i < 3; i++) expect(choicesOf(await h.fake.sendAutocomplete('sheriff', { county: 'trav' }, 'county', who).callback).length).toBeGreaterThan(0);
    expect(choicesOf(await h.fake.sendAutocomplete('sheriff', { county: 'trav' }, 'county', who).callback)).toEqual([{ name: 'Too many requests: try again in 30 s', value: 'trav' }]);
    const refused = messageOf(await h.fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }, who).callback);
    expect(embedText(refused.embeds[0]!)).toContain('Try again in 30 s.');
  });
});

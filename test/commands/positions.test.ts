import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';

const chat = conversation();

/** Texas sheriff's offices on ICE's list, counted straight from the shipped CSV. */
function texasSheriffCounties(): number {
  const rows = parse(readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
  const counties = rows
    .filter((r) => r.state === 'TEXAS' && /sheriff/i.test(r.agency ?? ''))
    .map((r) => (r.agency ?? '').replace(/ Sheriff.*$/i, '').replace(/ County$/i, '').trim().toLowerCase());
  return new Set(counties).size;
}

describe('positions', () => {
  it('GIVEN "positions 287g TX" THEN sheriffs are counted against all counties, with models, paged', async () => {
    const { reply, text } = await chat.ask('positions 287g TX');
    expect(reply.title).toBe('287(g) agreements in Texas');
    expect(text).toContain(`${texasSheriffCounties()} of 254 sheriff's offices have a 287(g) agreement with ICE`);
    expect(text).toMatch(/\d+ other agencies have one too\./);
    expect(reply.paging).toMatchObject({ page: 1, invocation: { command: 'positions', args: { topic: '287g', state: 'TX' } } });
    expect(text).toContain('Anderson County — Warrant Service Officer (signed 2025-06-18');
  });

  it('GIVEN the last page THEN the other agencies appear in their own section', async () => {
    const first = await chat.ask('positions 287g TX');
    const last = await chat.ask(`positions 287g TX page ${first.reply.paging!.pages}`);
    expect(last.reply.sections.map((s) => s.heading)).toContain('Other agencies (police, state, corrections)');
    expect(last.text).not.toContain('next:');
    expect(last.text).toContain('previous: positions 287g TX page');
  });

  it('GIVEN a page past the end THEN the last page, not an error', async () => {
    const { reply } = await chat.ask('positions 287g TX page 999');
    expect(reply.status).toBe('ok');
    expect(reply.paging?.page).toBe(reply.paging?.pages);
  });

  it('GIVEN "positions 287g" without a state THEN a per-state count, largest first', async () => {
    const { text } = await chat.ask('positions 287g');
    expect(text).toMatch(/\d+ sheriff's offices in \d+ states have a 287\(g\) agreement/);
    expect(text.indexOf('Texas (TX)')).toBeLessThan(text.indexOf('Florida (FL)'));
  });

  it('GIVEN a state with no agreements THEN it says so', async () => {
    const { text } = await chat.ask('positions 287g Vermont');
    expect(text).toContain("0 of 14 sheriff's offices have a 287(g) agreement");
  });

  it('GIVEN a topic nobody has recorded yet THEN unknown is not presented as no', async () => {
    const { text } = await chat.ask('positions detainers OR');
    expect(text).toContain('Nothing recorded yet for Oregon. Unknown is not the same as no.');
    expect(text).toContain('Does your office hold people on ICE detainers without a judicial warrant?');
  });
});

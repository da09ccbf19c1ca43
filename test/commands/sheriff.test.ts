import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';

const chat = conversation();

describe('sheriff', () => {
  it('GIVEN "sheriff Autauga, AL" THEN the card names the sheriff with source and date, every agreement, unknown topics and the election', async () => {
    const { reply, text } = await chat.ask('sheriff Autauga, AL');
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Sheriff of Autauga County, Alabama');
    expect(text).toContain('FIPS 01001 · county');
    expect(text).toMatch(/Name: Mark Harrell\nSource: per Alabama Sheriffs' Association directory.*, 2026-01-24/);
    expect(text).toContain('In office until 2027-01-18 (Mon); the 2026-11-03 (Tue) winner takes office then (not yet in our records).');
    expect(text).toMatch(/Jail Enforcement Model — signed 2025-09-22 \(Mon\) — agreement \(MOA\) <https:\/\/www\.ice\.gov\//);
    expect(text).toContain('(as of 2026-05-18');
    // 2026-05-18 to the tests' today, 2026-11-24: 13 + 30 + 31 + 31 + 30 + 31 + 24 days.
    expect(text).toContain("ICE's list of 2026-05-18 (Mon), 190 days old.");
    expect(text).toContain("Warning: this list is 190 days old and no check in the last 7 days confirmed it is still ICE's newest.");
    for (const label of ['Holds people on ICE detainers without a judicial warrant', 'Lets ICE agents identify as police', 'Tells ICE release dates']) {
      expect(text).toContain(`${label}: unknown — not recorded yet.`);
    }
    expect(text).toContain('Next regular sheriff election: 2030-11-05');
    expect(text).toContain('Computed from state law — confirm with the county elections office. Confidence: high.');
  });

  it('GIVEN an election-winner name in capitals THEN it is shown in normal case with the original, as "elected <year>", not as current', async () => {
    const { text } = await chat.ask('sheriff Aitkin, MN');
    expect(text).toContain('Name: Daniel Guida (printed as "DANIEL GUIDA")');
    expect(text).toContain('elected 2022 — not confirmed as current');
  });

  it('GIVEN a county whose phone is only in an older directory THEN the phone is shown with that directory as its source', async () => {
    const { text } = await chat.ask('sheriff Broward, FL');
    expect(text).toMatch(/Phone: \(954\) 831-8901 — per Florida Department of Law Enforcement .*2025-09-02/);
  });

  it('GIVEN a county with no name in any source THEN the card says so instead of guessing', async () => {
    const { text } = await chat.ask('sheriff Zapata, TX');
    expect(text).toContain('Name not in our records.');
    expect(text).not.toContain('Otto');
  });

  it.each([
    ['sheriff Anchorage, AK', 'Alaska has no elected county sheriffs.', 'state troopers'],
    ['sheriff Connecticut', 'Connecticut has no elected county sheriffs.', 'State Marshals'],
    ['sheriff Honolulu, HI', 'Hawaii has no elected county sheriffs.', 'state sheriff division'],
    ['sheriff Providence, RI', 'Rhode Island has no elected county sheriffs.', 'Division of Sheriffs'],
    ['sheriff District of Columbia', 'District of Columbia has no elected county sheriffs.', 'U.S. Marshal'],
  ])('GIVEN %s THEN it says there is no elected sheriff and who does the job', async (line, says, instead) => {
    const { reply, text } = await chat.ask(line);
    expect(reply.status).toBe('ok');
    expect(text).toContain(says);
    expect(text).toContain(instead);
  });

  it('GIVEN an ambiguous name THEN choices re-run the command for each place', async () => {
    const { reply } = await chat.ask('sheriff St. Louis, MO');
    expect(reply.errorCode).toBe('ambiguous_place');
    expect(reply.choices?.map((c) => c.label)).toEqual(['St. Louis County, MO', 'St. Louis city, MO']);
    const city = await chat.ctx.registry.get('sheriff')!.handler(chat.ctx, reply.choices![1]!.invocation.args);
    expect(city.title).toBe('Sheriff of St. Louis city, Missouri');
  });

  it('GIVEN an unknown county THEN a user error with suggestions', async () => {
    const { reply, text } = await chat.ask('sheriff Maricoppa');
    expect(reply.status).toBe('user_error');
    expect(reply.errorCode).toBe('place_not_found');
    expect(text).toContain('Did you mean Maricopa County, AZ?');
  });

  it('GIVEN only a state that has sheriffs THEN it asks which county and points to state-wide commands', async () => {
    const { reply, text } = await chat.ask('sheriff TX');
    expect(reply.errorCode).toBe('county_needed');
    expect(text).toContain('positions 287g TX');
  });
});

describe('election and elections', () => {
  it('GIVEN "election Travis, TX" THEN the computed date with its label and sources', async () => {
    const { text } = await chat.ask('election Travis, TX');
    expect(text).toContain('Next regular sheriff election: 2028-11-07');
    expect(text).toContain('Computed from state law');
    expect(text).toMatch(/Sources: .*<https?:\/\//);
  });

  it('GIVEN Tennessee THEN the August county election date', async () => {
    const { text } = await chat.ask('election Davidson, TN');
    expect(text).toContain('2030-08-01');
  });

  it('GIVEN a state where counties vary and this one is unknown THEN no date is invented', async () => {
    const { text } = await chat.ask('election Albany, NY');
    expect(text).toMatch(/Next regular sheriff election: not known — /);
  });

  it('GIVEN "elections VA" THEN counties and independent cities are grouped on their own cycles', async () => {
    const { text } = await chat.ask('elections VA');
    expect(text).toContain('2027-11-02 (Tue) — 95 places');
    expect(text).toContain('2029-11-06 (Tue) — 38 places');
  });

  it('GIVEN "elections GA" THEN all 159 counties on one date', async () => {
    const { text } = await chat.ask('elections Georgia');
    expect(text).toContain('2028-11-07 (Tue) — all 159 counties');
  });
});

describe('help and about', () => {
  it('GIVEN "help" THEN every command is listed with its usage', async () => {
    const { text } = await chat.ask('help');
    for (const usage of ['sheriff <county>[, <state>]', 'positions <topic> [<state>] [page <n>]', 'elections <state> [page <n>]', 'about']) {
      expect(text).toContain(usage);
    }
  });

  it('GIVEN "about" THEN each loaded dataset shows its date and row counts', async () => {
    const { text } = await chat.ask('about');
    const rows = parse(readFileSync(new URL('../../data/ice_287g_participating_2026-05-18.csv', import.meta.url)), { columns: true }) as { state: string }[];
    // Guam and the Northern Mariana Islands have no counties: reported as unmatched.
    const territories = rows.filter((r) => r.state === 'GUAM' || r.state === 'NORTHERN MARIANA ISLANDS').length;
    expect(text).toContain(`ICE 287(g) participating agencies (2026-05-18) — ${rows.length} rows read, ${rows.length - territories} matched, ${territories} unmatched`);
    expect(text).toContain("ICE's page has not been checked by this bot");
    expect(text).toMatch(/US counties with FIPS codes and time zones \(2010\) — 3143 rows read/);
  });
});

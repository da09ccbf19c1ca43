/**
 * Term-aware doubts on the sheriff's name: an election since the name's source, a source dated
 * between an election and the new term (Orleans Parish), a term not yet begun (Alabama voted on
 * 2026-11-03; terms begin in January), an appointed sheriff (no election to doubt by), and a
 * county on its own cycle known only from its last winner (Oregon).
 */
import { describe, expect, it } from 'vitest';
import { termStartDate, termStartRuleFor } from '../../src/domain/term-starts.ts';
import type { OfficeHolder } from '../../src/domain/types.ts';
import { termStartRules } from '../../src/importers/term-starts.ts';
import { holderDoubt } from '../../src/queries/holder-doubt.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

const chat = conversation();
const rule = (state: string, fips: string) => termStartRuleFor(termStartRules(), state, fips)!;

describe('term starts (data/sheriff_term_starts.csv)', () => {
  it.each([
    // Jan 2027: Tuesdays 5 and 12; the Monday after the 12th is the 18th.
    ['AL', '01001', 2026, '2027-01-18'],
    ['LA', '22017', 2023, '2024-07-01'],
    // May 2026 begins on a Friday: the first Monday is the 4th.
    ['LA', '22071', 2025, '2026-05-04'],
    // Jan 2026 begins on a Thursday: the first Monday is the 5th.
    ['PA', '42003', 2025, '2026-01-05'],
    ['MI', '26163', 2024, '2025-01-01'],
    ['TX', '48201', 2024, '2025-01-01'],
  ])('GIVEN %s (%s) and the %i election THEN the new term begins on %s', (state, fips, year, start) => {
    expect(termStartDate(rule(state, fips), year)).toBe(start);
  });

  it('GIVEN a state with no sourced rule THEN the start is unknown, never guessed', () => {
    expect(termStartRuleFor(termStartRules(), 'GA', '13121')).toBeUndefined();
    for (const r of termStartRules()) expect(r.sourceUrl).toMatch(/^https:\/\//);
  });
});

describe('doubts on the name', () => {
  it('GIVEN Orleans Parish, LA, named by a January 2026 directory THEN the name is doubted: after the 2025 election, before the May 2026 term', async () => {
    const { text } = await chat.ask('sheriff Orleans Parish, LA');
    expect(text).toContain('Name: Susan Hutson');
    expect(text).toContain('This name is dated after the election of 2025 but before the new term began on 2026-05-04 (Mon): the winner may have taken office since.');
    expect(text).toContain('New terms begin on the first Monday in May after the election (La. R.S. 13:5581(A)');
  });

  it('GIVEN Alabama, which voted on 2026-11-03 and seats sheriffs in January THEN the name is in office until then and the call addresses them', async () => {
    const card = await chat.ask('sheriff Autauga, AL');
    expect(card.text).toContain('In office until 2027-01-18 (Mon); the 2026-11-03 (Tue) winner takes office then (not yet in our records).');
    const call = await chat.ask('call Autauga, AL');
    expect(call.text).toContain('Mark Harrell');
  });

  it('GIVEN an Oregon sheriff known only as the 2022 winner THEN the 2026 election (a term later) makes the name doubtful', async () => {
    const { text } = await chat.ask('sheriff Benton, OR');
    expect(text).toContain('Name: Jefri Van Arsdall');
    expect(text).toContain('This name predates the sheriff election of 2026; that result is not in our records yet');
    expect(text).toContain('When the new term begins is not in our records.');
  });

  it('GIVEN a Louisiana parish named by a 2026 directory THEN there is no doubt: the 2023 winners took office on 2024-07-01', async () => {
    const { text } = await chat.ask('sheriff Caddo Parish, LA');
    expect(text).not.toMatch(/predates|before the new term|In office until/);
  });

  it('GIVEN an appointed sheriff (Northampton County, PA) THEN no election makes an old name doubtful', () => {
    const store = loadedStore();
    const j = store.jurisdictions.byFips('42095')!;
    const holder = { name: 'Someone', sourceKind: 'moderator', source: { title: 't', url: null, date: '2015-01-01' } } as OfficeHolder;
    expect(holderDoubt(store.rules.forState('PA'), j, holder, '2026-11-24', store.electionExceptions.forJurisdiction(j))).toBeUndefined();
    // The same name in an elected Pennsylvania county is doubted.
    const bucks = store.jurisdictions.byFips('42017')!;
    expect(holderDoubt(store.rules.forState('PA'), bucks, holder, '2026-11-24', store.electionExceptions.forJurisdiction(bucks))?.kind).toBe('predates');
  });
});

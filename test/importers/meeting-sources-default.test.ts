/**
 * Counties linked to their calendar by default: applied when the shipped data loads, listed by
 * `meeting-source`, never fetched by the load, and not brought back once an editor unlinks one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/importers/dataset.ts';
import { DEFAULT_LINK_BY, meetingSourcesDefaultDataset } from '../../src/importers/meeting-sources-default.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { conversation } from '../helpers/conversation.ts';
import { useFakeLegistar } from '../helpers/fake-legistar.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const KING = '53033';
const fake = useFakeLegistar();

/** The shipped file's rows, read here independently of the loader. */
const shipped = readFileSync(join(DATA_DIR, meetingSourcesDefaultDataset.file), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));

describe('meeting calendars linked by default', () => {
  it('GIVEN the shipped file THEN every row names a Legistar client and an https source, and King County, WA is linked to "kingcounty"', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const [fips, , , kind, locator, , source] of shipped) {
      expect(fips).toMatch(/^\d{5}$/);
      expect(kind).toBe('legistar');
      expect(locator).toMatch(/^[a-z0-9-]+$/);
      expect(source).toMatch(/^https:\/\//);
    }
    expect(shipped.find((row) => row[0] === KING)?.[4]).toBe('kingcounty');
  });

  it('GIVEN the shipped data loaded THEN `meeting-source King, WA` lists the default link, nothing was fetched, and Cook County has none', async () => {
    const store = emptyStore();
    loadShippedData(store, testClock);
    const sources = store.meetingSources.live();
    expect(sources.map((s) => [s.fips, s.kind, s.locator, s.createdBy])).toEqual(shipped.map(([fips, , , kind, locator]) => [fips, kind, locator, DEFAULT_LINK_BY]));
    const chat = conversation({ store, moderator: true });
    const listed = await chat.ask('meeting-source King, WA');
    expect(listed.text).toContain('Legistar (kingcounty)');
    expect(listed.text).toContain("linked by default with the bot's data");
    expect((await chat.ask('meeting-source Cook, IL')).text).toContain('No calendar is linked');
    expect(fake().requests).toEqual([]);
  });

  it('GIVEN an editor unlinks the default link THEN loading the data again does not bring it back', async () => {
    const store = emptyStore();
    loadShippedData(store, testClock);
    const [king] = store.meetingSources.liveFor(KING);
    await conversation({ store, moderator: true }).ask(`meeting-source King, WA off ${king!.id}`);
    expect(store.meetingSources.liveFor(KING)).toEqual([]);
    const text = readFileSync(join(DATA_DIR, meetingSourcesDefaultDataset.file), 'utf8');
    const report = meetingSourcesDefaultDataset.load({ store, text, by: 'test', at: testClock.now().toISOString() });
    expect(report.unmatched).toEqual([]);
    expect(store.meetingSources.liveFor(KING)).toEqual([]);
  });
});

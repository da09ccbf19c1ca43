/**
 * Change alerts for a roster import: the sheriffs' names and contact details it changed reach the
 * channels subscribed to positions of that county or state as one digest per import, exactly once
 * (the delivery ledger keys them), and the same file again sends nothing. Names are made up.
 */
import { describe, expect, it } from 'vitest';
import { importRoster } from '../../src/importers/roster.ts';
import type { Store } from '../../src/store/index.ts';
import { channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from './helpers.ts';

const TRAVIS = '48453';
const HARRIS = '48201';

function holder(store: Store, fips: string, name: string, phone: string) {
  const office = store.offices.ensureSheriff(store.jurisdictions.byFips(fips)!);
  store.holders.insert({
    officeId: office.id, name, nameAsPrinted: name, party: null, selection: 'elected', tookOffice: null, termEnd: null, phone, email: null, address: null, website: null,
    sourceKind: 'moderator', source: { title: 'county site', url: 'https://example.org', date: '2026-01-01' }, dataset: null, recordedBy: 'test', recordedAt: '2026-01-01T00:00:00Z',
  });
}

const ROSTER = Buffer.from([
  'state,county,sheriff,phone,email,website,address,source_url,as_of',
  'TX,Travis,Pat Example,(512) 854-9770,,,,https://example.org/tx-directory,2026-02-15',
  'TX,Harris,Ed Sample,(713) 221-6000,,,,https://example.org/tx-directory,2026-02-15',
].join('\n'));

function setup() {
  const store = placesStore();
  holder(store, TRAVIS, 'Sally Sample', '(512) 854-9770');
  holder(store, HARRIS, 'Ed Sample', '(713) 555-0100');
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  const sender = recordingSender();
  subscribe(store, channel('travis'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['positions']);
  subscribe(store, channel('texas'), { state: 'TX', fips: null }, '2026-03-01T00:00:00.000Z', ['positions']);
  subscribe(store, channel('travis-meetings'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['meetings']);
  return { store, clock, sender, scheduler: schedulerFor(store, clock, [sender]) };
}

describe('change alerts for a roster import', () => {
  it('GIVEN a roster that renames one sheriff and changes another’s phone THEN each positions channel gets one digest of its scope, once', async () => {
    const { store, clock, sender, scheduler } = setup();
    const report = importRoster(store, { bytes: ROSTER, fileName: 'tx.csv', clock, by: 'discord:42' });
    expect(report.result!.changed.map((l) => l.name)).toEqual(['Pat Example']);
    expect(report.result!.contact.map((l) => l.name)).toEqual(['Ed Sample']);
    await scheduler.tick();
    expect(sender.posted.map((p) => p.channelId).sort()).toEqual(['texas', 'travis']);
    const travis = sender.posted.find((p) => p.channelId === 'travis')!.text;
    expect(travis).toContain("Travis County Sheriff's Office — Sheriff: Sally Sample → Pat Example");
    expect(travis).not.toContain('Harris');
    const texas = sender.posted.find((p) => p.channelId === 'texas')!.text;
    expect(texas).toContain("Travis County Sheriff's Office — Sheriff: Sally Sample → Pat Example");
    expect(texas).toContain("Harris County Sheriff's Office — Sheriff's contact details: (713) 555-0100 → (713) 221-6000");
    expect(texas).toContain('Sheriff roster imported by an editor (example.org)');
    await scheduler.tick();
    clock.advance(60_000);
    await scheduler.tick();
    expect(sender.posted).toHaveLength(2);
    expect(store.deliveries.watermark('roster-alerts:discord')).toBeDefined();
  });

  it('GIVEN the same roster again THEN nothing changed and nothing is sent; GIVEN a channel subscribed after the import THEN it is not told of it', async () => {
    const { store, clock, sender, scheduler } = setup();
    importRoster(store, { bytes: ROSTER, fileName: 'tx.csv', clock, by: 'discord:42' });
    await scheduler.tick();
    const sent = sender.posted.length;
    clock.advance(60_000);
    expect(importRoster(store, { bytes: ROSTER, fileName: 'tx.csv', clock, by: 'discord:42' }).skipped).toBe(true);
    subscribe(store, channel('late'), { state: 'TX', fips: null }, clock.now().toISOString(), ['positions']);
    await scheduler.tick();
    expect(sender.posted).toHaveLength(sent);
  });

  it('GIVEN a Spanish channel THEN the digest names the change in Spanish', async () => {
    const { store, clock, sender, scheduler } = setup();
    store.languages.set({ platform: 'discord', workspaceId: 'guild-1', channelId: 'texas' }, 'es', 'test', clock.now().toISOString());
    importRoster(store, { bytes: ROSTER, fileName: 'tx.csv', clock, by: 'discord:42' });
    await scheduler.tick();
    const texas = sender.posted.find((p) => p.channelId === 'texas')!.text;
    expect(texas).toContain("Harris County Sheriff's Office — Datos de contacto del sheriff: (713) 555-0100 → (713) 221-6000");
    expect(texas).not.toContain("Sheriff's contact details");
  });
});

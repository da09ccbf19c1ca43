import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from './helpers.ts';

const TRAVIS = '48453';
const HARRIS = '48201';

function sheriffOf(store: Store, fips: string) {
  const j = store.jurisdictions.byFips(fips)!;
  const office = store.offices.ensureSheriff(j);
  store.holders.insert({
    officeId: office.id, name: fips === TRAVIS ? 'Sally Hernandez' : 'Ed Gonzalez', nameAsPrinted: 'x', party: null, selection: 'elected',
    tookOffice: null, termEnd: null, phone: null, email: null, address: null, website: null, sourceKind: 'moderator',
    source: { title: 'county site', url: 'https://example.org', date: '2026-01-01' }, dataset: null, recordedBy: 'test', recordedAt: '2026-01-01T00:00:00Z',
  });
  return office;
}

function record(store: Store, officeId: number, topic: string, value: string, by: string, at: string, slot = '') {
  store.positions.record({
    officeId, topic, slot, value, detail: null, effectiveDate: topic === '287g' ? '2026-02-20' : null, documentUrl: null,
    source: { title: by.startsWith('import:') ? 'ICE 287(g) participating agencies list, 2026-03-01' : 'Sheriff press release', url: 'https://example.org/source', date: at.slice(0, 10) },
    dataset: null, by, at,
  });
}

function setup() {
  const store = placesStore();
  const travis = sheriffOf(store, TRAVIS);
  const harris = sheriffOf(store, HARRIS);
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  const sender = recordingSender();
  subscribe(store, channel('travis'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['positions']);
  subscribe(store, channel('texas'), { state: 'TX', fips: null }, '2026-03-01T00:00:00.000Z', ['positions']);
  subscribe(store, channel('travis-meetings'), { state: 'TX', fips: TRAVIS }, '2026-03-01T00:00:00.000Z', ['meetings']);
  return { store, travis, harris, clock, sender, scheduler: schedulerFor(store, clock, [sender]) };
}

describe('change alerts', () => {
  it('GIVEN a moderator records a position THEN channels subscribed to positions for that county and state get one alert each, with who, from → to, the source and how to act', async () => {
    const { store, travis, clock, sender, scheduler } = setup();
    record(store, travis.id, 'detainers', 'yes', 'discord:42', clock.now().toISOString());
    await scheduler.tick();
    expect(sender.posted.map((p) => p.channelId).sort()).toEqual(['texas', 'travis']);
    const alert = sender.posted.find((p) => p.channelId === 'travis')!.text;
    expect(alert).toContain("Changed: Travis County Sheriff's Office");
    expect(alert).toContain('Holds people on ICE detainers without a judicial warrant: not recorded → Yes');
    expect(alert).toContain('Source: Sheriff press release');
    expect(alert).toContain('Sheriff Sally Hernandez: no 287(g) agreement on record');
    expect(alert).toContain('Where they stand and how to reach them: sheriff Travis County, TX');
    await scheduler.tick();
    expect(sender.posted).toHaveLength(2);
  });

  it('GIVEN an import changes several offices at one time THEN each channel gets one digest of the changes in its scope', async () => {
    const { store, travis, harris, clock, sender, scheduler } = setup();
    const at = clock.now().toISOString();
    store.db.transaction(() => {
      record(store, travis.id, '287g', 'task-force', 'import:ice-287g', at, 'task-force');
      record(store, harris.id, '287g', 'jail-enforcement', 'import:ice-287g', at, 'jail-enforcement');
    })();
    await scheduler.tick();
    const byChannel = Object.fromEntries(sender.posted.map((p) => [p.channelId, p.text]));
    expect(Object.keys(byChannel).sort()).toEqual(['texas', 'travis']);
    expect(byChannel.texas).toMatch(/^2 changes in Texas from ICE 287\(g\) participating agencies list, 2026-03-01/);
    expect(byChannel.texas).toContain("Harris County Sheriff's Office — 287(g) agreement: not recorded → Jail Enforcement Model (signed 2026-02-20)");
    expect(byChannel.travis).toMatch(/^1 change in Travis County, TX/);
    expect(byChannel.travis).not.toContain('Harris');
    expect(byChannel.travis).toContain('Sheriff Sally Hernandez: 287(g) Task Force Model since 2026-02-20');
    expect(store.deliveries.all().map((d) => d.lead)).toEqual(['digest', 'digest']);
  });

  it('GIVEN changes made before a channel subscribed THEN that channel gets no alert for them', async () => {
    const { store, travis, clock, sender, scheduler } = setup();
    record(store, travis.id, 'detainers', 'no', 'discord:42', clock.now().toISOString());
    subscribe(store, channel('newcomer'), { state: 'TX', fips: TRAVIS }, clock.now().toISOString(), ['positions']);
    await scheduler.tick();
    expect(sender.posted.map((p) => p.channelId)).not.toContain('newcomer');
  });

  it('GIVEN the bot was down for more than a week after a change THEN the alert is recorded as skipped, not sent', async () => {
    const { store, travis, clock, sender, scheduler } = setup();
    record(store, travis.id, 'detainers', 'no', 'discord:42', clock.now().toISOString());
    clock.advance(8 * 86_400_000);
    await scheduler.tick();
    expect(sender.posted).toHaveLength(0);
    expect(store.deliveries.counts()).toEqual({ 'skipped late': 2 });
  });

  it('GIVEN a change a few hours old after a restart THEN it is sent, marked late', async () => {
    const { store, travis, clock, sender, scheduler } = setup();
    record(store, travis.id, 'detainers', 'no', 'discord:42', clock.now().toISOString());
    clock.advance(3 * 3_600_000);
    await scheduler.tick();
    expect(sender.posted).toHaveLength(2);
    expect(sender.posted[0]!.text).toContain('Sent late');
  });
});

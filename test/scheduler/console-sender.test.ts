import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleSender } from '../../adapters/console/console-sender.ts';
import { createRegistry } from '../../src/commands/index.ts';
import { addTravisMeeting, channel, ManualClock, placesStore, schedulerFor, subscribe } from './helpers.ts';

describe('console sender', () => {
  it('GIVEN a console subscription and a due reminder THEN the console prints what it would post, in the county’s time zone', async () => {
    const store = placesStore();
    addTravisMeeting(store);
    subscribe(store, channel('console', 'local', 'console'), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const clock = new ManualClock('2026-02-07T15:00:00.000Z');
    await schedulerFor(store, clock, [consoleSender(output, createRegistry())]).tick();
    expect(printed).toContain('[posted to #console]');
    expect(printed).toContain('== Commissioners Court (Travis County, TX) meets in 3 days ==');
    expect(printed).toContain('When: 2026-02-10 09:00 CST');
    // One post: the 3-day reminder. (The tick also records the 2-hour reminder of the week before
    // as skipped, too late; the ledger's row order follows the planner's slices, so it is not asserted.)
    const sent = store.deliveries.all().filter((d) => d.status === 'sent');
    expect(sent).toEqual([expect.objectContaining({ platform: 'console', lead: '3d', occurrenceKey: 'meeting:1@2026-02-10T15:00:00.000Z' })]);
  });
});

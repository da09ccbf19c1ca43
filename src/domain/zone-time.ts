// Fast wall-clock ⇄ instant conversion for IANA zones (luxon's zone offsets, no DateTime
// objects): the scheduler converts tens of thousands of times per rebuild.
import { IANAZone } from 'luxon';

const zones = new Map<string, IANAZone>();

function zone(name: string): IANAZone {
  let found = zones.get(name);
  if (!found) {
    found = IANAZone.create(name);
    if (!found.isValid) throw new RangeError(`Unknown time zone "${name}"`);
    zones.set(name, found);
  }
  return found;
}

/** Offsets by zone and quarter hour: zones change offset on a quarter-hour boundary at most. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER = 15 * 60_000;

/** The zone's UTC offset at an instant, in minutes. */
export function offsetMinutes(zoneName: string, ms: number): number {
  let byQuarter = offsets.get(zoneName);
  if (!byQuarter) {
    byQuarter = new Map();
    offsets.set(zoneName, byQuarter);
  }
  const quarter = Math.floor(ms / QUARTER);
  let found = byQuarter.get(quarter);
  if (found === undefined) {
    found = zone(zoneName).offset(quarter * QUARTER);
    if (byQuarter.size > 100_000) byQuarter.clear();
    byQuarter.set(quarter, found);
  }
  return found;
}

/**
 * The instant of a local wall-clock time. Date.UTC normalizes out-of-range fields, so
 * `day - 3` counts back on the calendar. Two passes settle the offset on both sides of a DST
 * change (a time inside a spring-forward gap lands an hour off, as clocks do).
 */
export function localToInstant(zoneName: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutes(zoneName, wall) * 60_000;
  return wall - offsetMinutes(zoneName, first) * 60_000;
}

/** The local wall-clock fields of an instant. */
export function instantToLocal(zoneName: string, ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const local = new Date(ms + offsetMinutes(zoneName, ms) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** The source of "now". Injected everywhere so tests never patch globals. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date as 'YYYY-MM-DD' in the given IANA time zone. */
export function todayIn(clock: Clock, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one; there are only a few dozen zones.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(clock.now());
}

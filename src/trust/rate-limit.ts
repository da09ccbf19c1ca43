/**
 * Per-user limits: how many uses one identity (platform + server/workspace + user) gets in a
 * sliding window. The defaults (README, "Configuration") are far above what a person typing
 * reaches and well below what a script sends.
 */
import type { Clock } from '../clock.ts';

export interface Limit {
  count: number;
  windowMs: number;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** '10/30s', '5/1h', '20/2m' → a Limit; undefined when it does not read as one. */
export function parseLimit(text: string): Limit | undefined {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*([smh])\s*$/i.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  const windowMs = Number(match[2]) * UNITS[match[3]!.toLowerCase()]!;
  return count > 0 && windowMs > 0 ? { count, windowMs } : undefined;
}

/** Seconds to wait, rounded up and at least 1, for a limit that frees up at `freeAt`. */
export function secondsUntil(freeAt: number, now: number): number {
  return Math.max(1, Math.ceil((freeAt - now) / 1000));
}

/** Prune idle keys once the map holds this many, so many one-off users cannot grow it without bound. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: Limit,
    private readonly clock: Clock,
  ) {}

  /** Counts one use by `key`: 0 when allowed, else the seconds until the next use is (the refused use is not counted). */
  take(key: string): number {
    const now = this.clock.now().getTime();
    const since = now - this.limit.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.limit.count) {
      this.hits.set(key, recent);
      return secondsUntil(recent[0]! + this.limit.windowMs, now);
    }
    recent.push(now);
    if (!this.hits.has(key) && this.hits.size >= SWEEP_AT) this.sweep(since);
    this.hits.set(key, recent);
    return 0;
  }

  private sweep(since: number): void {
    for (const [key, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(key);
  }
}

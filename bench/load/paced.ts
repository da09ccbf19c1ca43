/**
 * An open-loop load: starts interaction i at start + i / rate whether or not earlier ones have
 * been answered (as users do), and records each one's answer time or what went wrong.
 */
import { performance } from 'node:perf_hooks';

export type Kind = 'lookup' | 'page' | 'button';

/** The states whose `positions 287g` and `elections` listings are asked for (several pages each for most). */
export const PAGED_STATES = ['TX', 'FL', 'GA', 'NC', 'AL', 'SC', 'TN', 'VA', 'OK', 'LA', 'AZ', 'MO', 'AR', 'PA'];
/** An answer says this when the bot failed (en catalog 'run.internal' and 'slack.sorry'). */
export const INTERNAL_ERROR = 'Something went wrong';

export interface Outcome {
  kind: Kind;
  /** Milliseconds from sending to the answer reaching the fake platform. */
  ms?: number;
  /** Set when the bot failed: no answer in time, or an internal-error answer. */
  error?: string;
  /** Set when the bot answered with a refusal meant for the user (privately). */
  refused?: string;
}

const ANSWER_TIMEOUT_MS = 15_000;

/** The answer, or an error outcome after ANSWER_TIMEOUT_MS. */
export async function within(kind: Kind, work: Promise<Outcome>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind, error: `no answer within ${ANSWER_TIMEOUT_MS / 1000} s` }), ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch((error: unknown) => ({ kind, error: describe(error) })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error and, for a failed fetch, its cause (e.g. ECONNRESET). */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${String(error)}${cause}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function paced(rate: number, seconds: number, fire: (i: number) => Promise<Outcome>): Promise<Outcome[]> {
  const total = Math.round(rate * seconds);
  const pending: Promise<Outcome>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(fire(i));
  }
  return Promise.all(pending);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  refused: number;
  byKind: string;
  /** The distinct error and refusal texts, most frequent first, with their counts. */
  samples: string[];
}

export function summarize(outcomes: readonly Outcome[]): Summary {
  const times = outcomes.flatMap((o) => (o.ms === undefined ? [] : [o.ms])).sort((a, b) => a - b);
  const kinds = new Map<Kind, number>();
  for (const o of outcomes) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  const texts = new Map<string, number>();
  for (const o of outcomes) for (const t of [o.error, o.refused]) if (t !== undefined) texts.set(t, (texts.get(t) ?? 0) + 1);
  return {
    n: outcomes.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
    errors: outcomes.filter((o) => o.error !== undefined).length,
    refused: outcomes.filter((o) => o.refused !== undefined).length,
    byKind: [...kinds].map(([kind, n]) => `${n} ${kind}s`).join(', '),
    samples: [...texts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([text, n]) => `${n}× ${text.slice(0, 160)}`),
  };
}

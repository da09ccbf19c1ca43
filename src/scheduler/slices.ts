// Long work done in slices: the reminder planner runs in the process that answers chat, so no
// piece of it may hold the event loop for long. A job is a generator that yields between small
// steps; run at once (runAll) it is the plain synchronous computation, run sliced (runSliced)
// it hands the event loop back whenever a slice has used its budget.
import { performance } from 'node:perf_hooks';

/** Work that yields between steps and returns T. No step should take more than a few ms. */
export type Steps<T> = Generator<void, T, void>;

/** How long one slice may run before the event loop gets a turn, ms. */
export const SLICE_BUDGET_MS = 10;

/** Runs every step now, synchronously. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Lets the event loop run whatever is waiting (I/O callbacks, timers) before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Measures slices: call `due()` between steps; it is true once the budget is used. */
export class SliceTimer {
  private start = performance.now();
  constructor(private readonly budgetMs: number = SLICE_BUDGET_MS) {}

  due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }

  /** Yields to the event loop when the budget is used, then starts a new slice. */
  async pause(): Promise<void> {
    if (!this.due()) return;
    await yieldToEventLoop();
    this.start = performance.now();
  }
}

/** Runs the steps, yielding to the event loop whenever a slice has used its budget. */
export async function runSliced<T>(steps: Steps<T>, budgetMs: number = SLICE_BUDGET_MS): Promise<T> {
  const timer = new SliceTimer(budgetMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (timer.due()) await timer.pause();
  }
}

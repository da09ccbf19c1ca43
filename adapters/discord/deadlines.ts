/**
 * "Tell me if this is not done within `ms`", for many pieces of work at once, with one timer.
 * Every watch has the same delay, so deadlines fall due in the order the watches began and a
 * queue is enough. The timer stays armed for the oldest deadline; work that settles in time
 * only marks its entry, so a steady stream of quick answers sets and clears no timers.
 */
interface Entry {
  due: number;
  /** Cleared when the work settled (or was already told it is late). */
  late: (() => void) | undefined;
}

/** Node may fire a timer up to a millisecond before performance.now() says it is due. */
const TIMER_SLACK_MS = 1;

export class Deadlines {
  private queue: Entry[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Calls `late` once `ms` have passed, unless the returned function is called first. */
  watch(late: () => void): () => void {
    this.dropSettled();
    const entry: Entry = { due: this.now() + this.ms, late };
    this.queue.push(entry);
    if (!this.timer) this.arm(this.ms);
    return () => {
      entry.late = undefined;
    };
  }

  /** How many watches have neither settled nor been told they are late (for tests). */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.queue.length; i++) if (this.queue[i]!.late) n++;
    return n;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => this.fire(), Math.max(0, delay));
    // A pending answer keeps the process alive through its socket, not through this timer.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    const now = this.now() + TIMER_SLACK_MS;
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head]!;
      const late = entry.late;
      if (late && entry.due > now) {
        this.arm(entry.due - now + TIMER_SLACK_MS);
        break;
      }
      this.head++;
      entry.late = undefined;
      late?.();
    }
    this.compact();
  }

  /** Settled entries at the front can go: nothing is due for them. */
  private dropSettled(): void {
    while (this.head < this.queue.length && !this.queue[this.head]!.late) this.head++;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}

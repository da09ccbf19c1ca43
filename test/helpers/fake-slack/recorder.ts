/**
 * Records what arrives at the fake and lets a test wait for a matching record: resolves at
 * once if one is already there, otherwise when it arrives. The timeout only turns a hang into
 * a clear failure; it never stands in for synchronization.
 */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  constructor(private readonly what: string) {}

  push(item: T): void {
    this.items.push(item);
    const ready = this.waiters.filter((w) => w.match(item));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(item);
  }

  filter(match: (item: T) => boolean): T[] {
    return this.items.filter(match);
  }

  waitFor(match: (item: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake Slack: no ${this.what} arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (item: T) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }
}

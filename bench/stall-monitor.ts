import { performance } from 'node:perf_hooks';

/**
 * The longest synchronous block: a setImmediate heartbeat runs once per turn of the event loop,
 * so the longest gap between two beats is the longest time anything held the loop — chat
 * replies in the same process wait that long. Measures everything, not just the tick function.
 */
export class StallMonitor {
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private longest = 0;
  /** Process CPU time spent during the longest gap: far less than the gap means the machine was busy elsewhere. */
  private longestCpu = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor() {
    this.done = new Promise((resolve) => {
      const beat = () => {
        const at = performance.now();
        const cpu = process.cpuUsage();
        if (at - this.last > this.longest) {
          this.longest = at - this.last;
          this.longestCpu = (cpu.user - this.lastCpu.user + cpu.system - this.lastCpu.system) / 1000;
        }
        this.last = at;
        this.lastCpu = cpu;
        if (this.running) setImmediate(beat);
        else resolve();
      };
      setImmediate(beat);
    });
  }

  /** The longest block since the last call, with the CPU time in it (and restarts the measure). */
  take(): { wall: number; cpu: number } {
    const longest = { wall: this.longest, cpu: this.longestCpu };
    this.longest = 0;
    this.longestCpu = 0;
    return longest;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

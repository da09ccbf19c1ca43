/**
 * Preloaded into the bot process by the load bench (`node --import tsx --import
 * ./bench/load/probe.ts adapters/main.ts`): the real `npm start` process, with a
 * monitorEventLoopDelay histogram and its RSS and CPU reported to the bench over IPC on each
 * 'sample' message (each sample restarts the histogram, so it covers one phase).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeSample {
  /** The longest event-loop delay since the last sample, ms. */
  blockMaxMs: number;
  blockP99Ms: number;
  rssMiB: number;
  heapMiB: number;
  /** Process CPU (user + system) since the last sample, ms. */
  cpuMs: number;
}

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let cpu = process.cpuUsage();

process.on('message', (message) => {
  if (message !== 'sample' || !process.send) return;
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const sample: ProbeSample = {
    blockMaxMs: histogram.max / 1e6,
    blockP99Ms: histogram.percentile(99) / 1e6,
    rssMiB: memory.rss / 1024 / 1024,
    heapMiB: memory.heapUsed / 1024 / 1024,
    cpuMs: (used.user + used.system) / 1000,
  };
  histogram.reset();
  process.send(sample);
});

/**
 * Preloaded into the bot process by the load bench (`node --import tsx --import
 * ./bench/load/probe.ts adapters/main.ts`): the real `npm start` process, with a
 * monitorEventLoopDelay histogram and its RSS and CPU reported to the bench over IPC on each
 * 'sample' message (each sample restarts the histogram, so it covers one phase).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface ProbeSample {
  /** The longest event-loop delay since the last sample, ms. */
  blockMaxMs: number;
  blockP99Ms: number;
  /** The same longest stall seen by a 20 ms heartbeat, and the CPU this process used in it: far less than the stall means the machine ran other work. */
  stallMs: number;
  stallCpuMs: number;
  rssMiB: number;
  heapMiB: number;
  /** Process CPU (user + system) since the last sample, ms. */
  cpuMs: number;
}

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let cpu = process.cpuUsage();
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
let stall = { wall: 0, cpu: 0 };
let beat = { at: performance.now(), cpu: cpuMs(process.cpuUsage()) };
setInterval(() => {
  const now = { at: performance.now(), cpu: cpuMs(process.cpuUsage()) };
  if (now.at - beat.at > stall.wall) stall = { wall: now.at - beat.at, cpu: now.cpu - beat.cpu };
  beat = now;
}, 20).unref();

process.on('message', (message) => {
  if (message !== 'sample' || !process.send) return;
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const sample: ProbeSample = {
    blockMaxMs: histogram.max / 1e6,
    blockP99Ms: histogram.percentile(99) / 1e6,
    stallMs: stall.wall,
    stallCpuMs: stall.cpu,
    rssMiB: memory.rss / 1024 / 1024,
    heapMiB: memory.heapUsed / 1024 / 1024,
    cpuMs: cpuMs(used),
  };
  histogram.reset();
  stall = { wall: 0, cpu: 0 };
  process.send(sample);
});

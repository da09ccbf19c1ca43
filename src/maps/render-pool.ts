/**
 * The threads that draw maps: a few workers (render-worker.ts), started when a map is first
 * asked for and kept (their shapes and text outlines stay loaded), with a bounded queue. A
 * thread that dies or hangs fails only the map it was drawing; the next map gets a new one.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { typescriptWorker } from '../threads/typescript-worker.ts';
import type { DrawnMap } from './draw.ts';
import type { MapDrawing } from './drawing.ts';
import type { DrawAnswer, DrawRequest } from './render-worker.ts';

const WORKER = new URL('./render-worker.ts', import.meta.url);

export interface RenderPoolOptions {
  /** Threads at most; a second one starts only when two maps are drawn at once. */
  size?: number;
  /** Maps waiting for a thread at most; past it a map is refused at once (MapsBusy). */
  maxQueued?: number;
  /** A map taking longer than this ends its thread. */
  timeoutMs?: number;
  /** Each thread's heap limit; what it keeps after the nation and every state were drawn is about 35 MiB. */
  heapMb?: number;
}

/** A map that could not be drawn: its thread failed, died, hung or was shut down. */
export class MapDrawFailed extends Error {
  override name = 'MapDrawFailed';
}

/** Too many maps waiting already. */
export class MapsBusy extends Error {
  override name = 'MapsBusy';
}

export type DrawnOffThread = DrawnMap & { threadId: number };

interface Job {
  id: number;
  drawing: MapDrawing;
  resolve: (drawn: DrawnOffThread) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Why the thread ended, when it ended on an error or a timeout. */
  cause?: string;
}

export class RenderPool {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  private readonly slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: RenderPoolOptions = {}) {
    this.size = options.size ?? Math.min(2, availableParallelism());
    this.maxQueued = options.maxQueued ?? 16;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.heapMb = options.heapMb ?? 256;
  }

  /** Draws the map on a worker thread. */
  draw(drawing: MapDrawing): Promise<DrawnOffThread> {
    if (this.closed) return Promise.reject(new MapDrawFailed('the map threads are shut down'));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new MapsBusy(`${this.queue.length} maps are waiting to be drawn`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, drawing, resolve, reject });
      try {
        this.pump();
      } catch (error) {
        // No thread could be started: the maps waiting fail now rather than wait for one.
        for (const job of this.queue.splice(0)) job.reject(new MapDrawFailed(`no map-drawing thread could start: ${(error as Error).message}`));
      }
    });
  }

  /** The threads running now (tests check that maps are drawn off the main thread). */
  get threads(): readonly Worker[] {
    return this.slots.map((slot) => slot.worker);
  }

  /** Refuses what waits and ends every thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue) job.reject(new MapDrawFailed('the map threads are shut down'));
    this.queue = [];
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a script awaiting a map must not exit under it
      slot.timer = setTimeout(() => {
        slot.cause = `it took over ${this.timeoutMs / 1000} s`;
        void slot.worker.terminate();
      }, this.timeoutMs);
      slot.worker.postMessage({ id: job.id, drawing: job.drawing } satisfies DrawRequest);
    }
  }

  private spawn(): Slot {
    const worker = typescriptWorker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker };
    worker.on('message', (answer: DrawAnswer) => this.answered(slot, answer));
    // An uncaught error ends the thread: 'exit' follows and fails its map.
    worker.on('error', (error) => (slot.cause ??= error.message));
    worker.on('exit', (code) => this.exited(slot, code));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    return job;
  }

  private answered(slot: Slot, answer: DrawAnswer): void {
    const job = this.release(slot);
    if (job?.id === answer.id) {
      if (answer.ok) job.resolve({ ...answer.drawn, threadId: answer.threadId });
      else job.reject(new MapDrawFailed(`drawing the map failed: ${answer.message}`));
    }
    this.pump();
  }

  private exited(slot: Slot, code: number): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    const job = this.release(slot);
    job?.reject(new MapDrawFailed(`the map-drawing thread stopped (exit code ${code}${slot.cause ? `: ${slot.cause}` : ''})`));
    if (!this.closed) this.pump();
  }
}

let shared: RenderPool | undefined;

/** The process's map-drawing threads, started on first use. */
export function mapRenderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}

/** Ends the map-drawing threads (shutdown, the end of a test file); the next map starts new ones. */
export async function closeMapRenderers(): Promise<void> {
  const closing = shared;
  shared = undefined;
  await closing?.close();
}

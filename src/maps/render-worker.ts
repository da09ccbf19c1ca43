// A map-drawing thread (render-pool.ts): drawings in, PNG bytes out, one at a time. Shapes,
// projections and text outlines stay loaded between maps.
import { parentPort, threadId } from 'node:worker_threads';
import type { MapDrawing } from './drawing.ts';
import { drawMap, type DrawnMap } from './draw.ts';

export type DrawRequest = { id: number; drawing: MapDrawing };
export type DrawAnswer = { id: number; threadId: number } & ({ ok: true; drawn: DrawnMap } | { ok: false; message: string });

parentPort!.on('message', async ({ id, drawing }: DrawRequest) => {
  try {
    const drawn = await drawMap(drawing);
    parentPort!.postMessage({ id, threadId, ok: true, drawn } satisfies DrawAnswer, [drawn.png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, threadId, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DrawAnswer);
  }
});

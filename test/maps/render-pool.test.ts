/** Maps are drawn on worker threads: off the event loop, and a thread that dies fails one map, clearly, not the next. */
import { threadId } from 'node:worker_threads';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { StateCode } from '../../src/domain/states.ts';
import { mapContent } from '../../src/maps/map-content.ts';
import { renderMap } from '../../src/maps/render-map.ts';
import { closeMapRenderers, MapDrawFailed, MapsBusy, mapRenderPool, RenderPool } from '../../src/maps/render-pool.ts';
import { drawingOf } from '../../src/maps/drawing.ts';
import type { BinaryAttachment } from '../../src/reply.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';
import { pngHeader } from './png-check.ts';

const state = (code: string) => ({ kind: 'state' as const, state: code as StateCode });

// One pool of drawing threads for the whole file, ended after it.
afterAll(closeMapRenderers);

/** Ends the thread right after it is handed its next map: a crash in the middle of a drawing. */
function crashOnNextMap(): void {
  const [worker] = mapRenderPool().threads;
  const post = worker!.postMessage.bind(worker);
  worker!.postMessage = (message: unknown) => {
    post(message);
    void worker!.terminate();
  };
}

describe('map drawing threads', () => {
  it('GIVEN a map THEN it is drawn on one of the pool\'s worker threads, not on the thread that asked', async () => {
    const map = await renderMap(loadedStore(), state('NH'), '287g', 'en');
    expect(map.threadId).not.toBe(threadId);
    expect(mapRenderPool().threads.map((w) => w.threadId)).toContain(map.threadId);
    expect(pngHeader(map.png)).toEqual({ width: map.width, height: map.height });
  }, 60_000);

  it('GIVEN the thread dies while drawing THEN the user is told the map could not be drawn and where the same record is in words, and the next map is drawn', async () => {
    const chat = conversation();
    const logged: string[] = [];
    chat.ctx.logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    await renderMap(loadedStore(), state('VT'), '287g', 'en'); // a thread is running
    const before = mapRenderPool().threads[0]!.threadId;
    crashOnNextMap();
    const failed = await chat.ask('map Delaware');
    expect(failed.reply).toMatchObject({ status: 'user_error', errorCode: 'map_failed' });
    expect(failed.text).toContain('The map could not be drawn this time.');
    expect(failed.text).toContain('`positions 287g DE`');
    expect(failed.reply.attachments).toBeUndefined();
    expect(logged.join('')).toContain('the map-drawing thread stopped');

    const again = await chat.ask('map Delaware');
    expect(again.reply.status).toBe('ok');
    const [png] = again.reply.attachments as BinaryAttachment[];
    expect(pngHeader(png!.content).width).toBe(1000);
    expect(mapRenderPool().threads.map((w) => w.threadId)).not.toContain(before);
  }, 60_000);

  it('GIVEN more maps waiting than the queue holds THEN the extra one is refused at once, and closing refuses what waits', async () => {
    const pool = new RenderPool({ size: 1, maxQueued: 1 });
    const drawing = drawingOf(mapContent(loadedStore(), state('DE'), '287g', 'en'));
    const drawn = pool.draw(drawing); // handed to the thread
    const waiting = pool.draw(drawing); // waits for it
    await expect(pool.draw(drawing)).rejects.toBeInstanceOf(MapsBusy);
    const closed = pool.close();
    await expect(waiting).rejects.toThrow('shut down');
    await expect(drawn).rejects.toBeInstanceOf(MapDrawFailed);
    await closed;
    expect(pool.threads).toEqual([]);
    await expect(pool.draw(drawing)).rejects.toThrow('shut down');
  }, 60_000);
});

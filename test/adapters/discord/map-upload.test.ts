/** `map` through the real discord.js against the fake Discord: the PNG is a file of the answer, shown in its embed, with alt text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateCode } from '../../../src/domain/states.ts';
import { renderMap } from '../../../src/maps/render-map.ts';
import { closeMapRenderers } from '../../../src/maps/render-pool.ts';
import { loadedStore } from '../../helpers/store.ts';
import { pngHeader } from '../../maps/png-check.ts';
import { messageOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Drawn once before the interaction, so the answer is not deferred for the first render's font and shape loading.
  await renderMap(loadedStore(), { kind: 'state', state: 'DE' as StateCode }, '287g', 'en');
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await closeMapRenderers();
});

describe('Discord: map', () => {
  it('GIVEN /map Delaware THEN the PNG is attached with alt text and shown as the embed image', async () => {
    const call = await h.fake.sendCommand('map', { county: 'Delaware' }).callback;
    const message = messageOf(call) as ReturnType<typeof messageOf> & { attachments: { id: string; description?: string }[] };
    expect(message.embeds[0]!.title).toBe("287(g) agreements of sheriff's offices: Delaware");
    expect((message.embeds[0] as { image?: { url: string } }).image).toEqual({ url: 'attachment://map-287g-de.png' });
    expect(call.files).toHaveLength(1);
    expect(call.files[0]!.filename).toBe('map-287g-de.png');
    expect(pngHeader(call.files[0]!.data).width).toBe(1000);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]!.id).toBe('0');
    expect(message.attachments[0]!.description).toMatch(/^Map of Delaware, each county filled by its sheriff's office's record — .*: 3\.$/);
  });
});

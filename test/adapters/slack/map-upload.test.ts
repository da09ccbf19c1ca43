/** `map` through the real Bolt against the fake Slack: the answer, then the PNG uploaded to the channel with alt text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMapRenderers } from '../../../src/maps/render-pool.ts';
import { pngHeader } from '../../maps/png-check.ts';
import { shown, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: 'http' });
});
afterAll(async () => {
  await h.stop();
  await closeMapRenderers();
});

describe('Slack: map', () => {
  it('GIVEN /sheriff map Delaware THEN the text answer is posted and the PNG is uploaded to that channel with alt text', async () => {
    const answer = await h.command('map Delaware', { channel_id: 'C0MAPS' });
    expect(shown(answer)).toContain("287(g) agreements of sheriff's offices: Delaware");
    expect(shown(answer)).toContain('The map in words');
    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C0MAPS');
    const ask = h.slack.calls.filter((c) => c.method === 'files.getUploadURLExternal').at(-1)!;
    expect(ask.args).toMatchObject({ filename: 'map-287g-de.png' });
    expect(String(ask.args.alt_text)).toMatch(/^Map of Delaware, each county filled/);
    const upload = await h.slack.uploads.waitFor((u) => u.fileId === (complete.args.files as { id: string }[])[0]!.id);
    expect(pngHeader(upload.content).width).toBe(1000);
    expect(Number(ask.args.length)).toBe(upload.content.length);
    expect(h.slack.problems).toEqual([]);
  });
});

/** Text drawn as kept glyph outlines looks as resvg draws the text itself: same pixels, give or take anti-aliasing. */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { StateCode } from '../../src/domain/states.ts';
import { drawingOf } from '../../src/maps/drawing.ts';
import { projectedMap } from '../../src/maps/geometry.ts';
import { mapContent } from '../../src/maps/map-content.ts';
import { RESVG_OPTIONS } from '../../src/maps/png.ts';
import { mapSvg } from '../../src/maps/svg.ts';
import { outlinedText } from '../../src/maps/text-outlines.ts';
import { loadedStore } from '../helpers/store.ts';

const pixels = (svg: string) => new Resvg(svg, RESVG_OPTIONS).render().pixels;

/** Pixels whose colour differs by more than a quarter of the range in some channel. */
function differing(a: Buffer, b: Buffer): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > 64 || Math.abs(a[i + 1]! - b[i + 1]!) > 64 || Math.abs(a[i + 2]! - b[i + 2]!) > 64) count++;
  }
  return count;
}

describe('text as outlines', () => {
  it.each([
    ['a state (small labels, inked by fill)', { kind: 'state' as const, state: 'NH' as StateCode }, 'en'],
    ['a county (haloed labels, Spanish accents)', { kind: 'county' as const, county: loadedStore().jurisdictions.byFips('48453')! }, 'es'],
  ])('GIVEN %s THEN the PNG with outlines matches the PNG with SVG text', async (_, subject, language) => {
    const content = mapContent(loadedStore(), subject, '287g', language as 'en' | 'es');
    const drawing = drawingOf(content);
    const projected = await projectedMap(drawing.geometry);
    const asText = mapSvg(drawing, projected);
    const asOutlines = mapSvg(drawing, projected, outlinedText);
    expect(asText.svg).toContain('<text');
    expect(asOutlines.svg).not.toContain('<text');
    expect(asOutlines.labelled).toEqual(asText.labelled);
    expect(asOutlines.labelled.length).toBeGreaterThan(0);
    const [a, b] = [pixels(asText.svg), pixels(asOutlines.svg)];
    expect(b.length).toBe(a.length);
    const inkOfText = differing(a, pixels(mapSvg({ ...drawing, title: '', lines: [], notes: [], legend: [] }, projected).svg));
    expect(inkOfText).toBeGreaterThan(1000); // the text does put ink on the picture…
    expect(differing(a, b)).toBeLessThan(inkOfText / 100); // …and the outlines put the same ink
  });
});

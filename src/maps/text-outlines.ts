/**
 * Text as its glyph outlines, kept per string, size and style. resvg lays out each text element
 * anew on every render (about a millisecond each, 118 on a map of Texas) while the labels of a
 * map never change: each is laid out once, by resvg itself with the bundled fonts, and later
 * maps draw the kept outline as a plain path.
 */
import { Resvg } from '@resvg/resvg-js';
import { RESVG_OPTIONS } from './png.ts';
import { escapeXml, FONT, textAttributes, type Lettering, type TextStyle } from './svg.ts';

/** Outlines kept (a label is one to two kilobytes); the oldest go first. */
const MAX_KEPT = 6000;
const kept = new Map<string, string>();

/** Two decimals: a hundredth of a pixel, and half the characters resvg writes. */
const rounded = (d: string) => d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));

/** The text's outline as SVG path data, anchored at (0, 0) like the text element. */
function textOutline(value: string, size: number, style: TextStyle = {}): string {
  const key = `${size}\u0000${style.bold ? 'b' : ''}${style.anchor ?? ''}\u0000${value}`;
  let d = kept.get(key);
  if (d === undefined) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" font-family="${FONT}"><text x="0" y="0" ${textAttributes(size, style)}>${escapeXml(value)}</text></svg>`;
    d = rounded([...new Resvg(svg, RESVG_OPTIONS).toString().matchAll(/ d="([^"]*)"/g)].map((m) => m[1]).join(' '));
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, d);
  }
  return d;
}

export const outlinedText: Lettering = (x, y, size, value, style = {}) => {
  const d = textOutline(value, size, style);
  return d ? `<path transform="translate(${x},${y})"${style.fill ? ` fill="${style.fill}"` : ''} d="${d}"/>` : '';
};

/**
 * The map as SVG: title, count lines, the counties filled by category, labels where they fit,
 * the legend and the sources. Text is measured by an estimate of DejaVu Sans's widths (the
 * font the PNG is rendered with), so lines wrap and labels are left out before they overflow.
 */
import type { ProjectedMap } from './geometry.ts';
import type { MapDrawing } from './drawing.ts';

export const SVG_WIDTH = 1000;
const PAD = 20;
export const FONT = 'DejaVu Sans';
/** DejaVu Sans is wide: an average character is about 0.6 em (capitals and digits more, i and l less). */
const EM_PER_CHAR = 0.6;
const INK = '#1A1A1A';
const MUTED = '#4D4D4D';
const BACKGROUND = '#FFFFFF';

export interface MapSvg {
  svg: string;
  width: number;
  height: number;
  /** County names drawn on the map. */
  labelled: string[];
  /** County names that did not fit, to be listed in words. */
  unlabelled: string[];
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function textWidth(value: string, size: number): number {
  return value.length * size * EM_PER_CHAR;
}

/** Word-wraps a line to a width. */
function wrap(value: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && textWidth(next, size) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

export interface TextStyle {
  bold?: boolean;
  anchor?: 'middle';
  fill?: string;
}

/** Writes a line of text at (x, y): as SVG text, or as its outlines (text-outlines.ts). */
export type Lettering = (x: number, y: number, size: number, value: string, style?: TextStyle) => string;

/** Font attributes of a text element. */
export function textAttributes(size: number, style: TextStyle = {}): string {
  return `font-size="${size}"${style.bold ? ' font-weight="bold"' : ''}${style.anchor ? ` text-anchor="${style.anchor}"` : ''}`;
}

const svgText: Lettering = (x, y, size, value, style = {}) =>
  `<text x="${x}" y="${y}" ${textAttributes(size, style)}${style.fill ? ` fill="${style.fill}"` : ''}>${escapeXml(value)}</text>`;

/** White on the dark fills, ink on the light ones (relative luminance of the sRGB colour). */
function labelInk(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.3 ? '#FFFFFF' : INK;
}

/**
 * Labels where the name fits inside the county. Small labels (state maps) take white or ink by
 * the fill instead of a halo: a stroked outline around every glyph doubles the text's cost.
 */
function labels(drawing: MapDrawing, map: ProjectedMap, size: number, halo: boolean, letter: Lettering): { svg: string[]; labelled: string[]; unlabelled: string[] } {
  const svg: string[] = [];
  const labelled: string[] = [];
  const unlabelled: string[] = [];
  const drawn = new Map(drawing.counties.map((c) => [c.fips, c]));
  for (const county of map.counties) {
    const known = drawn.get(county.fips);
    if (!known) continue;
    const [w, h] = county.size;
    if (textWidth(known.label, size) <= w * 0.85 && size * 1.3 <= h * 0.6) {
      const style: TextStyle = halo ? { anchor: 'middle' } : { anchor: 'middle', fill: labelInk(known.fill) };
      svg.push(letter(+county.centroid[0].toFixed(1), +(county.centroid[1] + size * 0.35).toFixed(1), size, known.label, style));
      labelled.push(known.name);
    } else unlabelled.push(known.name);
  }
  return { svg, labelled, unlabelled };
}

/** The map's SVG; `letter` writes its text (as SVG text by default, as outlines for the PNG). */
export function mapSvg(drawing: MapDrawing, map: ProjectedMap, letter: Lettering = svgText): MapSvg {
  const inner = SVG_WIDTH - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  for (const line of wrap(drawing.title, inner, 24)) parts.push(letter(PAD, (y += 28), 24, line, { bold: true }));
  y += 6;
  for (const line of drawing.lines.flatMap((l) => wrap(l, inner, 15))) parts.push(letter(PAD, (y += 20), 15, line));
  y += 14;

  const mapTop = y;
  const fills = new Map(drawing.counties.map((c) => [c.fips, c.fill]));
  const nation = drawing.kind === 'nation';
  const countyStroke = nation ? ' stroke="#FFFFFF" stroke-width="0.25"' : ' stroke="#FFFFFF" stroke-width="0.8"';
  parts.push(`<g transform="translate(${PAD + (inner - map.width) / 2},${mapTop})" stroke-linejoin="round">`);
  parts.push(`<g${countyStroke}>`);
  for (const county of map.counties) {
    const fill = fills.get(county.fips) ?? drawing.stateFills[county.fips.slice(0, 2)];
    if (fill) parts.push(`<path data-fips="${county.fips}" fill="${fill}" d="${county.d}"/>`);
  }
  parts.push('</g>');
  if (map.stateLines) parts.push(`<path d="${map.stateLines}" fill="none" stroke="${MUTED}" stroke-width="0.7"/>`);
  if (map.outline) parts.push(`<path d="${map.outline}" fill="none" stroke="${MUTED}" stroke-width="1"/>`);
  const highlighted = drawing.highlight ? map.counties.find((c) => c.fips === drawing.highlight) : undefined;
  if (highlighted) parts.push(`<path d="${highlighted.d}" fill="none" stroke="${INK}" stroke-width="4"/>`);
  const halo = drawing.kind === 'county';
  const named = nation ? { svg: [], labelled: [], unlabelled: [] } : labels(drawing, map, halo ? 15 : 9, halo, letter);
  if (named.svg.length) {
    const outline = halo ? ' stroke="#FFFFFF" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' : '';
    parts.push(`<g fill="${INK}"${outline}>`, ...named.svg, '</g>');
  }
  parts.push('</g>');
  y = mapTop + map.height + 10;
  for (const line of drawing.underMap.flatMap((l) => wrap(l, inner, 15))) parts.push(letter(PAD, (y += 20), 15, line));
  y += drawing.underMap.length ? 36 : 24;

  const entries = drawing.legend.map((e) => `${e.label}: ${e.count}`);
  const columns = entries.every((e) => textWidth(e, 14) + 26 <= inner / 2 - 10) ? 2 : 1;
  const columnWidth = inner / columns;
  drawing.legend.forEach((entry, i) => {
    const x = PAD + (i % columns) * columnWidth;
    const rowY = y + Math.floor(i / columns) * 24;
    parts.push(`<rect x="${x}" y="${rowY - 13}" width="18" height="18" rx="2" fill="${entry.fill}" stroke="${MUTED}" stroke-width="0.8"/>`);
    parts.push(letter(x + 26, rowY + 1, 14, entries[i]!));
  });
  y += Math.ceil(drawing.legend.length / columns) * 24 + 8;
  for (const line of drawing.notes.flatMap((n) => wrap(n, inner, 12))) parts.push(letter(PAD, (y += 16), 12, line, { fill: MUTED }));
  const height = Math.ceil(y + PAD);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${height}" viewBox="0 0 ${SVG_WIDTH} ${height}" font-family="${FONT}" fill="${INK}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width: SVG_WIDTH, height, labelled: named.labelled, unlabelled: named.unlabelled };
}

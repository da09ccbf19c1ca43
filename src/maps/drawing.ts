/**
 * What the drawing thread needs of a map: plain strings and numbers, cheap to send to a worker
 * (structured clone), with each county's fill and label already decided from the store.
 */
import { FILL } from './categories.ts';
import type { GeometryScope } from './geometry.ts';
import type { MapContent } from './map-content.ts';

export interface DrawnCounty {
  fips: string;
  fill: string;
  /** The label on the map: the base name ('Travis'), or the full one for an independent city ('Fairfax city'). */
  label: string;
  /** The name listed in words when the label does not fit ('Travis County'). */
  name: string;
}

export interface MapDrawing {
  kind: MapContent['subject']['kind'];
  geometry: GeometryScope;
  title: string;
  lines: string[];
  underMap: string[];
  legend: { label: string; count: number; fill: string }[];
  notes: string[];
  counties: DrawnCounty[];
  /** The county outlined on a county map. */
  highlight?: string;
  /** The fill of shapes the store has no county for, by state FIPS prefix (see MapContent.noSheriffStates). */
  stateFills: Record<string, string>;
}

export function drawingOf(content: MapContent): MapDrawing {
  return {
    kind: content.subject.kind,
    geometry: content.geometry,
    title: content.title,
    lines: content.lines,
    underMap: content.underMap,
    legend: content.legend.map(({ label, count, fill }) => ({ label, count, fill })),
    notes: content.notes,
    counties: content.counties.map(({ jurisdiction: j, category }) => ({
      fips: j.fips,
      fill: FILL[category],
      label: j.kind === 'independent_city' ? j.name : j.baseName,
      name: j.name,
    })),
    ...(content.highlight ? { highlight: content.highlight } : {}),
    stateFills: Object.fromEntries([...content.noSheriffStates].map((prefix) => [prefix, FILL['no-sheriff']])),
  };
}

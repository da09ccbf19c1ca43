/** A map drawing to PNG bytes: the shapes (projected once per scope), the SVG, its text as outlines, resvg. */
import type { MapDrawing } from './drawing.ts';
import { projectedMap } from './geometry.ts';
import { svgToPng } from './png.ts';
import { mapSvg } from './svg.ts';
import { outlinedText } from './text-outlines.ts';

export interface DrawnMap {
  png: Uint8Array;
  width: number;
  height: number;
  /** County names drawn on the map. */
  labelled: string[];
  /** County names that did not fit, to be listed in words. */
  unlabelled: string[];
}

export async function drawMap(drawing: MapDrawing): Promise<DrawnMap> {
  const { svg, width, height, labelled, unlabelled } = mapSvg(drawing, await projectedMap(drawing.geometry), outlinedText);
  return { png: svgToPng(svg), width, height, labelled, unlabelled };
}

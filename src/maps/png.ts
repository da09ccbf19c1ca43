/**
 * SVG → PNG with resvg (Rust, through napi-rs), synchronously: it runs on a map-drawing worker
 * thread (render-pool.ts), never on the event loop. Fonts come from the bundled
 * dejavu-fonts-ttf package, never the system's, so labels look the same on every machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES: readonly string[] = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

export const RESVG_OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  fitTo: { mode: 'original' },
  shapeRendering: 2,
  textRendering: 1,
  logLevel: 'off',
};

export function svgToPng(svg: string): Uint8Array {
  return new Uint8Array(new Resvg(svg, RESVG_OPTIONS).render().asPng());
}

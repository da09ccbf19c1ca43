/**
 * County shapes projected to the picture, per map scope. Shapes do not depend on the record,
 * so each scope is projected once and kept; building one hands the event loop back every few
 * dozen counties, so even the whole country never holds it for long.
 */
import { geoAlbersUsa, geoConicEqualArea, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { countyGeometries, countyTopology, type CountyGeometry } from './atlas.ts';

/** The width of the map area in SVG units; the height follows the shape, within these bounds. */
export const MAP_WIDTH = 960;
const MIN_HEIGHT = 420;
const MAX_HEIGHT = 760;
/** geoAlbersUsa's default frame is 960 × 500 at scale 1070; this is the same frame, taller to keep Alaska and Hawaii clear of the legend. */
const NATION_SCALE = 1200;
const NATION_HEIGHT = 600;
/**
 * Counties projected per turn of the event loop. Projections run with precision(0): the
 * shapes' points are already closer together than a pixel, so d3's adaptive resampling
 * would only add work.
 */
const SLICE = 30;

export interface ProjectedCounty {
  fips: string;
  /** The atlas's name, e.g. 'Travis' (the store's display name is used for labels). */
  name: string;
  /** SVG path data. */
  d: string;
  centroid: [number, number];
  /** Width and height of its bounding box, to decide whether a label fits. */
  size: [number, number];
}

export interface ProjectedMap {
  width: number;
  height: number;
  counties: ProjectedCounty[];
  /** Lines between states (the national map), as SVG path data. */
  stateLines?: string;
  /** The outline of the whole area drawn, as SVG path data. */
  outline?: string;
}

/** What to draw: a state's counties, some counties (a county and its neighbours), or the country. */
export type GeometryScope = { kind: 'state'; fipsPrefix: string } | { kind: 'counties'; fips: readonly string[] } | { kind: 'nation' };

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function scopeKey(scope: GeometryScope): string {
  if (scope.kind === 'state') return `state:${scope.fipsPrefix}`;
  if (scope.kind === 'counties') return `counties:${[...scope.fips].sort().join(',')}`;
  return 'nation';
}

function selected(scope: GeometryScope): CountyGeometry[] {
  const all = countyGeometries();
  if (scope.kind === 'state') return all.filter((g) => g.id.startsWith(scope.fipsPrefix));
  if (scope.kind === 'counties') {
    const wanted = new Set(scope.fips);
    return all.filter((g) => wanted.has(g.id));
  }
  return all;
}

/** An equal-area conic centred on the area, its standard parallels at a sixth of its latitude span from each edge. */
function conicFor(collection: FeatureCollection): GeoProjection {
  const [[west, south], [east, north]] = geoPath().bounds(collection);
  const span = north - south;
  const lon = east < west ? (west + east + 360) / 2 : (west + east) / 2;
  return geoConicEqualArea()
    .parallels([south + span / 6, north - span / 6])
    .rotate([-lon, 0])
    .center([0, (south + north) / 2])
    .precision(0);
}

/** Fits the projection to the collection at MAP_WIDTH; returns the height the picture takes. */
function fit(projection: GeoProjection, collection: FeatureCollection): number {
  projection.fitWidth(MAP_WIDTH, collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = bottom - top;
  if (height > MAX_HEIGHT) {
    projection.fitSize([MAP_WIDTH, MAX_HEIGHT], collection);
    return MAX_HEIGHT;
  }
  if (height < MIN_HEIGHT) {
    const margin = (MIN_HEIGHT - height) / 2;
    projection.fitExtent([[0, margin], [MAP_WIDTH, MIN_HEIGHT - margin]], collection);
    return MIN_HEIGHT;
  }
  return height;
}

async function project(scope: GeometryScope): Promise<ProjectedMap> {
  const topology = countyTopology();
  const geometries = selected(scope);
  const features: Feature<Geometry, { name: string }>[] = [];
  for (let i = 0; i < geometries.length; i++) {
    if (i % SLICE === SLICE - 1) await pause();
    const f = feature(topology, geometries[i]!) as Feature<Geometry, { name: string }>;
    f.id = geometries[i]!.id;
    features.push(f);
  }
  const collection: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  const nation = scope.kind === 'nation';
  // Albers USA's own frame, scaled to the map's width: fitting it to the shapes would project the whole country once more.
  const projection = nation ? geoAlbersUsa().scale(NATION_SCALE).translate([MAP_WIDTH / 2, NATION_HEIGHT / 2]).precision(0) : conicFor(collection);
  const height = nation ? NATION_HEIGHT : fit(projection, collection);
  await pause();
  const path = geoPath(projection).digits(1);
  const counties: ProjectedCounty[] = [];
  for (let i = 0; i < features.length; i++) {
    if (i % SLICE === SLICE - 1) await pause();
    const f = features[i]!;
    const d = path(f);
    if (!d) continue; // outside the projection: territories on the national map
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const centroid = path.centroid(f);
    counties.push({ fips: String(f.id), name: f.properties.name, d, centroid: [centroid[0], centroid[1]], size: [x1 - x0, y1 - y0] });
  }
  await pause();
  const result: ProjectedMap = { width: MAP_WIDTH, height: Math.ceil(height), counties };
  if (nation) {
    result.stateLines = await slicedLines(path, mesh(topology, topology.objects.states, (a, b) => a !== b));
    result.outline = await slicedLines(path, mesh(topology, topology.objects.nation));
  } else if (scope.kind === 'state') {
    const state = topology.objects.states.geometries.find((g) => String(g.id) === scope.fipsPrefix);
    if (state) result.outline = path(feature(topology, state)) ?? '';
  }
  return result;
}

/** Projects many lines a slice at a time (Albers USA sends every point through three projections). */
async function slicedLines(path: GeoPath, lines: MultiLineString): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < lines.coordinates.length; i += SLICE * 4) {
    await pause();
    parts.push(path({ type: 'MultiLineString', coordinates: lines.coordinates.slice(i, i + SLICE * 4) }) ?? '');
  }
  return parts.join('');
}

/** Projected shapes are kept; county maps (one per county asked about) only up to this many. */
const MAX_KEPT = 400;
const kept = new Map<string, Promise<ProjectedMap>>();

/** The scope's projected shapes, projected at most once while kept. */
export function projectedMap(scope: GeometryScope): Promise<ProjectedMap> {
  const key = scopeKey(scope);
  let found = kept.get(key);
  if (!found) {
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    found = project(scope);
    kept.set(key, found);
    found.catch(() => kept.delete(key));
  }
  return found;
}

import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { StateCode } from '../../src/domain/states.ts';
import { FILL, type MapCategory } from '../../src/maps/categories.ts';
import { renderSvg } from '../../src/maps/render-map.ts';
import { closeMapRenderers } from '../../src/maps/render-pool.ts';
import type { BinaryAttachment } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';
import { pngHeader } from '../maps/png-check.ts';
import { rawNeighbours } from '../maps/raw-adjacency.ts';

const MODELS = ['jail-enforcement', 'task-force', 'warrant-service-officer'];

/** What a county should show on 287(g), read from the store's live positions (not from the map code). */
function expected287g(store: Store, fips: string): MapCategory {
  const office = store.offices.sheriffOf(fips);
  const values = office ? store.positions.live(office.id).filter((p) => p.topic === '287g').map((p) => p.value) : [];
  const models = new Set(values.filter((v) => MODELS.includes(v)));
  if (models.size > 1) return 'several';
  if (models.size === 1) return [...models][0] as MapCategory;
  if (values.includes('none')) return 'none';
  return store.imports.latest('ice-287g') ? 'not-listed' : 'unknown';
}

function fillsOf(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/<path data-fips="(\d{5})" fill="(#[0-9A-F]{6})"/gi)].map((m) => [m[1]!, m[2]!]));
}

/** The PNG's IDAT data inflates: the file is whole, not only its header. */
function inflates(png: Uint8Array): boolean {
  const buffer = Buffer.from(png);
  const parts: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') parts.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts)).length > 0;
}

// The file's maps share one pool of drawing threads, ended after the file.
afterAll(closeMapRenderers);

/** The loaded ICE list's own date, as the store records it. */
const listDate = () => loadedStore().imports.latest('ice-287g')!.version;

describe('map <state>', () => {
  it('GIVEN New Hampshire THEN the SVG has one path per county, each filled as the store records its sheriff', async () => {
    const store = loadedStore();
    const { svg } = await renderSvg(store, { kind: 'state', state: 'NH' as StateCode }, '287g', 'en');
    const fills = fillsOf(svg);
    const counties = store.jurisdictions.inState('NH');
    expect(counties).toHaveLength(10);
    expect([...fills.keys()].sort()).toEqual(counties.map((c) => c.fips).sort());
    expect(svg.match(/<path data-fips=/g)).toHaveLength(10);
    const categories = counties.map((c) => expected287g(store, c.fips));
    expect(categories.filter((c) => c !== 'not-listed').length).toBeGreaterThan(0); // the check below compares real agreements
    counties.forEach((county, i) => expect(fills.get(county.fips), county.name).toBe(FILL[categories[i]!]));
  });

  it('GIVEN `map New Hampshire` THEN the reply carries a PNG of the declared size under 1 MB, with alt text, and the text answer counts the same', async () => {
    const { reply, text } = await conversation().ask('map New Hampshire');
    expect(reply.status).toBe('ok');
    const [png] = reply.attachments as BinaryAttachment[];
    expect(png!.contentType).toBe('image/png');
    expect(png!.filename).toBe('map-287g-nh.png');
    const header = pngHeader(png!.content);
    expect(header.width).toBe(1000);
    const { svg } = await renderSvg(loadedStore(), { kind: 'state', state: 'NH' as StateCode }, '287g', 'en');
    expect(header.height).toBe(Number(/height="(\d+)"/.exec(svg)![1]));
    expect(png!.content.byteLength).toBeLessThan(1_000_000);
    expect(inflates(png!.content)).toBe(true);
    const listed = (await conversation().ask('positions 287g NH')).reply.intro!.map((line) => line.map((s) => ('text' in s ? s.text : '')).join(''));
    expect(reply.intro!.map((line) => line.map((s) => ('text' in s ? s.text : '')).join(''))).toEqual(listed);
    expect(text).toContain(`Sheriff's office not on ICE's list as of ${listDate()}`);
    expect(png!.altText).toMatch(/^Map of New Hampshire, each county filled/);
  });

  it('GIVEN a Spanish reader THEN the legend, title and alt text are Spanish', async () => {
    const { reply, text } = await conversation({ locale: 'es-419' }).ask('map New Hampshire');
    expect(reply.title).toBe('Acuerdos 287(g) de las oficinas del sheriff: New Hampshire');
    expect(text).toContain(`Oficina del sheriff que no figura en la lista de ICE al ${listDate()}`);
    expect((reply.attachments![0] as BinaryAttachment).altText).toMatch(/^Mapa de New Hampshire/);
    const { svg } = await renderSvg(loadedStore(), { kind: 'state', state: 'NH' as StateCode }, '287g', 'es');
    expect(svg).toContain(`Oficina del sheriff que no figura en la lista de ICE al ${listDate()}`);
    expect(svg).not.toContain("not on ICE's list");
  });
});

describe('map <county>', () => {
  it('GIVEN `map Travis, TX` THEN it draws Travis and exactly its neighbours from the raw topology, Travis outlined', async () => {
    const { reply } = await conversation().ask('map Travis, TX');
    const store = loadedStore();
    const travis = store.jurisdictions.byFips('48453')!;
    const { svg, content } = await renderSvg(store, { kind: 'county', county: travis }, '287g', 'en');
    const expected = ['48453', ...rawNeighbours('48453')].sort();
    expect([...fillsOf(svg).keys()].sort()).toEqual(expected);
    expect(content.highlight).toBe('48453');
    const names = expected.map((fips) => store.jurisdictions.byFips(fips)!.name);
    const words = reply.sections[0]!.items!.map((line) => line.map((s) => ('text' in s ? s.text : '')).join('')).join('\n');
    for (const name of names) expect(words).toContain(name);
    for (const fips of expected) expect(fillsOf(svg).get(fips)).toBe(FILL[expected287g(store, fips)]);
  });

  it('GIVEN the sheriff card and status THEN they compare the county with its neighbours, counted from the store', async () => {
    const store = loadedStore();
    const neighbours = rawNeighbours('48453');
    const engaged = neighbours.filter((fips) => !['not-listed', 'none', 'unknown'].includes(expected287g(store, fips)));
    const line = `${engaged.length} of the ${neighbours.length} neighbouring counties' sheriffs have a 287(g) agreement`;
    expect((await conversation().ask('sheriff Travis, TX')).text).toContain(line);
    const status = (await conversation().ask('status Travis, TX')).text;
    expect(status).toContain(line);
    expect(status).toContain('map Travis County, TX');
  });
});

describe('map: wrong input', () => {
  it('GIVEN `map` alone THEN it says what is missing and shows examples', async () => {
    const { reply } = await conversation().ask('map');
    expect(reply).toMatchObject({ status: 'user_error', errorCode: 'missing_argument' });
    expect(reply.intro!.flat().map((s) => ('text' in s ? s.text : '')).join(' ')).toContain('map Texas');
  });

  it('GIVEN an unknown state or place THEN it says so, never a map', async () => {
    const badState = await conversation().ask('map Travis, ZZ');
    expect(badState.reply).toMatchObject({ status: 'user_error', errorCode: 'bad_state' });
    const unknown = await conversation().ask('map Atlantis');
    expect(unknown.reply).toMatchObject({ status: 'user_error', errorCode: 'place_not_found' });
    expect(unknown.reply.attachments).toBeUndefined();
  });

  it('GIVEN an unknown topic THEN the topics that exist are listed', async () => {
    const { reply, text } = await conversation().ask('map Texas bogus');
    expect(reply).toMatchObject({ status: 'user_error', errorCode: 'bad_choice' });
    expect(text).toContain('287g, detainers');
  });

  it('GIVEN a state without elected sheriffs THEN it says who does the job instead', async () => {
    const { reply } = await conversation().ask('map Connecticut');
    expect(reply.title).toBe('Connecticut: no elected county sheriff');
    expect(reply.attachments).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/framework/types.ts';
import { suggestPlaces } from '../../src/lookup/place-suggestions.ts';
import { plain } from '../../src/reply.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

const store = loadedStore();
const on = (platform: Conversation['platform']): Conversation => ({ platform, workspaceId: 'w', channelId: 'c' });
const intro = (reply: { intro?: Parameters<typeof plain>[0][] }): string => (reply.intro ?? []).map(plain).join('\n');

describe('GIVEN the lines of issue 15, typed in the console', () => {
  const chat = conversation({ store });

  it('GIVEN "sheriff Houston, TX" THEN Harris County, saying Houston is there, with Fort Bend, Montgomery and Houston County, TX offered', async () => {
    const { reply } = await chat.ask('sheriff Houston, TX');
    expect(reply.title).toBe('Sheriff of Harris County, Texas');
    expect(intro(reply)).toContain('Houston, TX is in Harris County, TX.');
    expect(reply.choices?.map((c) => c.label)).toEqual(expect.arrayContaining(['Fort Bend County, TX', 'Montgomery County, TX', 'Houston County, TX']));
  });

  it.each([
    ['sheriff Raleigh', 'Sheriff of Wake County, North Carolina'],
    ['sheriff Chicago', 'Sheriff of Cook County, Illinois'],
    ['LA County', 'Sheriff of Los Angeles County, California'],
    ['sheriff Miami', 'Sheriff of Miami-Dade County, Florida'],
    ['Phoenix', 'Sheriff of Maricopa County, Arizona'],
    ['Seattle', 'Sheriff of King County, Washington'],
    ['Brooklyn', 'Sheriff of Kings County, New York'],
    ['Manhattan', 'Sheriff of New York County, New York'],
    ['77002', 'Sheriff of Harris County, Texas'],
    ['who is the sheriff of Travis County, Texas?', 'Sheriff of Travis County, Texas'],
    ['sheriff for Austin TX', 'Sheriff of Travis County, Texas'],
    ['alguacil Harris, TX', 'Sheriff of Harris County, Texas'],
  ])('GIVEN "%s" THEN "%s"', async (line, title) => {
    expect((await chat.ask(line)).reply.title).toBe(title);
  });

  it('GIVEN the Spanish question about "el condado de Harris" THEN the two Harris Counties are offered', async () => {
    const { reply } = await chat.ask('¿quién es el sheriff del condado de Harris?');
    expect(reply.choices?.map((c) => c.label)).toEqual(['Harris County, GA', 'Harris County, TX']);
  });

  it('GIVEN "77002" THEN the answer says ZIP codes can cross county lines', async () => {
    expect(intro((await chat.ask('77002')).reply)).toContain('ZIP codes can cross county lines');
  });

  it('GIVEN "hi" THEN a short hello with what to ask, not Hawaii', async () => {
    const { reply } = await chat.ask('hi');
    expect(reply.title).toBe('Hello!');
    expect(intro(reply)).toContain('`sheriff 77002`');
  });

  it('GIVEN "hola" THEN the hello is Spanish', async () => {
    expect((await chat.ask('hola')).reply.title).toBe('¡Hola!');
  });

  it('GIVEN "ayuda" THEN help, not Yuma County', async () => {
    const { reply } = await chat.ask('ayuda');
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe((await chat.ask('help')).reply.title);
  });

  it('GIVEN "stauts Harris, TX" THEN status is offered for Harris, TX', async () => {
    const { reply } = await chat.ask('stauts Harris, TX');
    expect(reply.errorCode).toBe('unknown_command');
    expect(reply.choices?.[0]?.invocation).toEqual({ command: 'status', args: { county: 'Harris, TX' } });
  });

  it.each([
    ['Harris, Texs', 'Did you mean Texas?', 'Harris, TX'],
    ['Calif', 'Did you mean California?', 'California'],
  ])('GIVEN "%s" THEN "%s" with the fixed line offered', async (line, hint, label) => {
    const { reply } = await chat.ask(line);
    expect(intro(reply)).toContain(hint);
    expect(reply.choices?.[0]?.label).toBe(label);
  });

  it('GIVEN a misspelled county with its state THEN the advice is never "add the state"', async () => {
    const { reply } = await chat.ask('sheriff Zzyzx, TX');
    expect(intro(reply)).not.toMatch(/add the state/i);
  });
});

describe('GIVEN the platform the user is on', () => {
  it.each([
    ['discord', '/sheriff county:Travis state:TX'],
    ['slack', '/sheriff Travis, TX'],
    ['console', 'sheriff Travis, TX'],
  ] as const)('GIVEN %s THEN hints show `%s`', async (platform, example) => {
    const { reply } = await conversation({ store, conversation: on(platform) }).ask('sheriff Zzyzx');
    expect(intro(reply)).toContain(`\`${example}\``);
  });
});

describe('GIVEN autocomplete of the county option', () => {
  it('GIVEN "Houston" THEN the city comes first, shown with its county', () => {
    expect(suggestPlaces(store, 'Houston', undefined, 25)[0]).toEqual({ label: 'Houston, TX → Harris County, TX', value: 'Harris County, TX' });
  });

  it('GIVEN a ZIP code THEN its county', () => {
    expect(suggestPlaces(store, '77002', undefined, 25)).toEqual([{ label: '77002 → Harris County, TX', value: 'Harris County, TX' }]);
  });

  it('GIVEN "Harr" THEN counties still come first', () => {
    expect(suggestPlaces(store, 'Harr', undefined, 25)[0]?.value).toMatch(/^Harris County/);
  });
});

describe('GIVEN a city in subscribe', () => {
  it('GIVEN "subscribe Houston, TX meetings" THEN Harris County is subscribed, and the reply names it', async () => {
    const chat = conversation({ store: loadedStore({ fresh: true }), moderator: true, conversation: on('console') });
    const { reply, text } = await chat.ask('subscribe Houston, TX meetings');
    expect(reply.title).toBe('Subscribed');
    expect(text).toContain('Harris County, TX — meetings');
  });
});

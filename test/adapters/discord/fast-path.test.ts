/**
 * The per-interaction shortcuts of the Discord adapter: the language setting read once per
 * interaction (carried in the context), and one timer for every "defer if not done in time" deadline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../../adapters/discord/deadlines.ts';
import { languageFor } from '../../../src/i18n/choose-language.ts';
import { emptyStore, loadedStore } from '../../helpers/store.ts';
import { embedText, messageOf, startHarness } from './harness.ts';

const scope = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
const where = { conversation: { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' }, locale: 'en-US' };

describe('the language of one interaction', () => {
  it('GIVEN a context that carries its language THEN languageFor answers it without reading the setting again', () => {
    const store = emptyStore();
    store.languages.set(scope, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
    const get = vi.spyOn(store.languages, 'get');
    expect(languageFor({ store, ...where })).toBe('es');
    expect(get).toHaveBeenCalledTimes(1);
    expect(languageFor({ store, ...where, language: 'es' })).toBe('es');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('GIVEN a lookup in a Spanish channel THEN the adapter, the runner and the reply cache read the setting once between them, and answer in Spanish', async () => {
    const store = loadedStore();
    const h = await startHarness({ store });
    try {
      const channelId = h.fake.guild.channelIds[0]!;
      store.languages.set({ platform: 'discord', workspaceId: h.fake.guild.id, channelId }, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
      const get = vi.spyOn(store.languages, 'get');
      const reply = messageOf(await h.fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' }, { channelId }).callback);
      expect(get).toHaveBeenCalledTimes(1);
      const words = reply.embeds.map(embedText).join('\n');
      expect(words).toContain('Sheriff de Autauga County');
    } finally {
      await h.stop();
    }
  });
});

describe('Deadlines', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const fake = () => {
    vi.useFakeTimers();
    return new Deadlines(2000, () => Date.now());
  };

  it('GIVEN work not done in time THEN it is told once, at its deadline', () => {
    const deadlines = fake();
    const late = vi.fn();
    deadlines.watch(late);
    vi.advanceTimersByTime(1999);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(late).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(late).toHaveBeenCalledTimes(1);
    expect(deadlines.pending).toBe(0);
  });

  it('GIVEN work that settles in time THEN it is never told', () => {
    const deadlines = fake();
    const late = vi.fn();
    const settled = deadlines.watch(late);
    vi.advanceTimersByTime(500);
    settled();
    vi.advanceTimersByTime(10_000);
    expect(late).not.toHaveBeenCalled();
  });

  it('GIVEN many quick answers THEN they share one timer, and a slow one among them is still told at its own deadline', () => {
    const deadlines = fake();
    const quick = vi.fn();
    for (let i = 0; i < 100; i++) {
      const settled = deadlines.watch(quick);
      vi.advanceTimersByTime(1);
      settled();
    }
    expect(vi.getTimerCount()).toBe(1);
    const slow = vi.fn();
    deadlines.watch(slow); // at t = 100: due at 2100
    for (let i = 0; i < 100; i++) deadlines.watch(quick)(); // settled at once
    vi.advanceTimersByTime(1999);
    expect(slow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(slow).toHaveBeenCalledTimes(1);
    expect(quick).not.toHaveBeenCalled();
    expect(deadlines.pending).toBe(0);
  });

  it('GIVEN several late pieces of work THEN each is told at its own deadline, in order', () => {
    const deadlines = fake();
    const told: string[] = [];
    deadlines.watch(() => told.push('a'));
    vi.advanceTimersByTime(300);
    deadlines.watch(() => told.push('b'));
    vi.advanceTimersByTime(1701);
    expect(told).toEqual(['a']);
    vi.advanceTimersByTime(300);
    expect(told).toEqual(['a', 'b']);
  });
});

/**
 * The per-interaction shortcuts of the Discord adapter: the language setting read once per
 * interaction, and one timer for every "defer if not done in time" deadline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../../adapters/discord/deadlines.ts';
import { readLanguageOnce } from '../../../adapters/discord/interaction-handler.ts';
import { languageFor } from '../../../src/i18n/choose-language.ts';
import { emptyStore } from '../../helpers/store.ts';

const scope = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
const where = { conversation: { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1', callerCanManageChannel: false }, locale: 'en-US' };

describe('readLanguageOnce', () => {
  it('GIVEN the language is asked for several times in one interaction THEN SQLite is read once, with the stored answer', () => {
    const store = emptyStore();
    store.languages.set(scope, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
    const get = vi.spyOn(store.languages, 'get');
    const view = readLanguageOnce(store);
    expect([languageFor({ store: view, ...where }), languageFor({ store: view, ...where }), view.languages.get(scope)]).toEqual(['es', 'es', 'es']);
    expect(get).toHaveBeenCalledTimes(1);
    // Everything else is the store itself.
    expect(view.db).toBe(store.db);
    expect(view.jurisdictions).toBe(store.jurisdictions);
  });

  it('GIVEN the interaction sets the language THEN later reads in it see the new one, and the store has it', () => {
    const store = emptyStore();
    const view = readLanguageOnce(store);
    expect(view.languages.get(scope)).toBeUndefined();
    view.languages.set(scope, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
    expect(view.languages.get(scope)).toBe('es');
    expect(store.languages.get(scope)).toBe('es');
  });

  it('GIVEN another scope THEN it is read for itself, not answered from the first', () => {
    const store = emptyStore();
    store.languages.set({ ...scope, channelId: 'c2' }, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
    const view = readLanguageOnce(store);
    expect(view.languages.get(scope)).toBeUndefined();
    expect(view.languages.get({ ...scope, channelId: 'c2' })).toBe('es');
  });

  it('GIVEN two interactions THEN each reads for itself: a setting made in between is seen by the second', () => {
    const store = emptyStore();
    expect(readLanguageOnce(store).languages.get(scope)).toBeUndefined();
    store.languages.set(scope, 'es', 'discord:u1', '2026-11-24T15:00:00Z');
    expect(readLanguageOnce(store).languages.get(scope)).toBe('es');
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

import { describe, expect, it } from 'vitest';
import { createCustomIds, customIdSecret, MAX_CUSTOM_ID } from '../../../adapters/discord/custom-id.ts';
import { loadedStore } from '../../helpers/store.ts';

const ids = createCustomIds(customIdSecret('token-a'));

describe('Discord button custom ids', () => {
  it('GIVEN an invocation with awkward values THEN it decodes to the same invocation and action', () => {
    const invocation = { command: 'sheriff', args: { county: 'Doña Ana | x=y 100%', state: 'NM' } };
    const id = ids.encode('run', invocation)!;
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    expect(ids.decode(id)).toEqual({ ok: true, action: 'run', invocation });
    const page = ids.encode('page', { command: 'positions', args: { topic: '287g', state: 'TX', page: 3 } })!;
    expect(ids.decode(page)).toEqual({ ok: true, action: 'page', invocation: { command: 'positions', args: { topic: '287g', state: 'TX', page: '3' } } });
  });

  it('GIVEN a bot restart with the same token THEN an old id still decodes; with another token it is refused', () => {
    const id = ids.encode('page', { command: 'elections', args: { state: 'GA', page: 2 } })!;
    expect(createCustomIds(customIdSecret('token-a')).decode(id).ok).toBe(true);
    expect(createCustomIds(customIdSecret('token-b')).decode(id)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('GIVEN an id whose arguments, command or action were edited THEN it is refused as tampered', () => {
    const id = ids.encode('run', { command: 'sheriff', args: { county: 'Fairfax city', state: 'VA' } })!;
    expect(ids.decode(id.replace('VA', 'MD'))).toEqual({ ok: false, reason: 'tampered' });
    expect(ids.decode(id.replace(':sheriff|', ':election|'))).toEqual({ ok: false, reason: 'tampered' });
    expect(ids.decode(id.replace('sw1:r:', 'sw1:p:'))).toEqual({ ok: false, reason: 'tampered' });
  });

  it('GIVEN ids that are not ours, too long or broken THEN each is refused with its reason', () => {
    expect(ids.decode('sw-off:next')).toEqual({ ok: false, reason: 'foreign' });
    expect(ids.decode('some-other-bot:button')).toEqual({ ok: false, reason: 'foreign' });
    expect(ids.decode(`sw1:r:${'a'.repeat(120)}`)).toEqual({ ok: false, reason: 'oversized' });
    expect(ids.decode('sw1:r:notatag')).toEqual({ ok: false, reason: 'malformed' });
    expect(ids.encode('run', { command: 'sheriff', args: { county: 'x'.repeat(100) } })).toBeUndefined();
  });

  it('GIVEN every jurisdiction as an ambiguous-name choice THEN each fits in a custom id and round-trips', () => {
    const all = loadedStore().jurisdictions.all();
    expect(all.length).toBeGreaterThan(3000);
    for (const j of all) {
      const invocation = { command: 'election', args: { county: j.name, state: j.state } };
      const id = ids.encode('run', invocation);
      expect(id, j.name).toBeDefined();
      expect(ids.decode(id!)).toEqual({ ok: true, action: 'run', invocation });
    }
  });
});

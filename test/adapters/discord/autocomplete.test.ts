import { describe, expect, it } from 'vitest';
import { suggest } from '../../../adapters/discord/autocomplete.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { resolvePlace } from '../../../src/lookup/resolve-place.ts';
import { loadedStore } from '../../helpers/store.ts';

const store = loadedStore();
const sheriff = createRegistry().get('sheriff')!;

describe('Discord autocomplete suggestions', () => {
  it('GIVEN any jurisdiction typed in full with its state THEN it is offered, and its value resolves back to it with or without the state option', () => {
    const all = store.jurisdictions.all();
    expect(all.length).toBeGreaterThan(3000);
    for (const j of all) {
      const offered = suggest(store, sheriff, 'county', j.name, { state: j.state });
      const value = `${j.name}, ${j.state}`;
      expect(offered.map((s) => s.value), j.name).toContain(value);
      for (const input of [{ county: value }, { county: value, state: j.state }]) {
        const found = resolvePlace(store, input);
        expect(found.kind === 'found' && found.jurisdiction.fips, `${value} ${input.state ?? ''}`).toBe(j.fips);
      }
    }
  });

  it('GIVEN a city or a ZIP code typed THEN it is offered with its county, and the value names the county', () => {
    expect(suggest(store, sheriff, 'county', 'Houston', {})[0]).toEqual({ name: 'Houston, TX → Harris County, TX', value: 'Harris County, TX' });
    expect(suggest(store, sheriff, 'county', '77002', {})).toEqual([{ name: '77002 → Harris County, TX', value: 'Harris County, TX' }]);
    const value = suggest(store, sheriff, 'county', 'Brooklyn', { state: 'NY' })[0]!.value;
    expect(resolvePlace(store, { county: value })).toMatchObject({ kind: 'found', jurisdiction: { fips: '36047' } });
  });

  it('GIVEN nothing typed yet THEN up to 25 places (in the chosen state) are offered', () => {
    expect(suggest(store, sheriff, 'county', '', {})).toHaveLength(25);
    const vermont = suggest(store, sheriff, 'county', '', { state: 'Vermont' });
    expect(vermont).toHaveLength(14);
    expect(vermont.every((s) => s.value.endsWith(', VT'))).toBe(true);
  });

  it('GIVEN a choice option with more than 25 choices THEN matching choices are suggested by label, value or alias', () => {
    const many: CommandDef = {
      name: 'many', descriptionKey: 'command.about.description', permission: 'everyone', examples: [], handler: () => ({ status: 'ok', title: 'x', sections: [], notes: [] }),
      options: [{ name: 'pick', descriptionKey: 'option.note', type: 'choice', required: true, choices: Array.from({ length: 40 }, (_, i) => ({ value: `v${i}`, label: `Label ${i}`, aliases: i === 7 ? ['seven'] : [] })) }],
    };
    expect(suggest(store, many, 'pick', '', {})).toHaveLength(25);
    expect(suggest(store, many, 'pick', 'label 3', {}).map((s) => s.value)).toEqual(['v3', 'v30', 'v31', 'v32', 'v33', 'v34', 'v35', 'v36', 'v37', 'v38', 'v39']);
    expect(suggest(store, many, 'pick', 'SEVEN', {})).toEqual([{ name: 'Label 7', value: 'v7' }]);
    expect(suggest(store, many, 'nope', 'x', {})).toEqual([]);
  });
});

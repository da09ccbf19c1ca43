import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUBRIC } from '../../src/domain/rubric.ts';
import { catalog, LANGUAGES, t } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';

const placeholders = (message: string) => [...message.matchAll(/\{([a-z0-9-]+)\}/gi)].map((m) => m[1]).sort();

describe('locales', () => {
  it.each(LANGUAGES)('GIVEN the %s catalog THEN it has every English key, non-empty, with the same placeholders', (language) => {
    const messages = catalog(language);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(messages[key], key).toBeTruthy();
      expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  it('GIVEN a missing parameter THEN the placeholder stays visible instead of printing "undefined"', () => {
    expect(t('en', 'call.phone')).toBe('Phone: {phone}');
  });
});

/** The README's rubric table, as the code defines it (English). */
function rubricTable(): string {
  const rows = RUBRIC.map((row) => {
    const value = row.value === '*' ? 'any model' : row.value;
    return `| \`${row.topic}\` | ${value} | ${en[row.verdict]} | ${en[row.ask]} |`;
  });
  return ['| topic | recorded value | verdict | ask |', '|---|---|---|---|', ...rows].join('\n');
}

describe('rubric documentation', () => {
  it('GIVEN the rubric in code THEN the README documents exactly that table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /<!-- rubric:start -->\n([\s\S]*?)\n<!-- rubric:end -->/.exec(readme)?.[1];
    expect(section, 'README needs the rubric between <!-- rubric:start --> and <!-- rubric:end -->').toBe(rubricTable());
  });
});

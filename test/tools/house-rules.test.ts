// The layering rules of .dependency-cruiser.cjs (run by `npm run lint`) fire: a tiny tree with
// one violation of each rule, cruised with the project's own rules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };

/** path → the files it imports. */
const TREE: Record<string, string[]> = {
  'src/domain/plain.ts': ['./rules.ts'],
  'src/domain/rules.ts': [],
  'src/domain/reaches-up.ts': ['../commands/sheriff.ts'],
  'src/commands/sheriff.ts': ['../store/rows.ts', '../domain/plain.ts', '../present/card.ts'],
  'src/present/card.ts': ['../store/rows.ts', '../moderation/write.ts'],
  'src/present/reaches-up.ts': ['../commands/sheriff.ts'],
  'src/moderation/write.ts': ['../store/rows.ts'],
  'src/store/rows.ts': ['../db/open.ts'],
  'src/store/reaches-present.ts': ['../present/card.ts'],
  'src/store/reaches-up.ts': ['../scheduler/leads.ts', '../importers/dataset.ts'],
  'src/db/open.ts': [],
  'src/db/reaches-up.ts': ['../store/rows.ts'],
  'src/scheduler/leads.ts': [],
  'src/importers/dataset.ts': [],
  'src/chat.ts': ['../adapters/discord/client.ts', 'discord.js', '@slack/bolt'],
  'src/cycle/a.ts': ['./b.ts'],
  'src/cycle/b.ts': ['./a.ts'],
  'adapters/discord/client.ts': ['../../src/commands/sheriff.ts', 'discord.js'],
};

const dir = mkdtempSync(join(tmpdir(), 'sheriff-watch-house-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  for (const [path, imports] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), imports.map((to, i) => `import * as m${i} from '${to}';\nexport const v${i} = m${i};\n`).join('') + 'export {};\n');
  }
  const { output } = await cruise(['src', 'adapters'], { validate: true, ruleSet: { forbidden: rules.forbidden }, baseDir: dir });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('house rules (dependency-cruiser)', () => {
  it('GIVEN a tree with one wrong arrow of each kind THEN each rule names it, and the arrows that point down pass', async () => {
    const found = await violations();
    expect(found).toEqual(
      [
        'core-not-adapters: src/chat.ts → adapters/discord/client.ts',
        'core-not-adapters: src/chat.ts → discord.js',
        'core-not-adapters: src/chat.ts → @slack/bolt',
        'domain-is-plain: src/domain/reaches-up.ts → src/commands/sheriff.ts',
        'layer-domain: src/domain/reaches-up.ts → src/commands/sheriff.ts',
        'layer-db: src/db/reaches-up.ts → src/store/rows.ts',
        'layer-framework-present-moderation: src/present/reaches-up.ts → src/commands/sheriff.ts',
        'layer-queries-lookup-store: src/store/reaches-present.ts → src/present/card.ts',
        'storage-not-above: src/store/reaches-up.ts → src/scheduler/leads.ts',
        'storage-not-above: src/store/reaches-up.ts → src/importers/dataset.ts',
        'no-circular: src/cycle/a.ts → src/cycle/b.ts',
      ].sort(),
    );
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ICE_287G_SHIPPED } from '../../src/importers/ice-287g.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bot entry point as `npm start` does, with piped stdin and no tokens. */
function runBot(input: string, databasePath: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const freshDb = () => join(mkdtempSync(join(tmpdir(), 'sw-console-')), 'bot.db');

describe('console adapter, end to end', () => {
  // One first start loads the shipped data into a new database; the other runs start on it
  // (loading is what the first start does, and the second-start test checks it happened once).
  const loaded = freshDb();
  let first: Run;
  beforeAll(async () => {
    first = await runBot('sheriff Autauga, AL\n', loaded);
  }, 60_000);

  it('GIVEN piped commands THEN it answers each line from the bundled data and exits 0 at EOF', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const run = await runBot('sheriff Autauga, AL\npositions 287g TX\nelections GA\nFairfax, VA\nhelp\n', loaded);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('== Sheriff of Autauga County, Alabama ==');
    expect(out).toContain('FIPS 01001');
    expect(out).toContain('Jail Enforcement Model — signed 2025-09-22');
    expect(out).toContain('Task Force Model — signed 2025-09-22');
    expect(out).toContain('Holds people on ICE detainers without a judicial warrant: unknown');
    expect(out).toContain('Computed from state law — confirm with the county elections office.');
    expect(out).toContain('== 287(g) agreements in Texas ==');
    expect(out).toMatch(/Page 1 of \d+ — next: positions 287g TX page 2/);
    expect(out).toContain('== Sheriff elections in Georgia ==');
    expect(out).toContain('2028-11-07');
    expect(out).toContain('! "Fairfax, VA" could mean 2 places');
    expect(out).toContain('sheriff Fairfax city, VA');
    expect(out).toContain('== Sheriff Watch ==');
  });

  it('GIVEN a second start on the same database THEN nothing is reloaded and answers are the same', async () => {
    const db = loaded;
    const second = await runBot('sheriff Autauga, AL\n', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const rows = openDatabase(db).prepare('SELECT count(*) AS n FROM imports').get() as { n: number };
    const datasets = openDatabase(db).prepare('SELECT count(DISTINCT dataset) AS n FROM imports').get() as { n: number };
    // Each dataset once, except ICE's list: once per shipped list (January, then May 2026), on the first start only.
    expect(rows.n).toBe(datasets.n + ICE_287G_SHIPPED.length - 1);
  });

  it('GIVEN input that could break a bot THEN every line gets an answer and the process still exits 0', async () => {
    const run = await runBot("@everyone\n'; DROP TABLE offices; --\n\u{1F600}\npositions 287g TX page 999\nsheriff\n", loaded);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Something went wrong');
    expect(run.stdout.match(/^(==|!) /gm)?.length).toBe(5);
  });

  it('GIVEN a database with a newer schema THEN it refuses to start with a clear message', async () => {
    const path = freshDb();
    const db = openDatabase(path);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')").run();
    db.close();
    const run = await runBot('help\n', path);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('newer than this code knows');
    expect(run.stdout).toBe('');
  });
});

import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { loadMigrations, migrate, MIGRATIONS_DIR, SchemaError } from '../../src/db/migrate.ts';

function tables(db: ReturnType<typeof openDatabase>): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function migrationsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-migrations-'));
  for (const file of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, file), join(dir, file));
  return dir;
}

describe('migration chain', () => {
  it('GIVEN an empty in-memory database THEN every migration applies in order and is recorded', () => {
    const db = openDatabase(':memory:');
    const files = loadMigrations();
    const { applied } = migrate(db);
    expect(applied).toEqual(files.map((m) => m.name));
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(files.map((m) => ({ version: m.version, name: m.name })));
    expect(tables(db)).toEqual(expect.arrayContaining(['jurisdictions', 'offices', 'office_holders', 'positions', 'position_history', 'elections', 'imports']));
  });

  it('GIVEN a migrated database THEN migrating again applies nothing', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(migrate(db).applied).toEqual([]);
  });

  it('GIVEN a database newer than the code THEN it refuses with a message that says what to do', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')").run();
    expect(() => migrate(db)).toThrow(SchemaError);
    expect(() => migrate(db)).toThrow(/newer than this code knows/);
  });

  it('GIVEN a recorded migration whose file was renamed THEN it refuses as out of sync', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.prepare("UPDATE schema_migrations SET name = '0001_other.sql' WHERE version = 1").run();
    expect(() => migrate(db)).toThrow(/append-only/);
  });

  it('GIVEN a migration that fails halfway THEN its transaction rolls back and nothing is recorded', () => {
    const dir = migrationsCopy();
    const next = String(loadMigrations(dir).length + 1).padStart(4, '0');
    writeFileSync(join(dir, `${next}_broken.sql`), 'CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(tables(db)).not.toContain('half_done');
    const versions = db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number };
    expect(versions.n).toBe(loadMigrations(dir).length - 1);
  });

  it('GIVEN a badly named or gapped migration file THEN loading refuses', () => {
    const dir = migrationsCopy();
    writeFileSync(join(dir, '0042_gap.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(SchemaError);
    const bad = mkdtempSync(join(tmpdir(), 'sw-bad-'));
    writeFileSync(join(bad, 'init.sql'), 'SELECT 1;');
    expect(() => loadMigrations(bad)).toThrow(/NNNN_lower_snake/);
  });

  it('GIVEN the position history THEN it cannot be updated or deleted', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.exec(`INSERT INTO jurisdictions VALUES ('01001', 'AL', 'Autauga County', 'Autauga', 'county', 'autauga', 'America/Chicago');
      INSERT INTO offices (id, state, jurisdiction_fips, name, kind) VALUES (1, 'AL', '01001', 'Autauga County Sheriff''s Office', 'sheriff');
      INSERT INTO positions (id, office_id, topic, value, source_title, as_of, recorded_by, recorded_at) VALUES (1, 1, 'detainers', 'yes', 't', '2026-01-01', 'me', 'now');
      INSERT INTO position_history (position_id, office_id, topic, slot, action, new_value, source_title, changed_by, changed_at)
        VALUES (1, 1, 'detainers', '', 'created', 'yes', 't', 'me', 'now');`);
    expect(() => db.exec("UPDATE position_history SET new_value = 'no'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM position_history')).toThrow(/append-only/);
  });
});

describe('change log', () => {
  it('GIVEN an appended change THEN it reads back newest first and cannot be updated or deleted', async () => {
    const { createStore } = await import('../../src/store/index.ts');
    const db = openDatabase(':memory:');
    migrate(db);
    db.exec(`INSERT INTO jurisdictions VALUES ('01001', 'AL', 'Autauga County', 'Autauga', 'county', 'autauga', 'America/Chicago')`);
    const store = createStore(db);
    const base = { entity: 'election' as const, jurisdictionFips: '01001', officeId: null, sourceUrl: 'https://example.org', sourceTitle: 'x', by: 'me', at: '2026-11-24T00:00:00Z' };
    store.changes.append({ ...base, entityId: 1, action: 'created', message: { key: 'change.election.created', params: { kind: 'general', date: '2028-11-07' } }, before: null, after: { date: '2028-11-07' } });
    store.changes.append({ ...base, entityId: 1, action: 'changed', message: { key: 'change.source-refreshed' }, before: { date: '2028-11-07' }, after: { date: '2028-11-08' } });
    expect(store.changes.forJurisdiction('01001', 10).map((c) => c.summary)).toEqual(['source refreshed', 'general election 2028-11-07']);
    expect(store.changes.forJurisdiction('01001', 10).map((c) => c.message?.key)).toEqual(['change.source-refreshed', 'change.election.created']);
    expect(store.changes.forEntity('election', 1)[1]?.before).toEqual({ date: '2028-11-07' });
    expect(() => db.exec("UPDATE change_log SET summary = 'x'")).toThrow(/append-only/);
    expect(() => db.exec("UPDATE change_log SET message_params = '{}'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM change_log')).toThrow(/append-only/);
  });
});

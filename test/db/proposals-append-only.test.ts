/**
 * Migration 0015 on a database with proposals made before it: every proposal keeps working
 * (open, decided, redacted), and from then on pending_changes refuses every update; a
 * proposal's text goes only through a logged redaction.
 */
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createStore } from '../../src/store/index.ts';

function databaseAt13WithProposals() {
  const db = openDatabase(':memory:');
  migrate(db, loadMigrations().slice(0, 14));
  const add = db.prepare(`INSERT INTO pending_changes (kind, jurisdiction_fips, summary, payload, expected_version, requested_by, requested_by_name,
      requested_at, platform, workspace_id, workspace_name, channel_id, by_editor)
    VALUES ('position_set', NULL, ?, ?, 0, ?, ?, '2026-11-20T10:00:00.000Z', 'discord', 'G1', 'Rogue', 'C9', 0)`);
  add.run('Travis County, TX · detainers → No', '{"kind":"position_set","fips":"48453"}', 'discord:1', 'Ana');
  add.run('Travis County, TX · detainers → Yes', '{"kind":"position_set","fips":"48453"}', 'discord:2', 'Ben');
  add.run('abusive text', '{"kind":"position_set","fips":"48453","insult":"…"}', 'discord:3', 'Troll');
  db.exec(`INSERT INTO pending_decisions VALUES (2, 'rejected', 'no source', 'discord:9', 'Editor', '2026-11-21T10:00:00.000Z'),
    (3, 'rejected', 'Redacted by an editor', 'discord:9', 'Editor', '2026-11-22T10:00:00.000Z')`);
  // The county is left out (NULL): this database has no places loaded, and the proposals do not need one.
  // Redacted the 0013 way: the text blanked in place, the redaction logged.
  db.exec(`INSERT INTO pending_redactions (pending_id, reason, redacted_by, redacted_by_name, redacted_at) VALUES (3, 'abuse', 'discord:9', 'Editor', '2026-11-22T10:00:00.000Z');
    DROP TRIGGER pending_changes_no_update;
    UPDATE pending_changes SET summary = '', requested_by_name = '', payload = '{"kind":"position_set","fips":"48453","redacted":true}', redacted_at = '2026-11-22T10:00:00.000Z' WHERE id = 3;`);
  return db;
}

describe('GIVEN proposals made before migration 0015', () => {
  it('THEN after it the open one is still open with its text, the decided one keeps its decision, the redacted one stays redacted', () => {
    const db = databaseAt13WithProposals();
    migrate(db);
    const store = createStore(db);
    expect(store.pending.open().map((p) => [p.id, p.summary, p.requestedByName, p.community?.workspaceName])).toEqual([[1, 'Travis County, TX · detainers → No', 'Ana', 'Rogue']]);
    expect(store.pending.byId(2)!.decision).toMatchObject({ decision: 'rejected', note: 'no source' });
    expect(store.pending.byId(2)!.summary).toBe('Travis County, TX · detainers → Yes');
    const redacted = store.pending.byId(3)!;
    expect([redacted.summary, redacted.requestedByName, redacted.redaction?.reason]).toEqual(['', '', 'abuse']);
    expect(JSON.stringify(redacted.payload)).not.toContain('insult');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('THEN pending_changes refuses every update and delete; a text row goes only with a logged redaction', () => {
    const db = databaseAt13WithProposals();
    migrate(db);
    const store = createStore(db);
    expect(() => db.exec(`UPDATE pending_changes SET channel_id = 'C0' WHERE id = 1`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM pending_changes WHERE id = 1`)).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE pending_texts SET summary = 'x' WHERE pending_id = 1`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM pending_texts WHERE pending_id = 1`)).toThrow(/only a logged redaction/);
    expect(store.pending.redact(1, { reason: 'doxxing', by: 'discord:9', byName: 'Editor', community: null, at: '2026-11-23T10:00:00.000Z' })).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM pending_texts WHERE pending_id = 1').get()).toEqual({ n: 0 });
    expect(store.pending.byId(1)!.redaction?.reason).toBe('doxxing');
    expect(store.pending.redact(1, { reason: 'again', by: 'discord:9', byName: 'Editor', community: null, at: '2026-11-23T11:00:00.000Z' })).toBe(false);
  });
});

import type { Db } from '../db/open.ts';
import { msg } from '../i18n/index.ts';
import type { ChangeLogStore } from './change-log.ts';
import { electionKindWord, factsChange, withReason } from './change-messages.ts';
import type { Community } from '../domain/community.ts';
import { RecordNotFoundError, StaleWriteError } from './stale-write.ts';

export type ElectionKind = 'primary' | 'general' | 'runoff' | 'special' | 'recall';
export const ELECTION_KINDS: readonly ElectionKind[] = ['primary', 'general', 'runoff', 'special', 'recall'];

/** An election date a moderator recorded with a source (computed regular elections are not stored). */
export interface RecordedElection {
  id: number;
  fips: string;
  officeId: number | null;
  kind: ElectionKind;
  /** 'YYYY-MM-DD', local to the county. */
  date: string;
  registrationDeadline: string | null;
  note: string | null;
  sourceUrl: string;
  sourceTitle: string;
  recordedBy: string;
  recordedAt: string;
  revision: number;
  updatedAt: string;
  /** Set when cancelled; the row stays. */
  retiredAt: string | null;
}

/** Who writes, when, and on what authority. */
export interface WriteMeta {
  by: string;
  at: string;
  /** The server or workspace the writer was in; kept with the change-log row. */
  community?: Community | null;
  sourceUrl: string;
  sourceTitle: string;
  /** The revision the writer saw; a different current revision is a conflict. */
  expectedRevision?: number;
  /** The change this write undoes ('c12'), when it is a revert. */
  reverts?: string;
}

export type ElectionFacts = Pick<RecordedElection, 'kind' | 'date' | 'registrationDeadline' | 'note'>;

interface Row {
  id: number;
  jurisdiction_fips: string;
  office_id: number | null;
  kind: string;
  election_date: string;
  registration_deadline: string | null;
  note: string | null;
  source_url: string;
  source_title: string;
  recorded_by: string;
  recorded_at: string;
  revision: number;
  updated_at: string | null;
  retired_at: string | null;
}

const COLUMNS = `e.id, e.jurisdiction_fips, e.office_id, e.kind, e.election_date, e.registration_deadline, e.note,
  e.source_url, e.source_title, e.recorded_by, e.recorded_at, e.revision, e.updated_at, e.retired_at`;

function toElection(row: Row): RecordedElection {
  return {
    id: row.id,
    fips: row.jurisdiction_fips,
    officeId: row.office_id,
    kind: row.kind as ElectionKind,
    date: row.election_date,
    registrationDeadline: row.registration_deadline,
    note: row.note,
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    revision: row.revision,
    updatedAt: row.updated_at ?? row.recorded_at,
    retiredAt: row.retired_at,
  };
}

export function facts(e: RecordedElection): ElectionFacts {
  return { kind: e.kind, date: e.date, registrationDeadline: e.registrationDeadline, note: e.note };
}

/** Election dates recorded by moderators; every write appends to change_log in the same transaction. */
export class RecordedElectionStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly updateStmt;
  private readonly retireStmt;
  private readonly reinstateStmt;
  private readonly upcomingForStmt;
  private readonly upcomingAllStmt;
  private readonly upcomingStateStmt;
  private readonly calendarForStmt;
  private readonly calendarStateStmt;

  constructor(
    private readonly db: Db,
    private readonly changes: ChangeLogStore,
  ) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO elections (jurisdiction_fips, office_id, kind,
        election_date, registration_deadline, note, source_url, source_title, recorded_by, recorded_at, updated_at)
      VALUES (@fips, @officeId, @kind, @date, @registrationDeadline, @note, @sourceUrl, @sourceTitle, @by, @at, @at)
      RETURNING id`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM elections e WHERE e.id = ?`);
    this.updateStmt = db.prepare(`UPDATE elections SET kind = @kind, election_date = @date,
        registration_deadline = @registrationDeadline, note = @note, source_url = @sourceUrl, source_title = @sourceTitle,
        revision = revision + 1, updated_at = @at
      WHERE id = @id AND retired_at IS NULL`);
    this.retireStmt = db.prepare(`UPDATE elections SET retired_at = @at, revision = revision + 1, updated_at = @at,
        source_url = @sourceUrl, source_title = @sourceTitle, note = coalesce(@note, note)
      WHERE id = @id AND retired_at IS NULL`);
    this.reinstateStmt = db.prepare(`UPDATE elections SET retired_at = NULL, kind = @kind, election_date = @date,
        registration_deadline = @registrationDeadline, note = @note, source_url = @sourceUrl, source_title = @sourceTitle,
        revision = revision + 1, updated_at = @at
      WHERE id = @id AND retired_at IS NOT NULL`);
    const upcoming = `SELECT ${COLUMNS} FROM elections e WHERE e.retired_at IS NULL AND e.election_date >= ?`;
    this.upcomingForStmt = db.prepare<[string, string], Row>(`${upcoming} AND e.jurisdiction_fips = ? ORDER BY e.election_date, e.id`);
    this.upcomingAllStmt = db.prepare<[string], Row>(`${upcoming} ORDER BY e.election_date, e.id`);
    this.upcomingStateStmt = db.prepare<[string, string], Row>(`${upcoming}
      AND e.jurisdiction_fips IN (SELECT fips FROM jurisdictions WHERE state = ?) ORDER BY e.election_date, e.id`);
    const calendar = `SELECT ${COLUMNS} FROM elections e WHERE e.election_date >= ?`;
    this.calendarForStmt = db.prepare<[string, string], Row>(`${calendar} AND e.jurisdiction_fips = ? ORDER BY e.election_date, e.id`);
    this.calendarStateStmt = db.prepare<[string, string], Row>(`${calendar}
      AND e.jurisdiction_fips IN (SELECT fips FROM jurisdictions WHERE state = ?) ORDER BY e.election_date, e.id`);
  }

  byId(id: number): RecordedElection | undefined {
    const row = this.byIdStmt.get(id);
    return row && toElection(row);
  }

  /** Live elections on or after `fromDate` in one county. */
  upcomingFor(fips: string, fromDate: string): RecordedElection[] {
    return this.upcomingForStmt.all(fromDate, fips).map(toElection);
  }

  /** Live elections on or after `fromDate`, in one state or everywhere. */
  upcoming(fromDate: string, state?: string): RecordedElection[] {
    const rows = state ? this.upcomingStateStmt.all(fromDate, state) : this.upcomingAllStmt.all(fromDate);
    return rows.map(toElection);
  }

  /** Elections on or after `fromDate`, cancelled ones included (calendars mark them cancelled). */
  forCalendar(fromDate: string, scope: { fips: string } | { state: string }): RecordedElection[] {
    const rows = 'fips' in scope ? this.calendarForStmt.all(fromDate, scope.fips) : this.calendarStateStmt.all(fromDate, scope.state);
    return rows.map(toElection);
  }

  add(input: ElectionFacts & { fips: string; officeId: number | null }, meta: WriteMeta): RecordedElection {
    return this.db.transaction(() => {
      const { id } = this.insertStmt.get({ ...input, ...meta })!;
      const created = this.byId(id)!;
      this.changes.append({
        entity: 'election',
        entityId: id,
        jurisdictionFips: input.fips,
        officeId: input.officeId,
        action: 'created',
        message: input.registrationDeadline
          ? msg('change-log.election.created.registration', { kind: electionKindWord(input.kind), date: input.date, deadline: input.registrationDeadline })
          : msg('change.election.created', { kind: electionKindWord(input.kind), date: input.date }),
        before: null,
        after: facts(created),
        sourceUrl: meta.sourceUrl,
        sourceTitle: meta.sourceTitle,
        by: meta.by,
        community: meta.community ?? null,
        at: meta.at,
        reverts: meta.reverts ?? null,
      });
      return created;
    })();
  }

  /** Changes the facts of a live election in place; its id (and calendar UID) stays. */
  change(id: number, patch: Partial<ElectionFacts>, meta: WriteMeta): RecordedElection {
    return this.db.transaction(() => {
      const before = this.live(id, meta.expectedRevision);
      const next: ElectionFacts = { ...facts(before), ...patch };
      this.updateStmt.run({ id, ...next, ...meta });
      const after = this.byId(id)!;
      this.changes.append({
        entity: 'election',
        entityId: id,
        jurisdictionFips: before.fips,
        officeId: before.officeId,
        action: 'changed',
        message: factsChange(facts(before), next),
        before: facts(before),
        after: facts(after),
        sourceUrl: meta.sourceUrl,
        sourceTitle: meta.sourceTitle,
        by: meta.by,
        community: meta.community ?? null,
        at: meta.at,
        reverts: meta.reverts ?? null,
      });
      return after;
    })();
  }

  /** Cancels a live election: kept (calendars show it cancelled), never deleted. */
  cancel(id: number, meta: WriteMeta & { reason: string | null }): RecordedElection {
    return this.db.transaction(() => {
      const before = this.live(id, meta.expectedRevision);
      this.retireStmt.run({ id, at: meta.at, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle, note: meta.reason });
      this.changes.append({
        entity: 'election',
        entityId: id,
        jurisdictionFips: before.fips,
        officeId: before.officeId,
        action: 'retired',
        message: withReason(msg('change.election.cancelled', { kind: electionKindWord(before.kind), date: before.date }), meta.reason),
        before: facts(before),
        after: null,
        sourceUrl: meta.sourceUrl,
        sourceTitle: meta.sourceTitle,
        by: meta.by,
        community: meta.community ?? null,
        at: meta.at,
        reverts: meta.reverts ?? null,
      });
      return this.byId(id)!;
    })();
  }

  /** Undoes a cancellation (a revert): the election is live again with `facts`. */
  reinstate(id: number, facts: ElectionFacts, meta: WriteMeta): RecordedElection {
    return this.db.transaction(() => {
      const before = this.byId(id);
      if (!before?.retiredAt) throw new RecordNotFoundError('election', id);
      this.reinstateStmt.run({ id, ...facts, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle, at: meta.at });
      this.changes.append({
        entity: 'election',
        entityId: id,
        jurisdictionFips: before.fips,
        officeId: before.officeId,
        action: 'created',
        message: msg('change-log.election.restored', { kind: electionKindWord(facts.kind), date: facts.date }),
        before: null,
        after: facts,
        sourceUrl: meta.sourceUrl,
        sourceTitle: meta.sourceTitle,
        by: meta.by,
        community: meta.community ?? null,
        at: meta.at,
        reverts: meta.reverts ?? null,
      });
      return this.byId(id)!;
    })();
  }

  private live(id: number, expectedRevision: number | undefined): RecordedElection {
    const current = this.byId(id);
    if (!current || current.retiredAt) throw new RecordNotFoundError('election', id);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new StaleWriteError('election', id, expectedRevision, current.revision);
    }
    return current;
  }
}

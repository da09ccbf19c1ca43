import type { Db } from '../db/open.ts';
import type { MeetingException, MeetingSeries } from '../domain/meetings.ts';
import type { ChangeLogStore } from './change-log.ts';
import { msg, type Message } from '../i18n/index.ts';
import { factsChange, ofBody, withReason } from './change-messages.ts';
import type { WriteMeta } from './recorded-elections.ts';
import { RecordNotFoundError, StaleWriteError } from './stale-write.ts';

/** The facts of a series a moderator states. */
export type MeetingFacts = Pick<
  MeetingSeries,
  'body' | 'startsAt' | 'timeZone' | 'rrule' | 'durationMinutes' | 'location' | 'agendaUrl' | 'livestreamUrl' | 'publicComment' | 'why'
>;

export type ExceptionFacts = Pick<MeetingException, 'status' | 'startsAt' | 'location' | 'note'>;

interface SeriesRow {
  id: number;
  jurisdiction_fips: string;
  body: string;
  starts_at: string;
  time_zone: string;
  rrule: string | null;
  duration_minutes: number | null;
  location: string | null;
  agenda_url: string | null;
  livestream_url: string | null;
  public_comment: string | null;
  why: string | null;
  source_url: string;
  source_title: string;
  revision: number;
  updated_at: string;
  retired_at: string | null;
}

interface ExceptionRow {
  id: number;
  meeting_id: number;
  original_start: string;
  status: string;
  starts_at: string | null;
  location: string | null;
  note: string | null;
  source_url: string;
  revision: number;
}

const SERIES_COLUMNS = `id, jurisdiction_fips, body, starts_at, time_zone, rrule, duration_minutes, location, agenda_url,
  livestream_url, public_comment, why, source_url, source_title, revision, updated_at, retired_at`;
const EXCEPTION_COLUMNS = 'id, meeting_id, original_start, status, starts_at, location, note, source_url, revision';

function toSeries(row: SeriesRow): MeetingSeries {
  return {
    id: row.id,
    fips: row.jurisdiction_fips,
    body: row.body,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    rrule: row.rrule,
    durationMinutes: row.duration_minutes,
    location: row.location,
    agendaUrl: row.agenda_url,
    livestreamUrl: row.livestream_url,
    publicComment: row.public_comment,
    why: row.why,
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    revision: row.revision,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
  };
}

function toException(row: ExceptionRow): MeetingException {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    originalStart: row.original_start,
    status: row.status as MeetingException['status'],
    startsAt: row.starts_at,
    location: row.location,
    note: row.note,
    sourceUrl: row.source_url,
    revision: row.revision,
  };
}

export function factsOf(s: MeetingSeries): MeetingFacts {
  return {
    body: s.body,
    startsAt: s.startsAt,
    timeZone: s.timeZone,
    rrule: s.rrule,
    durationMinutes: s.durationMinutes,
    location: s.location,
    agendaUrl: s.agendaUrl,
    livestreamUrl: s.livestreamUrl,
    publicComment: s.publicComment,
    why: s.why,
  };
}

/** County board meetings and their per-occurrence exceptions; every write appends to change_log. */
export class MeetingStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly updateStmt;
  private readonly retireStmt;
  private readonly liveForStmt;
  private readonly liveStateStmt;
  private readonly liveAllStmt;
  private readonly exceptionsForStmt;
  private readonly exceptionsAllStmt;
  private readonly exceptionStmt;
  private readonly insertExceptionStmt;
  private readonly updateExceptionStmt;
  private readonly touchStmt;
  private readonly reinstateStmt;
  private readonly deleteExceptionStmt;

  constructor(
    private readonly db: Db,
    private readonly changes: ChangeLogStore,
  ) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO meetings (jurisdiction_fips, body, starts_at, time_zone,
        rrule, duration_minutes, location, agenda_url, livestream_url, public_comment, why, source_url, source_title,
        recorded_by, recorded_at, updated_at)
      VALUES (@fips, @body, @startsAt, @timeZone, @rrule, @durationMinutes, @location, @agendaUrl, @livestreamUrl,
        @publicComment, @why, @sourceUrl, @sourceTitle, @by, @at, @at) RETURNING id`);
    this.byIdStmt = db.prepare<[number], SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM meetings WHERE id = ?`);
    this.updateStmt = db.prepare(`UPDATE meetings SET body = @body, starts_at = @startsAt, time_zone = @timeZone,
        rrule = @rrule, duration_minutes = @durationMinutes, location = @location, agenda_url = @agendaUrl,
        livestream_url = @livestreamUrl, public_comment = @publicComment, why = @why, source_url = @sourceUrl,
        source_title = @sourceTitle, revision = revision + 1, updated_at = @at
      WHERE id = @id AND retired_at IS NULL`);
    this.retireStmt = db.prepare(`UPDATE meetings SET retired_at = @at, revision = revision + 1, updated_at = @at
      WHERE id = @id AND retired_at IS NULL`);
    this.reinstateStmt = db.prepare(`UPDATE meetings SET retired_at = NULL, body = @body, starts_at = @startsAt,
        time_zone = @timeZone, rrule = @rrule, duration_minutes = @durationMinutes, location = @location,
        agenda_url = @agendaUrl, livestream_url = @livestreamUrl, public_comment = @publicComment, why = @why,
        source_url = @sourceUrl, source_title = @sourceTitle, revision = revision + 1, updated_at = @at
      WHERE id = @id AND retired_at IS NOT NULL`);
    this.deleteExceptionStmt = db.prepare<[number]>(`DELETE FROM meeting_exceptions WHERE id = ?`);
    this.touchStmt = db.prepare<[string, number]>(`UPDATE meetings SET revision = revision + 1, updated_at = ? WHERE id = ?`);
    this.liveForStmt = db.prepare<[string], SeriesRow>(
      `SELECT ${SERIES_COLUMNS} FROM meetings WHERE jurisdiction_fips = ? AND retired_at IS NULL ORDER BY id`,
    );
    this.liveStateStmt = db.prepare<[string], SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM meetings
      WHERE retired_at IS NULL AND jurisdiction_fips IN (SELECT fips FROM jurisdictions WHERE state = ?) ORDER BY id`);
    this.liveAllStmt = db.prepare<[], SeriesRow>(`SELECT ${SERIES_COLUMNS} FROM meetings WHERE retired_at IS NULL ORDER BY id`);
    this.exceptionsForStmt = db.prepare<[number], ExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM meeting_exceptions WHERE meeting_id = ? ORDER BY original_start`,
    );
    this.exceptionsAllStmt = db.prepare<[], ExceptionRow>(`SELECT ${EXCEPTION_COLUMNS} FROM meeting_exceptions
      WHERE meeting_id IN (SELECT id FROM meetings WHERE retired_at IS NULL) ORDER BY meeting_id, original_start`);
    this.exceptionStmt = db.prepare<[number, string], ExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM meeting_exceptions WHERE meeting_id = ? AND original_start = ?`,
    );
    this.insertExceptionStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO meeting_exceptions (meeting_id,
        original_start, status, starts_at, location, note, source_url, recorded_by, recorded_at)
      VALUES (@meetingId, @originalStart, @status, @startsAt, @location, @note, @sourceUrl, @by, @at) RETURNING id`);
    this.updateExceptionStmt = db.prepare(`UPDATE meeting_exceptions SET status = @status, starts_at = @startsAt,
        location = @location, note = @note, source_url = @sourceUrl, recorded_by = @by, recorded_at = @at,
        revision = revision + 1
      WHERE id = @id`);
  }

  byId(id: number): MeetingSeries | undefined {
    const row = this.byIdStmt.get(id);
    return row && toSeries(row);
  }

  /** Live series in one county. */
  liveFor(fips: string): MeetingSeries[] {
    return this.liveForStmt.all(fips).map(toSeries);
  }

  /** Live series in one state, or everywhere. */
  live(state?: string): MeetingSeries[] {
    return (state ? this.liveStateStmt.all(state) : this.liveAllStmt.all()).map(toSeries);
  }

  exception(meetingId: number, originalStart: string): MeetingException | undefined {
    const row = this.exceptionStmt.get(meetingId, originalStart);
    return row && toException(row);
  }

  exceptionsFor(meetingId: number): MeetingException[] {
    return this.exceptionsForStmt.all(meetingId).map(toException);
  }

  /** Exceptions of every live series, by meeting id. */
  allExceptions(): Map<number, MeetingException[]> {
    const byMeeting = new Map<number, MeetingException[]>();
    for (const row of this.exceptionsAllStmt.all()) {
      const list = byMeeting.get(row.meeting_id) ?? [];
      list.push(toException(row));
      byMeeting.set(row.meeting_id, list);
    }
    return byMeeting;
  }

  add(input: MeetingFacts & { fips: string }, meta: WriteMeta): MeetingSeries {
    return this.db.transaction(() => {
      const { id } = this.insertStmt.get({ ...input, ...meta })!;
      const created = this.byId(id)!;
      this.changes.append({
        entity: 'meeting',
        entityId: id,
        jurisdictionFips: input.fips,
        officeId: null,
        action: 'created',
        message: input.rrule
          ? msg('change.meeting.series', { body: input.body, start: input.startsAt, rule: input.rrule })
          : msg('change.meeting.one', { body: input.body, start: input.startsAt }),
        before: null,
        after: factsOf(created),
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

  /** Changes the series itself (every future occurrence); exceptions stay keyed to their original starts. */
  change(id: number, patch: Partial<MeetingFacts>, meta: WriteMeta): MeetingSeries {
    return this.db.transaction(() => {
      const before = this.liveSeries(id, meta.expectedRevision);
      const next = { ...factsOf(before), ...patch };
      this.updateStmt.run({ id, ...next, ...meta });
      const after = this.byId(id)!;
      this.appendChange(before, 'meeting', id, 'changed', ofBody(before.body, factsChange(factsOf(before), next)), factsOf(before), factsOf(after), meta);
      return after;
    })();
  }

  /** Cancels the whole series; kept, never deleted. */
  cancel(id: number, meta: WriteMeta & { reason: string | null }): MeetingSeries {
    return this.db.transaction(() => {
      const before = this.liveSeries(id, meta.expectedRevision);
      this.retireStmt.run({ id, at: meta.at });
      const cancelled = msg(before.rrule ? 'change.meeting.cancelled.series' : 'change.meeting.cancelled.one', { body: before.body });
      this.appendChange(before, 'meeting', id, 'retired', withReason(cancelled, meta.reason), factsOf(before), null, meta);
      return this.byId(id)!;
    })();
  }

  /**
   * Cancels or moves one occurrence (named by its original start). Writing it again replaces
   * the earlier exception; the series' revision goes up so calendars see the change.
   */
  setException(meetingId: number, originalStart: string, next: ExceptionFacts, meta: WriteMeta): MeetingException {
    return this.db.transaction(() => {
      const series = this.liveSeries(meetingId, meta.expectedRevision);
      const existing = this.exceptionStmt.get(meetingId, originalStart);
      const row = { ...next, meetingId, originalStart, sourceUrl: meta.sourceUrl, by: meta.by, at: meta.at };
      let id: number;
      if (existing) {
        this.updateExceptionStmt.run({ ...row, id: existing.id });
        id = existing.id;
      } else {
        id = this.insertExceptionStmt.get(row)!.id;
      }
      this.touchStmt.run(meta.at, meetingId);
      const before = existing ? toException(existing) : null;
      const what =
        next.status === 'cancelled'
          ? msg('change.occurrence.cancelled', { body: series.body, start: originalStart })
          : msg('change.occurrence.moved', { body: series.body, start: originalStart, to: String(next.startsAt) });
      // Which occurrence, kept in the row so a revert finds it even after its exception is gone.
      const at = { meetingId, originalStart };
      this.appendChange(series, 'meeting_occurrence', id, existing ? 'changed' : 'created', what,
        before && { status: before.status, startsAt: before.startsAt, location: before.location, note: before.note, ...at }, { ...next, ...at }, meta);
      return toException(this.exceptionStmt.get(meetingId, originalStart)!);
    })();
  }

  /** Undoes a cancellation (a revert): the series is live again with `facts`. */
  reinstate(id: number, facts: MeetingFacts, meta: WriteMeta): MeetingSeries {
    return this.db.transaction(() => {
      const before = this.byId(id);
      if (!before?.retiredAt) throw new RecordNotFoundError('meeting', id);
      this.reinstateStmt.run({ id, ...facts, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle, at: meta.at });
      const after = this.byId(id)!;
      this.appendChange(after, 'meeting', id, 'created', msg(after.rrule ? 'change-log.meeting.restored.series' : 'change-log.meeting.restored.one', { body: after.body }), null, factsOf(after), meta);
      return after;
    })();
  }

  /** Removes one occurrence's exception (a revert of its cancellation or move): it happens as the rule says again. */
  clearException(meetingId: number, originalStart: string, meta: WriteMeta): void {
    this.db.transaction(() => {
      const series = this.liveSeries(meetingId, meta.expectedRevision);
      const existing = this.exceptionStmt.get(meetingId, originalStart);
      if (!existing) throw new RecordNotFoundError('meeting_occurrence', meetingId);
      this.deleteExceptionStmt.run(existing.id);
      this.touchStmt.run(meta.at, meetingId);
      const before = toException(existing);
      this.appendChange(series, 'meeting_occurrence', existing.id, 'retired', msg('change-log.occurrence.restored', { body: series.body, start: originalStart }),
        { status: before.status, startsAt: before.startsAt, location: before.location, note: before.note, meetingId, originalStart }, null, meta);
    })();
  }

  private appendChange(
    series: MeetingSeries,
    entity: 'meeting' | 'meeting_occurrence',
    entityId: number,
    action: 'created' | 'changed' | 'retired',
    message: Message,
    before: unknown,
    after: unknown,
    meta: WriteMeta,
  ): void {
    this.changes.append({
      entity,
      entityId,
      jurisdictionFips: series.fips,
      officeId: null,
      action,
      message,
      before,
      after,
      sourceUrl: meta.sourceUrl,
      sourceTitle: meta.sourceTitle,
      by: meta.by,
      community: meta.community ?? null,
      at: meta.at,
      reverts: meta.reverts ?? null,
    });
  }

  private liveSeries(id: number, expectedRevision: number | undefined): MeetingSeries {
    const current = this.byId(id);
    if (!current || current.retiredAt) throw new RecordNotFoundError('meeting', id);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new StaleWriteError('meeting', id, expectedRevision, current.revision);
    }
    return current;
  }
}

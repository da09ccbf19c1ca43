// Counties linked to the calendars they publish, and which event became which meeting.
import type { Db } from '../db/open.ts';

/** A county's published calendar, as an editor linked it. */
export interface MeetingSource {
  id: number;
  fips: string;
  kind: string;
  /** The Legistar client name, or the .ics address. */
  locator: string;
  /** The body as the source names it; null = every body. */
  body: string | null;
  /** A secret the source needs; never shown, never logged. */
  token: string | null;
  createdBy: string;
  createdAt: string;
  lastSyncAt: string | null;
  lastOutcome: string | null;
  lastReport: string | null;
}

export interface SourceEventLink {
  sourceId: number;
  externalId: string;
  meetingId: number;
  fingerprint: string;
  minutesUrl: string | null;
  status: 'scheduled' | 'cancelled' | 'deleted';
  agendaKey: string | null;
}

interface SourceRow {
  id: number;
  jurisdiction_fips: string;
  kind: string;
  locator: string;
  body: string | null;
  token: string | null;
  created_by: string;
  created_at: string;
  last_sync_at: string | null;
  last_outcome: string | null;
  last_report: string | null;
}

interface LinkRow {
  source_id: number;
  external_id: string;
  meeting_id: number;
  fingerprint: string;
  minutes_url: string | null;
  status: SourceEventLink['status'];
  agenda_key: string | null;
}

const toSource = (r: SourceRow): MeetingSource => ({
  id: r.id,
  fips: r.jurisdiction_fips,
  kind: r.kind,
  locator: r.locator,
  body: r.body,
  token: r.token,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastSyncAt: r.last_sync_at,
  lastOutcome: r.last_outcome,
  lastReport: r.last_report,
});

const toLink = (r: LinkRow): SourceEventLink => ({
  sourceId: r.source_id,
  externalId: r.external_id,
  meetingId: r.meeting_id,
  fingerprint: r.fingerprint,
  minutesUrl: r.minutes_url,
  status: r.status,
  agendaKey: r.agenda_key,
});

const SOURCE_COLUMNS = 'id, jurisdiction_fips, kind, locator, body, token, created_by, created_at, last_sync_at, last_outcome, last_report';

export class MeetingSourceStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly liveForStmt;
  private readonly liveAllStmt;
  private readonly findStmt;
  private readonly retireStmt;
  private readonly syncedStmt;
  private readonly linksStmt;
  private readonly linkStmt;
  private readonly upsertLinkStmt;
  private readonly linkOfMeetingStmt;
  private readonly everStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO meeting_sources (jurisdiction_fips, kind, locator, body, token, created_by, created_at)
      VALUES (@fips, @kind, @locator, @body, @token, @by, @at) RETURNING id`);
    this.byIdStmt = db.prepare<[number], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM meeting_sources WHERE id = ?`);
    this.liveForStmt = db.prepare<[string], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM meeting_sources WHERE jurisdiction_fips = ? AND retired_at IS NULL ORDER BY id`);
    this.liveAllStmt = db.prepare<[], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM meeting_sources WHERE retired_at IS NULL ORDER BY id`);
    this.findStmt = db.prepare<[string, string, string, string], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM meeting_sources
      WHERE jurisdiction_fips = ? AND kind = ? AND locator = ? AND ifnull(body, '') = ? AND retired_at IS NULL`);
    this.retireStmt = db.prepare<[string, number]>(`UPDATE meeting_sources SET retired_at = ? WHERE id = ? AND retired_at IS NULL`);
    this.syncedStmt = db.prepare(`UPDATE meeting_sources SET last_sync_at = @at, last_outcome = @outcome, last_report = @report WHERE id = @id`);
    this.linksStmt = db.prepare<[number], LinkRow>(`SELECT * FROM meeting_source_events WHERE source_id = ?`);
    this.linkStmt = db.prepare<[number, string], LinkRow>(`SELECT * FROM meeting_source_events WHERE source_id = ? AND external_id = ?`);
    this.upsertLinkStmt = db.prepare(`INSERT INTO meeting_source_events (source_id, external_id, meeting_id, fingerprint, minutes_url, status, agenda_key)
      VALUES (@sourceId, @externalId, @meetingId, @fingerprint, @minutesUrl, @status, @agendaKey)
      ON CONFLICT (source_id, external_id) DO UPDATE SET meeting_id = excluded.meeting_id, fingerprint = excluded.fingerprint,
        minutes_url = excluded.minutes_url, status = excluded.status, agenda_key = excluded.agenda_key`);
    this.linkOfMeetingStmt = db.prepare<[number], LinkRow>(`SELECT * FROM meeting_source_events WHERE meeting_id = ? LIMIT 1`);
    this.everStmt = db.prepare<[string, string, string], { id: number }>(`SELECT id FROM meeting_sources WHERE jurisdiction_fips = ? AND kind = ? AND locator = ? LIMIT 1`);
  }

  /** Whether the county was ever linked to this source, live or unlinked since. */
  everLinked(fips: string, kind: string, locator: string): boolean {
    return this.everStmt.get(fips, kind, locator) !== undefined;
  }

  add(input: { fips: string; kind: string; locator: string; body: string | null; token: string | null; by: string; at: string }): MeetingSource {
    const { id } = this.insertStmt.get(input)!;
    return this.byId(id)!;
  }

  byId(id: number): MeetingSource | undefined {
    const row = this.byIdStmt.get(id);
    return row && toSource(row);
  }

  liveFor(fips: string): MeetingSource[] {
    return this.liveForStmt.all(fips).map(toSource);
  }

  live(): MeetingSource[] {
    return this.liveAllStmt.all().map(toSource);
  }

  find(fips: string, kind: string, locator: string, body: string | null): MeetingSource | undefined {
    const row = this.findStmt.get(fips, kind, locator, body ?? '');
    return row && toSource(row);
  }

  retire(id: number, at: string): void {
    this.retireStmt.run(at, id);
  }

  recordSync(id: number, at: string, outcome: string, report: unknown): void {
    this.syncedStmt.run({ id, at, outcome, report: JSON.stringify(report) });
  }

  links(sourceId: number): SourceEventLink[] {
    return this.linksStmt.all(sourceId).map(toLink);
  }

  link(sourceId: number, externalId: string): SourceEventLink | undefined {
    const row = this.linkStmt.get(sourceId, externalId);
    return row && toLink(row);
  }

  /** The source event a meeting was imported from, if it was. */
  /** The minutes the source published for an imported meeting, if any. */
  minutesOf(meetingId: number): string | null {
    return this.linkOfMeetingStmt.get(meetingId)?.minutes_url ?? null;
  }

  linkOfMeeting(meetingId: number): SourceEventLink | undefined {
    const row = this.linkOfMeetingStmt.get(meetingId);
    return row && toLink(row);
  }

  saveLink(link: SourceEventLink): void {
    this.upsertLinkStmt.run(link);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

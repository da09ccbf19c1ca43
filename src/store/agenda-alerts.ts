// Agenda watch findings: one row per meeting, ever (a re-import finds the row and adds nothing).
import type { Db } from '../db/open.ts';
import type { AgendaMatch } from '../domain/agenda-watch.ts';

export interface AgendaAlert {
  id: number;
  meetingId: number;
  fips: string;
  matches: AgendaMatch[];
  itemCount: number;
  agendaUrl: string | null;
  publicComment: string | null;
  foundAt: string;
}

interface Row {
  id: number;
  meeting_id: number;
  jurisdiction_fips: string;
  matches: string;
  item_count: number;
  agenda_url: string | null;
  public_comment: string | null;
  found_at: string;
}

const toAlert = (r: Row): AgendaAlert => ({
  id: r.id,
  meetingId: r.meeting_id,
  fips: r.jurisdiction_fips,
  matches: JSON.parse(r.matches) as AgendaMatch[],
  itemCount: r.item_count,
  agendaUrl: r.agenda_url,
  publicComment: r.public_comment,
  foundAt: r.found_at,
});

export class AgendaAlertStore {
  private readonly insertStmt;
  private readonly sinceStmt;
  private readonly byIdStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO agenda_alerts (meeting_id, jurisdiction_fips, matches, item_count, agenda_url, public_comment, found_at)
      VALUES (@meetingId, @fips, @matches, @itemCount, @agendaUrl, @publicComment, @foundAt) ON CONFLICT (meeting_id) DO NOTHING`);
    this.sinceStmt = db.prepare<[number], Row>(`SELECT * FROM agenda_alerts WHERE id > ? ORDER BY id LIMIT 1000`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT * FROM agenda_alerts WHERE id = ?`);
  }

  /** Records the findings of a meeting; false when the meeting already had its alert. */
  add(alert: Omit<AgendaAlert, 'id'>): boolean {
    return this.insertStmt.run({ ...alert, matches: JSON.stringify(alert.matches) }).changes === 1;
  }

  since(id: number): AgendaAlert[] {
    return this.sinceStmt.all(id).map(toAlert);
  }

  byId(id: number): AgendaAlert | undefined {
    const row = this.byIdStmt.get(id);
    return row && toAlert(row);
  }
}

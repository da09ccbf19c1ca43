import type { Store } from '../../src/store/index.ts';

/**
 * The shared record as readers see it: every live position, live holder record, live recorded
 * election, live meeting series and meeting exception, by its facts and sources (not by row id,
 * revision or who wrote it: a restored row is a new row).
 */
export function recordSnapshot(store: Store): { positions: unknown[]; holders: unknown[]; elections: unknown[]; meetings: unknown[]; exceptions: unknown[] } {
  return {
    positions: store.db
      .prepare(`SELECT office_id, topic, slot, value, detail, effective_date, document_url, source_url, source_title, as_of, dataset
        FROM positions WHERE retired_at IS NULL ORDER BY office_id, topic, slot`)
      .all(),
    holders: store.db
      .prepare(`SELECT office_id, name, name_as_printed, party, selection, took_office, term_end, phone, email, address, website,
          source_kind, source_title, source_url, source_date, dataset
        FROM office_holders WHERE retired_at IS NULL
        ORDER BY office_id, source_kind, source_date, name, coalesce(dataset, ''), coalesce(phone, ''), coalesce(email, '')`)
      .all(),
    elections: store.db
      .prepare(`SELECT id, jurisdiction_fips, office_id, kind, election_date, registration_deadline, note, source_url, source_title
        FROM elections WHERE retired_at IS NULL ORDER BY id`)
      .all(),
    meetings: store.db
      .prepare(`SELECT id, jurisdiction_fips, body, starts_at, time_zone, rrule, duration_minutes, location, agenda_url, livestream_url,
          public_comment, why, source_url, source_title
        FROM meetings WHERE retired_at IS NULL ORDER BY id`)
      .all(),
    exceptions: store.db
      .prepare(`SELECT meeting_id, original_start, status, starts_at, location, note, source_url
        FROM meeting_exceptions ORDER BY meeting_id, original_start`)
      .all(),
  };
}

import type { Store } from '../../src/store/index.ts';

/**
 * The shared record as readers see it: every live position and every live holder record, by
 * its facts and sources (not by row id or who wrote it: a restored row is a new row).
 */
export function recordSnapshot(store: Store): { positions: unknown[]; holders: unknown[] } {
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
  };
}

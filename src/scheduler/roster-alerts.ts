// Change alerts for a roster import: the sheriffs' names and contact details it changed (change_log
// rows of office holders recorded from a 'roster…' dataset) become one digest per import, planned,
// claimed in the delivery ledger and rendered as a 287(g) list's digest is. Keys 'roster:<first>-<last>'
// (change_log ids) never meet the position history's 'digest:…' keys.
import type { OfficeHolder } from '../domain/types.ts';
import type { Change } from '../store/change-log.ts';
import type { Store } from '../store/index.ts';
import type { AlertGroup, LocatedChange } from './alerts.ts';

/** Alert "topics" of roster rows: the name, or the contact details (render-alert.ts names them). */
export const ROSTER_TOPICS = { name: 'sheriff', contact: 'sheriff-contact' } as const;

const CONTACT = ['phone', 'email', 'website', 'address'] as const;

const isRoster = (holder: Partial<OfficeHolder> | null) => typeof holder?.dataset === 'string' && holder.dataset.startsWith('roster');

/** '(512) 555-0100; a@b.org' — the contact fields a change touched, on one side of it (no labels: they read in any language). */
function contactText(holder: Partial<OfficeHolder> | null, fields: readonly (typeof CONTACT)[number][]): string | null {
  if (!holder) return null;
  return fields.map((f) => holder[f] ?? '—').join('; ');
}

function located(store: Store, change: Change): LocatedChange | undefined {
  const before = change.before as Partial<OfficeHolder> | null;
  const after = change.after as Partial<OfficeHolder> | null;
  if (!isRoster(after) || change.officeId === null) return undefined;
  const office = store.offices.byId(change.officeId);
  const renamed = !before || before.name !== after!.name;
  const fields = CONTACT.filter((f) => (before?.[f] ?? null) !== (after![f] ?? null));
  if (!renamed && !fields.length) return undefined;
  return {
    id: change.id,
    positionId: 0,
    officeId: change.officeId,
    topic: renamed ? ROSTER_TOPICS.name : ROSTER_TOPICS.contact,
    slot: '',
    action: before ? 'changed' : 'created',
    oldValue: renamed ? (before?.name ?? null) : contactText(before, fields),
    newValue: renamed ? after!.name! : contactText(after, fields),
    oldDetail: null,
    newDetail: null,
    oldEffectiveDate: null,
    newEffectiveDate: null,
    oldDocumentUrl: null,
    newDocumentUrl: null,
    sourceUrl: change.sourceUrl,
    sourceTitle: change.sourceTitle ?? '',
    by: change.by,
    at: change.at,
    community: null,
    reverts: null,
    state: office?.state ?? '',
    fips: office?.jurisdictionFips ?? null,
    officeName: office?.name ?? `office #${change.officeId}`,
    stream: 'roster',
  };
}

/** The roster changes recorded with change_log ids in (after, upTo]. */
export function rosterChanges(store: Store, after: number, upTo?: number): { rows: LocatedChange[]; last: number | undefined } {
  const changes = store.changes.entitySince('office_holder', after, upTo);
  return { rows: changes.map((c) => located(store, c)).filter((r): r is LocatedChange => !!r), last: changes.at(-1)?.id };
}

/** One digest per import (its rows share the author and the instant). */
export function groupRosterChanges(rows: readonly LocatedChange[]): AlertGroup[] {
  const imports = new Map<string, LocatedChange[]>();
  for (const row of rows) {
    const key = `${row.by} ${row.at}`;
    const list = imports.get(key);
    if (list) list.push(row);
    else imports.set(key, [row]);
  }
  return [...imports.values()].map((list) => ({ key: `roster:${list[0]!.id}-${list.at(-1)!.id}`, lead: 'digest', at: Date.parse(list[0]!.at), rows: list }));
}

/** The rows a 'roster:<first>-<last>' key names, or undefined for another key. */
export function rosterRowsOf(store: Store, key: string): LocatedChange[] | undefined {
  const match = /^roster:(\d+)-(\d+)$/.exec(key);
  if (!match) return undefined;
  return rosterChanges(store, Number(match[1]) - 1, Number(match[2])).rows;
}

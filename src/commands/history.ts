import { topicById, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { link, text, time, type Rich, type Span } from '../reply.ts';
import type { Store } from '../store/index.ts';
import type { PositionHistoryEntry } from '../store/position-history.ts';
import { placeName, placeQuery } from './format.ts';
import { PLACE_OPTIONS, resolveCounty } from './moderation-args.ts';
import { paginate } from './paging.ts';
import type { CommandDef } from './types.ts';

interface Entry {
  at: string;
  /** Ties at the same instant: later writes first. */
  order: number;
  line: Rich;
}

const source = (title: string | null, url: string | null): Span[] =>
  url ? [text(' · per '), link(title ?? url, url)] : title ? [text(` · ${title}`)] : [];

function label(topicId: string, value: string | null): string {
  return value === null ? '—' : valueLabel(topicById(topicId), value);
}

/** 'detainers: Yes → No', '287g Task Force Model: signed 2025-03-25 → 2025-11-06', '287g: Jail Enforcement Model ended'. */
function positionLine(h: PositionHistoryEntry): string {
  const what = h.slot ? `${h.topic} ${label(h.topic, h.slot)}` : h.topic;
  if (h.action === 'retired') return `${what}: ${label(h.topic, h.oldValue)} removed or ended`;
  // An import's detail is its own wording of the row ('ICE lists: …'); a moderator's is their note.
  const imported = h.by.startsWith('import:');
  const parts: string[] = [];
  if (h.action === 'created') parts.push(`${h.topic}: ${label(h.topic, h.newValue)}${h.newEffectiveDate ? `, signed ${h.newEffectiveDate}` : ''}`);
  else {
    parts.push(h.oldValue === h.newValue ? what : `${h.topic}: ${label(h.topic, h.oldValue)} → ${label(h.topic, h.newValue)}`);
    if (h.oldEffectiveDate !== h.newEffectiveDate) parts.push(`signed ${h.oldEffectiveDate ?? '—'} → ${h.newEffectiveDate ?? '—'}`);
    if (h.oldDocumentUrl !== h.newDocumentUrl) parts.push(h.newDocumentUrl ? `agreement link ${h.newDocumentUrl}` : 'agreement link removed');
    if (h.oldDetail !== h.newDetail && h.newDetail && !imported) parts.push(`note: ${h.newDetail}`);
  }
  if (h.action === 'created' && h.newDetail && !imported) parts.push(`note: ${h.newDetail}`);
  return parts.join('; ');
}

/** Position history, holder and other record changes, and review decisions, newest first. */
export function historyEntries(store: Store, j: Jurisdiction): Entry[] {
  const entries: Entry[] = [];
  const office = store.offices.sheriffOf(j.fips);
  const when = (at: string): Span[] => [time(at, j.timeZone), text(' — ')];
  for (const h of office ? store.positionHistory.forOffice(office.id) : []) {
    entries.push({ at: h.at, order: h.id, line: [...when(h.at), text(positionLine(h), 'bold'), text(` · by ${h.by}`), ...source(h.sourceTitle, h.sourceUrl), text(` · #${h.id}`)] });
  }
  for (const c of store.changes.forJurisdiction(j.fips, 10_000)) {
    const what = c.entity === 'office_holder' ? `sheriff ${c.summary}` : `${c.entity.replace(/_/g, ' ')}: ${c.summary}`;
    entries.push({ at: c.at, order: c.id, line: [...when(c.at), text(what, 'bold'), text(` · by ${c.by}`), ...source(c.sourceTitle, c.sourceUrl)] });
  }
  for (const p of store.pending.forJurisdiction(j.fips)) {
    entries.push({ at: p.requestedAt, order: p.id, line: [...when(p.requestedAt), text(`proposed change #${p.id}: ${p.summary}`), text(` · by ${p.requestedBy}`)] });
    if (p.decision) {
      const line: Rich = [...when(p.decision.at), text(`change #${p.id} ${p.decision.decision} by ${p.decision.by}`)];
      if (p.decision.note) line.push(text(`: ${p.decision.note}`));
      entries.push({ at: p.decision.at, order: p.id + 0.5, line });
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.order - a.order);
}

/** The versions a moderator confirms against, e.g. 'sheriff record #1234 · 287g #57 · detainers #60'. */
function versionsNow(store: Store, j: Jurisdiction): string | undefined {
  const office = store.offices.sheriffOf(j.fips);
  if (!office) return undefined;
  const parts: string[] = [];
  const holder = store.holders.current(office.id);
  if (holder) parts.push(`sheriff record #${holder.id} (${holder.name}, per ${holder.source.title})`);
  for (const topic of new Set(store.positions.live(office.id).map((p) => p.topic))) {
    parts.push(`${topic} #${store.positionHistory.topicVersion(office.id, topic)}`);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

export const historyCommand: CommandDef = {
  name: 'history',
  description: "Every change to a county sheriff's record: who, when, from what to what, and the source",
  options: PLACE_OPTIONS,
  permission: 'moderator',
  paged: true,
  examples: ['history Travis, TX', 'history Autauga, AL page 2'],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'history', args);
    const entries = historyEntries(ctx.store, j);
    const page = paginate(
      entries.map((e) => e.line),
      args.page as number | undefined,
      { command: 'history', args: { county: j.name, state: j.state } },
    );
    const versions = versionsNow(ctx.store, j);
    return {
      status: 'ok',
      title: `History: ${placeName(j)}`,
      intro: [[text(`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first. Nothing is ever deleted: removed entries stay here.`)]],
      sections: [{ items: page.items.length ? page.items : [[text('No changes recorded yet.')]] }],
      notes: [
        ...(versions ? [[text(`Versions now: ${versions}`)]] : []),
        [text('The card: '), text(`sheriff ${placeQuery(j)}`, 'code')],
      ],
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};

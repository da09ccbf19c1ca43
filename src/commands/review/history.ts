import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import { shownLabel } from '../../moderation/base.ts';
import { communityLabel, type Community } from '../../domain/community.ts';
import { proposalText } from '../../trust/notice-replies.ts';
import { refText } from '../../trust/change-ref.ts';
import type { Jurisdiction } from '../../domain/types.ts';
import { link, text, time, type Rich, type Span } from '../../reply.ts';
import type { Store } from '../../store/index.ts';
import type { PositionHistoryEntry } from '../../store/position-history.ts';
import { changeLine } from '../../present/change-log-lines.ts';
import { withLocalTimes } from '../../present/local-instants.ts';
import { placeName, placeQuery } from '../../present/format.ts';
import { resolveCounty } from '../record/record-args.ts';
import { paginate } from '../../framework/paging.ts';
import type { CommandDef } from '../../framework/types.ts';
import { PLACE_OPTIONS } from '../../framework/options.ts';

interface Entry {
  at: string;
  /** Ties at the same instant: later writes first. */
  order: number;
  line: Rich;
}

const REMOVED = 'Removed by a moderator: ';

/** Where a change came from; a removal without a link is stored as 'Removed by a moderator: <reason>'. */
const source = (title: string | null, url: string | null, language: Language): Span[] => {
  if (url) return [text(t(language, 'history.per')), link(title ?? url, url)];
  if (!title) return [];
  return [text(` · ${title.startsWith(REMOVED) ? t(language, 'history.removed-by-moderator', { reason: title.slice(REMOVED.length) }) : title}`)];
};

function labelOf(topicId: string, value: string | null, language: Language): string {
  return value === null ? '—' : shownLabel(topicId, value, language);
}

/** 'detainers: Yes → No', '287g Task Force Model: signed 2025-03-25 → 2025-11-06', '287g: Jail Enforcement Model ended'. */
function positionLine(h: PositionHistoryEntry, language: Language): string {
  const label = (topicId: string, value: string | null) => labelOf(topicId, value, language);
  const what = h.slot ? `${h.topic} ${label(h.topic, h.slot)}` : h.topic;
  if (h.action === 'retired') return t(language, 'history.retired', { what, value: label(h.topic, h.oldValue) });
  // An import's detail is its own wording of the row ('ICE lists: …'); a moderator's is their note.
  const imported = h.by.startsWith('import:');
  const parts: string[] = [];
  if (h.action === 'created') parts.push(`${h.topic}: ${label(h.topic, h.newValue)}${h.newEffectiveDate ? t(language, 'history.signed', { date: h.newEffectiveDate }) : ''}`);
  else {
    parts.push(h.oldValue === h.newValue ? what : `${h.topic}: ${label(h.topic, h.oldValue)} → ${label(h.topic, h.newValue)}`);
    if (h.oldEffectiveDate !== h.newEffectiveDate) parts.push(t(language, 'history.signed.change', { from: h.oldEffectiveDate ?? '—', to: h.newEffectiveDate ?? '—' }));
    if (h.oldDocumentUrl !== h.newDocumentUrl) parts.push(h.newDocumentUrl ? t(language, 'history.link', { url: h.newDocumentUrl }) : t(language, 'history.link.removed'));
    if (h.oldDetail !== h.newDetail && h.newDetail && !imported) parts.push(t(language, 'history.note', { note: h.newDetail }));
  }
  if (h.action === 'created' && h.newDetail && !imported) parts.push(t(language, 'history.note', { note: h.newDetail }));
  return parts.join('; ');
}

/** ' from Discord · Organizers (reverts #57)': where a change came from, and what it undid. */
function origin(community: Community | null, reverts: string | null, language: Language): Span[] {
  const label = communityLabel(community);
  const spans: Span[] = label ? [text(t(language, 'history.from', { community: label }))] : [];
  if (reverts) spans.push(text(t(language, 'history.reverts', { ref: refText(reverts) })));
  return spans;
}

/** Position history, holder and other record changes, and review decisions, newest first. */
export function historyEntries(store: Store, j: Jurisdiction, language: Language = 'en'): Entry[] {
  const entries: Entry[] = [];
  const office = store.offices.sheriffOf(j.fips);
  const when = (at: string): Span[] => [time(at, j.timeZone), text(' — ')];
  for (const h of office ? store.positionHistory.forOffice(office.id) : []) {
    entries.push({ at: h.at, order: h.id, line: [...when(h.at), text(positionLine(h, language), 'bold'), text(t(language, 'history.by', { by: h.by })), ...origin(h.community, h.reverts, language), ...source(h.sourceTitle, h.sourceUrl, language), text(` · #${h.id}`)] });
  }
  for (const c of store.changes.forJurisdiction(j.fips, 10_000)) {
    entries.push({ at: c.at, order: c.id, line: [...when(c.at), ...withLocalTimes(changeLine(c, language), j.timeZone, 'bold'), text(t(language, 'history.by', { by: c.by })), ...origin(c.community, c.reverts, language), ...source(c.sourceTitle, c.sourceUrl, language), text(` · ${refText(`c${c.id}`)}`)] });
  }
  for (const p of store.pending.forJurisdiction(j.fips)) {
    entries.push({ at: p.requestedAt, order: p.id, line: [...when(p.requestedAt), text(t(language, 'history.proposed', { id: p.id, summary: proposalText(store, p, language) })), text(t(language, 'history.by', { by: p.requestedBy })), ...origin(p.community, null, language)] });
    if (p.decision) {
      const line: Rich = [...when(p.decision.at), text(t(language, `history.decision.${p.decision.decision}`, { id: p.id, by: p.decision.by }))];
      if (p.decision.note) line.push(text(`: ${p.decision.note}`));
      entries.push({ at: p.decision.at, order: p.id + 0.5, line });
    }
    if (p.redaction) {
      const line: Rich = [...when(p.redaction.at), text(t(language, 'history.redacted', { id: p.id, by: p.redaction.by })), ...origin(p.redaction.community, null, language)];
      if (p.redaction.reason) line.push(text(`: ${p.redaction.reason}`));
      entries.push({ at: p.redaction.at, order: p.id + 0.75, line });
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.order - a.order);
}

/** The versions a moderator confirms against, e.g. 'sheriff record #1234 · 287g #57 · detainers #60'. */
function versionsNow(store: Store, j: Jurisdiction, language: Language): string | undefined {
  const office = store.offices.sheriffOf(j.fips);
  if (!office) return undefined;
  const parts: string[] = [];
  const holder = store.holders.current(office.id);
  if (holder) parts.push(t(language, 'history.version.holder', { id: holder.id, name: holder.name, source: holder.source.title }));
  for (const topic of new Set(store.positions.live(office.id).map((p) => p.topic))) {
    parts.push(`${topic} #${store.positionHistory.topicVersion(office.id, topic)}`);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

export const historyCommand: CommandDef = {
  name: 'history',
  options: PLACE_OPTIONS,
  // The record is shared and public; so is who changed it (as in any community dataset).
  permission: 'everyone',
  paged: true,
  examples: ['history Travis, TX', 'history Autauga, AL page 2'],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'history', args);
    const language = languageFor(ctx);
    const entries = historyEntries(ctx.store, j, language);
    const page = paginate(
      entries.map((e) => e.line),
      args.page as number | undefined,
      { command: 'history', args: { county: j.name, state: j.state } },
    );
    const versions = versionsNow(ctx.store, j, language);
    return {
      status: 'ok',
      title: t(language, 'history.title', { place: placeName(j) }),
      intro: [[text(t(language, 'history.count', { count: entries.length }))]],
      sections: [{ items: page.items.length ? page.items : [[text(t(language, 'history.empty'))]] }],
      notes: [
        ...(versions ? [[text(t(language, 'history.versions', { versions }))]] : []),
        [text(t(language, 'history.card')), text(`sheriff ${placeQuery(j)}`, 'code')],
      ],
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};

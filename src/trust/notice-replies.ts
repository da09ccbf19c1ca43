/** What the editors' channel and the proposer's channel are told, in the reader's language. */
import { pendingSummary } from '../present/change-summary.ts';
import { placeOf } from '../moderation/base.ts';
import { t, type Language } from '../i18n/index.ts';
import { text, type Reply } from '../reply.ts';
import type { Store } from '../store/index.ts';
import type { PendingChange } from '../store/pending-changes.ts';
import { communityLabel } from '../domain/community.ts';

const placeOfPending = (store: Store, p: PendingChange): string => (p.jurisdictionFips ? placeOf(store, p.jurisdictionFips) : '—');

/** A redacted proposal keeps only its place; everything else is gone. */
export function proposalText(store: Store, p: PendingChange, language: Language): string {
  if (p.redaction) return t(language, 'trust.redacted.summary', { place: placeOfPending(store, p) });
  return pendingSummary(store, p, language);
}

/** New proposal, posted to the editors with approve and reject buttons. */
export function proposalNotice(store: Store, p: PendingChange, language: Language): Reply {
  const community = communityLabel(p.community) ?? t(language, 'trust.notice.community.unknown');
  return {
    status: 'ok',
    title: t(language, 'trust.notice.proposal', { id: p.id, place: placeOfPending(store, p) }),
    intro: [
      [text(proposalText(store, p, language), 'bold')],
      [text(t(language, 'trust.notice.proposal.by', { name: p.requestedByName, by: p.requestedBy, community }))],
      ...(p.byEditor ? [[text(t(language, 'trust.notice.editor-review'))]] : []),
    ],
    sections: [],
    notes: [[
      text(t(language, 'trust.notice.decide')), text(`approve ${p.id}`, 'code'), text(t(language, 'trust.notice.or')),
      text(`reject ${p.id} <reason>`, 'code'), text(t(language, 'trust.notice.redact')), text(`redact ${p.id}`, 'code'), text('.'),
    ]],
    choices: [
      { label: t(language, 'pending.approve', { id: p.id }), invocation: { command: 'approve', args: { id: p.id } } },
      { label: t(language, 'pending.reject', { id: p.id }), invocation: { command: 'reject', args: { id: p.id } } },
    ],
  };
}

/** The decision, posted where the proposal was made (no mention: nobody is pinged). */
export function decisionNotice(store: Store, p: PendingChange, decision: { approved: boolean; byName: string; note: string | null }, language: Language): Reply {
  const place = placeOfPending(store, p);
  return {
    status: 'ok',
    title: t(language, decision.approved ? 'trust.decided.approved' : 'trust.decided.rejected', { id: p.id }),
    intro: [
      [text(proposalText(store, p, language))],
      [text(t(language, 'trust.decided.by', { name: p.requestedByName || '—', by: decision.byName }))],
      ...(decision.note ? [[text(t(language, 'trust.decided.reason', { reason: decision.note }))]] : []),
    ],
    sections: [],
    notes: [[text(t(language, 'trust.decided.see')), text(`history ${place}`, 'code'), text('.')]],
  };
}

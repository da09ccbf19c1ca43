/**
 * A change to the shared record that waits: a proposal from someone who is not an editor, or
 * an editor's own change under REQUIRE_REVIEW. It is stored with its source and where it came
 * from, posted to the editors' channel, and applied only when an editor approves it.
 */
import type { Author, Change } from '../moderation/change.ts';
import { describeChange, describeCurrent, placeOf } from '../present/change-summary.ts';
import type { CommandContext } from '../framework/types.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { t } from '../i18n/index.ts';
import { text, type Reply } from '../reply.ts';
import { proposalsLimitedError } from './errors.ts';
import { proposalNotice } from './notice-replies.ts';
import { secondsUntil } from './rate-limit.ts';

export interface Proposal {
  change: Change;
  /** The record version the proposer saw (0: nothing recorded). */
  current: number;
  author: Author;
  at: string;
  byEditor: boolean;
}

/** Refuses a proposal over the proposer's limit (editors, named by the operator, have none). */
function checkProposalLimit(ctx: CommandContext, author: Author, at: string): void {
  const limit = ctx.trust?.proposals;
  if (!limit) return;
  const now = Date.parse(at);
  const recent = ctx.store.pending.proposedSince(author.id, new Date(now - limit.windowMs).toISOString());
  if (recent.length < limit.count) return;
  const freeAt = Date.parse(recent[recent.length - limit.count]!) + limit.windowMs;
  throw proposalsLimitedError(limit, secondsUntil(freeAt, now));
}

export function propose(ctx: CommandContext, { change, current, author, at, byEditor }: Proposal): Reply {
  const { store } = ctx;
  const language = languageFor(ctx);
  if (!byEditor) checkProposalLimit(ctx, author, at);
  const id = store.pending.add({
    kind: change.kind,
    jurisdictionFips: change.fips,
    officeId: store.offices.sheriffOf(change.fips)?.id ?? null,
    summary: describeChange(store, change),
    payload: change,
    file: null,
    expectedVersion: current,
    requestedBy: author.id,
    requestedByName: author.name,
    requestedAt: at,
    community: author.community ?? null,
    channelId: ctx.conversation?.channelId ?? null,
    byEditor,
  });
  const stored = store.pending.byId(id)!;
  ctx.trust?.notices.toEditors(`sw-prop-${id}`, (lang) => proposalNotice(store, stored, lang));
  const intro = [[text(describeChange(store, change, language))], [text(t(language, 'change.now')), text(describeCurrent(store, change, language))]];
  if (byEditor) {
    return {
      status: 'ok',
      title: t(language, 'review.waiting', { id }),
      intro,
      sections: [],
      notes: [[text(t(language, 'review.waiting.how')), text(`approve ${id}`, 'code'), text(t(language, 'review.waiting.see')), text('pending', 'code'), text(t(language, 'review.waiting.until'))]],
    };
  }
  return {
    status: 'ok',
    title: t(language, 'trust.proposed.title', { id }),
    intro: [...intro, [text(t(language, 'trust.proposed.unchanged'), 'bold')]],
    sections: [],
    notes: [[text(t(language, 'trust.proposed.told')), text(`history ${placeOf(store, change.fips)}`, 'code'), text('.')], [text(t(language, 'trust.proposed.editors')), text('about', 'code'), text('.')]],
  };
}

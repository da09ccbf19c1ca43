/**
 * A change to the shared record that waits: a proposal from someone who is not an editor, or
 * an editor's own change under REQUIRE_REVIEW. It is stored with its source and where it came
 * from, posted to the editors' channel, and applied only when an editor approves it.
 */
import type { Author, Change } from '../moderation/base.ts';
import { describeChange, describeCurrent } from '../present/change-summary.ts';
import { placeOf } from '../moderation/base.ts';
import type { CommandContext } from '../framework/types.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { t } from '../i18n/index.ts';
import { text, type Reply, type Rich } from '../reply.ts';
import type { PendingKind } from '../store/pending-changes.ts';
import type { EventChange } from '../moderation/event-change.ts';
import { describeEvent } from '../present/event-summary.ts';
import { communityOf } from '../domain/community.ts';
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

/** What every waiting change is stored with, whatever it changes. */
interface Draft {
  kind: PendingKind;
  fips: string;
  officeId: number | null;
  /** English, as stored; shown again in each reader's language from the payload. */
  summary: string;
  payload: unknown;
  expected: number;
  author: Author;
  at: string;
  byEditor: boolean;
}

/** Stores the change as waiting (within the proposer's limit) and tells the editors; its id. */
function storeProposal(ctx: CommandContext, draft: Draft): number {
  const { store } = ctx;
  if (!draft.byEditor) checkProposalLimit(ctx, draft.author, draft.at);
  const id = store.pending.add({
    kind: draft.kind,
    jurisdictionFips: draft.fips,
    officeId: draft.officeId,
    summary: draft.summary,
    payload: draft.payload,
    file: null,
    expectedVersion: draft.expected,
    requestedBy: draft.author.id,
    requestedByName: draft.author.name,
    requestedAt: draft.at,
    community: draft.author.community ?? null,
    channelId: ctx.conversation?.channelId ?? null,
    byEditor: draft.byEditor,
  });
  const stored = store.pending.byId(id)!;
  ctx.trust?.notices.toEditors(`sw-prop-${id}`, (lang) => proposalNotice(store, stored, lang));
  return id;
}

/** The answer to the proposer: it waits, and the record is unchanged until an editor decides. */
function waitingReply(ctx: CommandContext, id: number, fips: string, intro: Rich[], byEditor: boolean): Reply {
  const language = languageFor(ctx);
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
    notes: [[text(t(language, 'trust.proposed.told')), text(`history ${placeOf(ctx.store, fips)}`, 'code'), text('.')], [text(t(language, 'trust.proposed.editors')), text('about', 'code'), text('.')]],
  };
}

export function propose(ctx: CommandContext, { change, current, author, at, byEditor }: Proposal): Reply {
  const { store } = ctx;
  const language = languageFor(ctx);
  const officeId = store.offices.sheriffOf(change.fips)?.id ?? null;
  const id = storeProposal(ctx, { kind: change.kind, fips: change.fips, officeId, summary: describeChange(store, change), payload: change, expected: current, author, at, byEditor });
  const intro = [[text(describeChange(store, change, language))], [text(t(language, 'change.now')), text(describeCurrent(store, change, language))]];
  return waitingReply(ctx, id, change.fips, intro, byEditor);
}

/** An election or meeting change that waits: `expected` is the revision the proposer saw (0 for a new one). */
export function proposeEvent(ctx: CommandContext, change: EventChange, expected: number): Reply {
  const author: Author = { id: ctx.caller.id, name: ctx.caller.displayName, community: communityOf(ctx) };
  const byEditor = ctx.caller.isEditor;
  const officeId = change.kind === 'election_add' ? change.officeId : null;
  const at = ctx.clock.now().toISOString();
  const id = storeProposal(ctx, { kind: change.kind, fips: change.fips, officeId, summary: describeEvent(ctx.store, change), payload: change, expected, author, at, byEditor });
  return waitingReply(ctx, id, change.fips, [[text(describeEvent(ctx.store, change, languageFor(ctx)))]], byEditor);
}

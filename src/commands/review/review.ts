import { checkText, LIMITS } from '../../domain/validation.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t, type Language } from '../../i18n/index.ts';
import { text, type Reply } from '../../reply.ts';
import type { PendingChange } from '../../store/pending-changes.ts';
import type { NoticeTarget } from '../../store/decision-notices.ts';
import { UserError, type ErrorChoice } from '../../user-error.ts';
import { ApprovalRefused } from '../../importers/list-job.ts';
import { offThread } from '../record/import-287g.ts';
import { rosterReply } from '../record/import-roster.ts';
import { listReportReply } from '../../present/list-report.ts';
import { applyChange, ConflictError } from '../../moderation/change.ts';
import { UnchangedError, type Change } from '../../moderation/base.ts';
import { isRosterProposal } from '../../present/roster-proposal-summary.ts';
import { applyRosterProposal, RosterMoved } from '../../moderation/roster-proposal.ts';
import { checked } from '../record/record-args.ts';
import { describeCurrent, pendingSummary } from '../../present/change-summary.ts';
import { pendingCommand } from './pending.ts';
import { authorOf, conflictReply, doneReply } from '../../moderation/submit.ts';
import type { Args, CommandContext, CommandDef, OptionDef } from '../../framework/types.ts';
import { sameAuthor } from '../../domain/community.ts';
import { isEventKind } from '../../moderation/event-change.ts';
import { approveEvent } from './approve-event.ts';

class AlreadyDecided extends Error {}

/** Where the proposer hears the decision: the channel they proposed in (none for the console or proposals older than that). */
function noticeTarget(pending: PendingChange): NoticeTarget | undefined {
  const where = pending.community;
  if (!where?.workspaceId || !pending.channelId || where.platform === 'console') return undefined;
  return { platform: where.platform, workspaceId: where.workspaceId, channelId: pending.channelId };
}

/** Posts the decision queued with it (and any retry that is due); a failure waits in the outbox. */
function tellProposer(ctx: CommandContext): void {
  void ctx.trust?.notices.sendDecisions(ctx.store, ctx.clock);
}

/** Rejecting the change instead, with a reason its author reads in the language of the reply. */
const rejectChoice = (id: number): ErrorChoice => ({ label: msg('pending.reject', { id }), invocation: { command: 'reject', args: { id, reason: msg('review.reject.reason') } } });

function openChange(ctx: CommandContext, args: Args): PendingChange {
  const id = Number(args.id);
  const pending = ctx.store.pending.byId(id);
  if (!pending) throw new UserError('not_found', 'review.not-found', { id }, [msg('review.not-found.help')]);
  if (pending.decision) {
    const d = pending.decision;
    const decision = msg(`review.decision.${d.decision}`);
    throw new UserError('already_decided', 'review.already', { id, decision }, [msg('review.already.by', { decision, name: d.byName, by: d.by, at: d.at })]);
  }
  return pending;
}

function noteArg(args: Args, name: string): string | null {
  return args[name] === undefined ? null : checked(checkText(String(args[name]), name, LIMITS.reason, true));
}

function summaryOf(ctx: CommandContext, pending: PendingChange, language: Language): string {
  return pendingSummary(ctx.store, pending, language);
}

const ID_OPTION: OptionDef = { name: 'id', descriptionKey: 'option.change-id', type: 'integer', required: false, min: 1 };

async function approve(ctx: CommandContext, args: Args): Promise<Reply> {
  if (args.id === undefined) return pendingCommand.handler(ctx, {});
  const language = languageFor(ctx);
  const pending = openChange(ctx, args);
  if (pending.redaction) throw new UserError('redacted', 'trust.redacted.no-approve', { id: pending.id }, [msg('trust.redacted.no-approve.help')]);
  if (sameAuthor(pending.requestedBy, ctx.caller.id)) {
    throw new UserError('own_change', 'review.own', { id: pending.id }, [msg('review.own.help', { command: `\`reject ${pending.id}\`` })]);
  }
  const me = authorOf(ctx);
  const at = ctx.clock.now().toISOString();
  const decision = { decision: 'approved' as const, note: noteArg(args, 'note'), by: me.id, byName: me.name, at };
  const decide = () => {
    if (!ctx.store.pending.decide(pending.id, decision, noticeTarget(pending))) throw new AlreadyDecided();
  };
  try {
    if (isRosterProposal(pending)) {
      const tell = noticeTarget(pending);
      const report = await applyRosterProposal(ctx, pending, { decision, ...(tell ? { tell } : {}) });
      tellProposer(ctx);
      const reply = rosterReply(report, language);
      return { ...reply, title: t(language, 'roster.approved', { id: pending.id }), intro: [[text(reply.title)], ...(reply.intro ?? [])] };
    }
    if (pending.kind === 'ice_import') {
      const { fileName, version, force } = pending.payload as { fileName: string; version: string; force?: boolean };
      // Read, applied and decided in a worker thread (one transaction there): the chat keeps answering.
      const tell = noticeTarget(pending);
      const approval = { pendingId: pending.id, expectedVersion: pending.expectedVersion, decision, ...(tell ? { tell } : {}) };
      const file = { filename: fileName, data: ctx.store.pending.file(pending.id)! };
      const { report } = await offThread(file, { mode: 'apply', date: version, now: at, approval, ...(force ? { force: true } : {}) }, ctx);
      tellProposer(ctx);
      return listReportReply(report, t(language, 'review.approved.import', { id: pending.id, version }), [[text(t(language, 'review.proposed-by', { name: pending.requestedByName }))]], language);
    }
    if (isEventKind(pending.kind)) {
      const reply = approveEvent(ctx, pending, at, decide, rejectChoice(pending.id));
      tellProposer(ctx);
      return reply;
    }
    const change = pending.payload as Change;
    const before = describeCurrent(ctx.store, change, language);
    ctx.store.db.transaction(() => {
      applyChange(ctx.store, change, pending.expectedVersion, { id: pending.requestedBy, name: pending.requestedByName, community: pending.community }, at);
      decide();
    })();
    tellProposer(ctx);
    return doneReply(ctx, change, before, t(language, 'review.approved', { id: pending.id }));
  } catch (error) {
    if (error instanceof AlreadyDecided || (error instanceof ApprovalRefused && error.code === 'already_decided')) throw new UserError('already_decided', 'review.meanwhile', { id: pending.id }, [msg('review.meanwhile.once')]);
    const reject = rejectChoice(pending.id);
    if (error instanceof UnchangedError) {
      throw new UserError('unchanged', 'review.unchanged', { id: pending.id }, [msg('review.unchanged.help', { what: (language: Language) => error.text(language) })], [reject]);
    }
    if (error instanceof RosterMoved) throw new UserError('conflict', 'roster.conflict', { id: pending.id }, [msg('roster.conflict.help')], [reject]);
    if (error instanceof ApprovalRefused) {
      throw new UserError('conflict', 'review.import-conflict', { id: pending.id }, [msg('review.import-conflict.help')], [reject]);
    }
    if (!(error instanceof ConflictError)) throw error;
    const reply = conflictReply(ctx, pending.payload as Change, error.current);
    const choice = { label: t(language, 'pending.reject', { id: pending.id }), invocation: { command: 'reject', args: { id: pending.id, reason: t(language, 'review.reject.reason') } } };
    return { ...reply, notes: [[text(t(language, 'review.conflict.note', { id: pending.id }))]], choices: [choice] };
  }
}

async function reject(ctx: CommandContext, args: Args): Promise<Reply> {
  if (args.id === undefined) return pendingCommand.handler(ctx, {});
  const language = languageFor(ctx);
  const pending = openChange(ctx, args);
  const me = authorOf(ctx);
  const own = sameAuthor(pending.requestedBy, me.id);
  const decided = ctx.store.pending.decide(pending.id, {
    decision: own ? 'withdrawn' : 'rejected',
    note: noteArg(args, 'reason'),
    by: me.id,
    byName: me.name,
    at: ctx.clock.now().toISOString(),
  }, own ? undefined : noticeTarget(pending));
  if (!decided) throw new UserError('already_decided', 'review.meanwhile', { id: pending.id }, [msg('review.see-pending')]);
  if (!own) tellProposer(ctx);
  return {
    status: 'ok',
    title: t(language, own ? 'review.withdrawn' : 'review.rejected', { id: pending.id }),
    intro: [[text(summaryOf(ctx, pending, language))]],
    sections: [],
    notes: [[text(t(language, 'review.rejected.note'))]],
  };
}

export const approveCommand: CommandDef = {
  name: 'approve',
  options: [ID_OPTION, { name: 'note', type: 'text', required: false }],
  permission: 'editor',
  examples: ['approve'],
  handler: approve,
};

export const rejectCommand: CommandDef = {
  name: 'reject',
  options: [ID_OPTION, { name: 'reason', type: 'text', required: false }],
  permission: 'editor',
  examples: ['reject'],
  handler: reject,
};

import { checkText, LIMITS } from '../domain/validation.ts';
import { text, type Reply } from '../reply.ts';
import type { PendingChange } from '../store/pending-changes.ts';
import { UserError } from './errors.ts';
import { applyIce287gList } from '../importers/ice-287g-import.ts';
import { listReportReply, listVersion, readList } from './import-287g.ts';
import { applyChange, ConflictError, UnchangedError, type Change } from './moderation-change.ts';
import { checked } from './moderation-args.ts';
import { describeCurrent } from './moderation-format.ts';
import { pendingCommand } from './pending.ts';
import { authorOf, conflictReply, doneReply } from './moderation-submit.ts';
import type { Args, CommandContext, CommandDef } from './types.ts';

class AlreadyDecided extends Error {}

function openChange(ctx: CommandContext, args: Args): PendingChange {
  const id = Number(args.id);
  const pending = ctx.store.pending.byId(id);
  if (!pending) throw new UserError('not_found', `No change #${id}`, ['See the open ones with `pending`.']);
  if (pending.decision) {
    const d = pending.decision;
    throw new UserError('already_decided', `Change #${id} was already ${d.decision}`, [`${d.decision} by ${d.byName} (${d.by}) at ${d.at}.`]);
  }
  return pending;
}

function noteArg(args: Args, name: string): string | null {
  return args[name] === undefined ? null : checked(checkText(String(args[name]), name, LIMITS.reason));
}

const ID_OPTION = { name: 'id', description: 'The change number shown by `pending` (without it: the list)', type: 'integer' as const, required: false, min: 1 };

async function approve(ctx: CommandContext, args: Args): Promise<Reply> {
  if (args.id === undefined) return pendingCommand.handler(ctx, {});
  const pending = openChange(ctx, args);
  if (pending.requestedBy === ctx.caller.id) {
    throw new UserError('own_change', `You proposed change #${pending.id}`, [
      'Another moderator must approve it (two-person rule). To take it back: `reject ' + pending.id + '`.',
    ]);
  }
  const me = authorOf(ctx);
  const at = ctx.clock.now().toISOString();
  const decision = { decision: 'approved' as const, note: noteArg(args, 'note'), by: me.id, byName: me.name, at };
  const decide = () => {
    if (!ctx.store.pending.decide(pending.id, decision)) throw new AlreadyDecided();
  };
  try {
    if (pending.kind === 'ice_import') {
      const { fileName, version } = pending.payload as { fileName: string; version: string };
      const list = await readList({ filename: fileName, data: ctx.store.pending.file(pending.id)! }, version);
      const report = ctx.store.db.transaction(() => {
        const current = listVersion(ctx);
        if (current !== pending.expectedVersion) throw new ConflictError(current);
        const result = applyIce287gList(ctx.store, list, { clock: ctx.clock });
        decide();
        return result;
      })();
      return listReportReply(report, `Approved #${pending.id}: imported ICE's 287(g) list of ${version}`, [[text(`Proposed by ${pending.requestedByName}.`)]]);
    }
    const change = pending.payload as Change;
    const before = describeCurrent(ctx.store, change);
    ctx.store.db.transaction(() => {
      applyChange(ctx.store, change, pending.expectedVersion, { id: pending.requestedBy, name: pending.requestedByName }, at);
      decide();
    })();
    return doneReply(ctx, change, before, `Approved #${pending.id}`);
  } catch (error) {
    if (error instanceof AlreadyDecided) throw new UserError('already_decided', `Change #${pending.id} was decided meanwhile`, ['Nothing was applied twice.']);
    const reject = { label: `Reject #${pending.id}`, invocation: { command: 'reject', args: { id: pending.id, reason: 'the record changed since it was proposed' } } };
    if (error instanceof UnchangedError) {
      throw new UserError('unchanged', `Change #${pending.id} would change nothing now`, [`${error.message} Reject it.`], [reject]);
    }
    if (!(error instanceof ConflictError)) throw error;
    if (pending.kind === 'ice_import') {
      throw new UserError('conflict', `Another list was imported after #${pending.id} was proposed — nothing was applied`, [
        'Reject it, and import the newest list again if it is still newer.',
      ], [reject]);
    }
    const reply = conflictReply(ctx, pending.payload as Change, error.current);
    return { ...reply, notes: [[text(`Nothing was applied. Reject #${pending.id}; its author can propose it again against the current record.`)]], choices: [reject] };
  }
}

async function reject(ctx: CommandContext, args: Args): Promise<Reply> {
  if (args.id === undefined) return pendingCommand.handler(ctx, {});
  const pending = openChange(ctx, args);
  const me = authorOf(ctx);
  const own = pending.requestedBy === me.id;
  const decided = ctx.store.pending.decide(pending.id, {
    decision: own ? 'withdrawn' : 'rejected',
    note: noteArg(args, 'reason'),
    by: me.id,
    byName: me.name,
    at: ctx.clock.now().toISOString(),
  });
  if (!decided) throw new UserError('already_decided', `Change #${pending.id} was decided meanwhile`, ['See `pending`.']);
  return {
    status: 'ok',
    title: `${own ? 'Withdrawn' : 'Rejected'}: change #${pending.id}`,
    intro: [[text(pending.summary)]],
    sections: [],
    notes: [[text('Nothing was changed in the record; the proposal stays in history.')]],
  };
}

export const approveCommand: CommandDef = {
  name: 'approve',
  description: "Approve another moderator's pending change; it is applied if the record has not changed",
  options: [ID_OPTION, { name: 'note', description: 'An optional note kept with the decision', type: 'text', required: false }],
  permission: 'moderator',
  examples: ['approve'],
  handler: approve,
};

export const rejectCommand: CommandDef = {
  name: 'reject',
  description: 'Reject a pending change (or withdraw your own); nothing is applied',
  options: [ID_OPTION, { name: 'reason', description: 'Why, for its author', type: 'text', required: false }],
  permission: 'moderator',
  examples: ['reject'],
  handler: reject,
};

/**
 * A roster upload that waits for an editor: a non-editor's file (a proposal under the trust
 * model) or an editor's own under REQUIRE_REVIEW. It is stored with its file through the same
 * queue as a list import (pending kind 'ice_import', payload.list 'roster': the kind's CHECK
 * constraint predates rosters), posted to the editors, and imported when another editor approves.
 */
import { languageFor } from '../i18n/choose-language.ts';
import { t } from '../i18n/index.ts';
import type { RosterImportReport } from '../importers/roster.ts';
import { runRosterJobOffThread } from '../importers/list-off-thread.ts';
import { ApprovalRefused, type JobApproval } from '../importers/list-job.ts';
import { text, type Reply } from '../reply.ts';
import type { PendingChange } from '../store/pending-changes.ts';
import { storeProposal } from '../trust/propose.ts';
import { authorOf } from './submit.ts';
import { rosterSummary, type RosterPayload } from '../present/roster-proposal-summary.ts';
import type { AttachedFile, CommandContext } from '../framework/types.ts';


/** Queues a previewed roster for an editor and says so; the record is unchanged. */
export function proposeRoster(ctx: CommandContext, file: AttachedFile, preview: RosterImportReport & { result: NonNullable<RosterImportReport['result']> }): Reply {
  const language = languageFor(ctx);
  const r = preview.result;
  const payload: RosterPayload = {
    list: 'roster',
    dataset: preview.dataset,
    fileName: file.filename,
    version: preview.version,
    counts: { added: r.added.length, changed: r.changed.length, contact: r.contact.length, unplaced: r.unmatched.length },
  };
  const author = authorOf(ctx);
  const byEditor = ctx.caller.isEditor;
  const id = storeProposal(ctx, {
    kind: 'ice_import',
    fips: null,
    officeId: null,
    summary: rosterSummary(payload, 'en'),
    payload,
    file: file.data,
    expected: ctx.store.imports.version(preview.dataset),
    author,
    at: ctx.clock.now().toISOString(),
    byEditor,
  });
  const how = byEditor ? t(language, 'roster.waiting.editor') : t(language, 'roster.waiting.proposal');
  return {
    status: 'ok',
    title: t(language, byEditor ? 'roster.waiting' : 'trust.proposed.title', { id }),
    intro: [[text(rosterSummary(payload, language), 'bold')], [text(t(language, 'trust.proposed.unchanged'))]],
    sections: [],
    notes: [[text(how), text(`approve ${id}`, 'code'), text('.')]],
  };
}

/** The roster's record moved since the proposal: nothing was imported. */
export class RosterMoved extends Error {}

/**
 * Imports an approved roster and records the decision, in one transaction of the worker thread
 * (a 2 MB roster is about a second of work): the chat keeps answering meanwhile.
 */
export async function applyRosterProposal(ctx: CommandContext, pending: PendingChange & { payload: RosterPayload }, approval: Omit<JobApproval, 'pendingId' | 'expectedVersion'>): Promise<RosterImportReport> {
  const bytes = ctx.store.pending.file(pending.id)!;
  const job = { kind: 'roster' as const, mode: 'apply' as const, bytes, fileName: pending.payload.fileName, by: pending.requestedBy, now: ctx.clock.now().toISOString() };
  try {
    return await runRosterJobOffThread(ctx.store, { ...job, approval: { ...approval, pendingId: pending.id, expectedVersion: pending.expectedVersion, dataset: pending.payload.dataset } });
  } catch (error) {
    if (error instanceof ApprovalRefused && error.code === 'conflict') throw new RosterMoved();
    throw error;
  }
}

/**
 * Approving a proposed election or meeting change: the same store write an editor's direct
 * change makes, as the proposer wrote it (their id and community on the history row), and only
 * if the record is still at the revision the proposer saw.
 */
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { text, type Reply } from '../../reply.ts';
import type { PendingChange } from '../../store/pending-changes.ts';
import { RecordNotFoundError, StaleWriteError } from '../../store/stale-write.ts';
import { applyEvent, type EventChange } from '../../moderation/event-change.ts';
import { describeEvent } from '../../present/event-summary.ts';
import { UserError, type ErrorChoice } from '../../user-error.ts';
import { storeWrite } from '../record/event-args.ts';
import { MAX_SERIES_PER_COUNTY } from '../record/meeting-add.ts';
import { placeOf } from '../../moderation/base.ts';
import type { CommandContext } from '../../framework/types.ts';

const entityWord = (entity: string) => msg(entity === 'election' ? 'event.entity.election' : 'event.entity.meeting');

/** Applies the proposal and records the decision (`decide`) in one transaction. */
export function approveEvent(ctx: CommandContext, pending: PendingChange, at: string, decide: () => void, reject: ErrorChoice): Reply {
  const change = pending.payload as EventChange;
  const adds = change.kind === 'election_add' || change.kind === 'meeting_add';
  const meta = {
    by: pending.requestedBy,
    at,
    community: pending.community,
    sourceUrl: change.sourceUrl,
    sourceTitle: change.sourceTitle,
    ...(adds ? {} : { expectedRevision: pending.expectedVersion }),
  };
  // Approvals must not add up past what one proposal could add (meeting-add checks it when proposed).
  if (change.kind === 'meeting_add' && ctx.store.meetings.liveFor(change.fips).length >= MAX_SERIES_PER_COUNTY) {
    throw new UserError('too_many', 'limits.meeting.too-many', { max: MAX_SERIES_PER_COUNTY, place: placeOf(ctx.store, change.fips) }, [msg('limits.meeting.too-many.help')], [reject]);
  }
  try {
    ctx.store.db.transaction(() => {
      applyEvent(ctx.store, change, meta);
      decide();
    })();
  } catch (error) {
    if (error instanceof StaleWriteError) {
      throw new UserError('conflict', 'event-proposal.conflict', { id: pending.id }, [msg('event-proposal.conflict.help', { entity: entityWord(error.entity), actual: error.actual, expected: error.expected })], [reject]);
    }
    if (error instanceof RecordNotFoundError) {
      throw new UserError('conflict', 'event-proposal.gone', { id: pending.id, entity: entityWord(error.entity) }, [msg('event-proposal.gone.help')], [reject]);
    }
    // Any other refusal (a rule that no longer holds) is said as the command would say it.
    storeWrite('approve', () => {
      throw error;
    });
  }
  const language = languageFor(ctx);
  return {
    status: 'ok',
    title: t(language, 'event-proposal.approved', { id: pending.id, place: placeOf(ctx.store, change.fips) }),
    intro: [[text(describeEvent(ctx.store, change, language))]],
    sections: [],
    notes: [[text(t(language, 'event-proposal.approved.see')), text(`history ${placeOf(ctx.store, change.fips)}`, 'code')]],
  };
}

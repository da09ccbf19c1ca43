/**
 * The one way an election or meeting command writes: an editor's change is applied at once;
 * anyone else's (and an editor's own under REQUIRE_REVIEW) is tried against the record, rolled
 * back, and stored as a proposal that an editor applies later through the same write.
 */
import type { Reply } from '../../reply.ts';
import type { WriteMeta } from '../../store/recorded-elections.ts';
import { RecordNotFoundError } from '../../store/stale-write.ts';
import { applyEvent, eventRevision, type EventChange, type EventResult } from '../../moderation/event-change.ts';
import { proposeEvent } from '../../trust/propose.ts';
import { storeWrite } from './event-args.ts';
import type { CommandContext } from '../../framework/types.ts';

class TrialDone extends Error {}

export function submitEvent(ctx: CommandContext, command: string, change: EventChange, meta: WriteMeta, done: (result: EventResult) => Reply): Reply {
  if (ctx.caller.isEditor && !ctx.requireReview) return done(storeWrite(command, () => applyEvent(ctx.store, change, meta)));
  // The revision the proposer saw: the one they named, else the record's now. Approval writes only if it still holds.
  const expected = meta.expectedRevision ?? eventRevision(ctx.store, change);
  storeWrite(command, () => {
    try {
      ctx.store.db.transaction(() => {
        applyEvent(ctx.store, change, meta);
        throw new TrialDone();
      })();
    } catch (error) {
      if (!(error instanceof TrialDone)) throw error;
    }
  });
  return proposeEvent(ctx, change, expected);
}

/** The county of an election or meeting a command names, or the "not found" the command answers. */
export function eventFips(ctx: CommandContext, command: string, entity: 'election' | 'meeting', id: number): string {
  const record = entity === 'election' ? ctx.store.recordedElections.byId(id) : ctx.store.meetings.byId(id);
  return storeWrite(command, () => {
    if (!record || record.retiredAt) throw new RecordNotFoundError(entity, id);
    return record.fips;
  });
}

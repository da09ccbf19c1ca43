/**
 * One path for every moderator write: check what the moderator saw against the record, then
 * apply the change at once, or queue it for a second moderator when REQUIRE_REVIEW is on.
 */
import { text, type Invocation, type Reply } from '../reply.ts';
import { applyChange, ConflictError, currentVersion, touchesRecorded, UnchangedError, type Author, type Change } from './moderation-change.ts';
import { describeChange, describeCurrent, lastChangeBy, placeOf, versionToken } from './moderation-format.ts';
import type { CommandContext } from './types.ts';

export interface Submission {
  change: Change;
  /** The command as typed; re-run with `revision` by the confirm and conflict choices. */
  invocation: Invocation;
  /** The revision the moderator saw ('#57'); undefined when they did not say. */
  expect: number | undefined;
}

export function authorOf(ctx: CommandContext): Author {
  return { id: ctx.caller.id, name: ctx.caller.displayName };
}

function withExpect(invocation: Invocation, version: number): Invocation {
  return { command: invocation.command, args: { ...invocation.args, revision: versionToken(version) } };
}

/** Someone changed the record after the moderator looked: say what it is now; write nothing. */
export function conflictReply(ctx: CommandContext, change: Change, current: number, retry?: Invocation): Reply {
  const by = lastChangeBy(ctx.store, change);
  return {
    status: 'user_error',
    errorCode: 'conflict',
    title: 'Someone changed this first — nothing was saved',
    intro: [
      [text(`You based this on a version that is no longer current. Now ${versionToken(current)}${by ? `, changed ${by}` : ''}:`)],
      [text(describeCurrent(ctx.store, change), 'bold')],
      [text('Your change, unsaved: '), text(describeChange(ctx.store, change))],
    ],
    sections: [],
    notes: [[text('Check the record, then apply your change over the current version if it is still right.')]],
    ...(retry ? { choices: [{ label: `Apply over ${versionToken(current)}`, invocation: withExpect(retry, current) }] } : {}),
  };
}

export function submitChange(ctx: CommandContext, { change, invocation, expect }: Submission): Reply {
  const { store } = ctx;
  const current = currentVersion(store, change);
  if (expect !== undefined && expect !== current) return conflictReply(ctx, change, current, invocation);
  const author = authorOf(ctx);
  const at = ctx.clock.now().toISOString();
  // Try it against the record and roll back: a change that would fail or change nothing goes no further.
  try {
    store.db.transaction(() => {
      applyChange(store, change, current, author, at);
      throw new TrialDone();
    })();
  } catch (error) {
    if (error instanceof UnchangedError) return unchangedReply(ctx, change, error.message);
    if (!(error instanceof TrialDone)) throw error;
  }
  if (expect === undefined && touchesRecorded(store, change)) {
    return {
      status: 'ok',
      title: 'Confirm the change',
      intro: [
        [text('Now: '), text(describeCurrent(store, change), 'bold'), text(` (${versionToken(current)})`)],
        [text('Change: '), text(describeChange(store, change))],
      ],
      sections: [],
      notes: [[text('Confirming applies it only if nobody has changed this meanwhile.')]],
      choices: [{ label: 'Confirm', invocation: withExpect(invocation, current) }],
    };
  }
  if (ctx.requireReview) {
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
    });
    return {
      status: 'ok',
      title: `Waiting for review: change #${id}`,
      intro: [[text(describeChange(store, change))], [text('Now: '), text(describeCurrent(store, change))]],
      sections: [],
      notes: [[text('Another moderator approves it with '), text(`approve ${id}`, 'code'), text(' (see '), text('pending', 'code'), text('); until then the public record is unchanged.')]],
    };
  }
  const before = describeCurrent(store, change);
  try {
    applyChange(store, change, current, author, at);
  } catch (error) {
    // Another process sharing the database wrote in between.
    if (error instanceof ConflictError) return conflictReply(ctx, change, error.current, invocation);
    throw error;
  }
  return doneReply(ctx, change, before);
}

class TrialDone extends Error {}

/** Setting what is already recorded is not an error: nothing to do. */
export function unchangedReply(ctx: CommandContext, change: Change, what: string): Reply {
  return {
    status: 'ok',
    title: `Already recorded: ${placeOf(ctx.store, change.fips)}`,
    intro: [[text(`${what} Nothing was changed.`)]],
    sections: [],
    notes: [],
  };
}

export function doneReply(ctx: CommandContext, change: Change, before: string, heading = 'Recorded'): Reply {
  const place = placeOf(ctx.store, change.fips);
  return {
    status: 'ok',
    title: `${heading}: ${place}`,
    intro: [
      [text('Before: '), text(before)],
      [text('Now: '), text(describeCurrent(ctx.store, change), 'bold'), text(` (${versionToken(currentVersion(ctx.store, change))})`)],
    ],
    sections: [],
    notes: [[text('Every change is kept: '), text(`history ${place}`, 'code')]],
  };
}

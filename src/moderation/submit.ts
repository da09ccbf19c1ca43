/**
 * One path for every change to the shared record: check what the author saw against the record,
 * then apply it at once (an editor), or store it as a proposal (anyone else; an editor's own
 * change too when REQUIRE_REVIEW is on).
 */
import { languageFor } from '../i18n/choose-language.ts';
import { t } from '../i18n/index.ts';
import { text, type Invocation, type Reply } from '../reply.ts';
import { applyChange, ConflictError, currentVersion, touchesRecorded } from './change.ts';
import { describeChange, describeCurrent, lastChangeBy, versionToken } from '../present/change-summary.ts';
import { placeOf, UnchangedError, type Author, type Change } from './base.ts';
import type { CommandContext } from '../framework/types.ts';
import { communityOf } from '../domain/community.ts';
import { propose } from '../trust/propose.ts';

export interface Submission {
  change: Change;
  /** The command as typed; re-run with `revision` by the confirm and conflict choices. */
  invocation: Invocation;
  /** The revision the moderator saw ('#57'); undefined when they did not say. */
  expect: number | undefined;
}

export function authorOf(ctx: CommandContext): Author {
  return { id: ctx.caller.id, name: ctx.caller.displayName, community: communityOf(ctx) };
}

function withExpect(invocation: Invocation, version: number): Invocation {
  return { command: invocation.command, args: { ...invocation.args, revision: versionToken(version) } };
}

/** Someone changed the record after the moderator looked: say what it is now; write nothing. */
export function conflictReply(ctx: CommandContext, change: Change, current: number, retry?: Invocation): Reply {
  const language = languageFor(ctx);
  const by = lastChangeBy(ctx.store, change, language);
  const version = versionToken(current);
  return {
    status: 'user_error',
    errorCode: 'conflict',
    title: t(language, 'conflict.title'),
    intro: [
      [text(by ? t(language, 'conflict.stale.by', { version, by }) : t(language, 'conflict.stale', { version }))],
      [text(describeCurrent(ctx.store, change, language), 'bold')],
      [text(t(language, 'conflict.yours')), text(describeChange(ctx.store, change, language))],
    ],
    sections: [],
    notes: [[text(t(language, 'conflict.check'))]],
    ...(retry ? { choices: [{ label: t(language, 'conflict.apply', { version }), invocation: withExpect(retry, current) }] } : {}),
  };
}

export function submitChange(ctx: CommandContext, { change, invocation, expect }: Submission): Reply {
  const { store } = ctx;
  const language = languageFor(ctx);
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
    if (error instanceof UnchangedError) return unchangedReply(ctx, change, error.text(language));
    if (!(error instanceof TrialDone)) throw error;
  }
  if (expect === undefined && touchesRecorded(store, change)) {
    return {
      status: 'ok',
      title: t(language, 'confirm.title'),
      intro: [
        [text(t(language, 'change.now')), text(describeCurrent(store, change, language), 'bold'), text(` (${versionToken(current)})`)],
        [text(t(language, 'confirm.change')), text(describeChange(store, change, language))],
      ],
      sections: [],
      notes: [[text(t(language, 'confirm.note'))]],
      choices: [{ label: t(language, 'confirm.button'), invocation: withExpect(invocation, current) }],
    };
  }
  // Someone who is not an editor proposes; with REQUIRE_REVIEW an editor's own change waits for another editor.
  const editor = ctx.caller.isEditor;
  if (!editor || ctx.requireReview) return propose(ctx, { change, current, author, at, byEditor: editor });
  const before = describeCurrent(store, change, language);
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
  const language = languageFor(ctx);
  return {
    status: 'ok',
    title: t(language, 'unchanged.title', { place: placeOf(ctx.store, change.fips) }),
    intro: [[text(t(language, 'unchanged.intro', { what }))]],
    sections: [],
    notes: [],
  };
}

export function doneReply(ctx: CommandContext, change: Change, before: string, heading?: string): Reply {
  const language = languageFor(ctx);
  const place = placeOf(ctx.store, change.fips);
  return {
    status: 'ok',
    title: `${heading ?? t(language, 'done.recorded')}: ${place}`,
    intro: [
      [text(t(language, 'done.before')), text(before)],
      [text(t(language, 'change.now')), text(describeCurrent(ctx.store, change, language), 'bold'), text(` (${versionToken(currentVersion(ctx.store, change))})`)],
    ],
    sections: [],
    notes: [[text(t(language, 'done.kept')), text(`history ${place}`, 'code')]],
  };
}

/**
 * `revert #57` undoes one change; `revert user:discord:123 since:2026-11-01` or
 * `revert community:discord:<server id> since:…` undoes everything one person or one server
 * changed in the shared record since a date — shown first, done on confirmation.
 */
import { checkIsoDate } from '../../domain/validation.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t, type Language, type MessageKey } from '../../i18n/index.ts';
import { text, time, type Reply } from '../../reply.ts';
import { parseRef, refText } from '../../trust/change-ref.ts';
import { changesSince, commandRefs, revertAll, revertChange, RevertRefused } from '../../trust/revert.ts';
import { UserError } from '../../user-error.ts';
import { authorOf } from '../../moderation/submit.ts';
import type { Args, CommandContext, CommandDef } from '../../framework/types.ts';

const WHO = /^[a-z]+:[^\s:]+$/i;
/** How many of the changes a preview lists by number. */
const LISTED = 15;

const HISTORY = '`history <county>`';
const EVENT_COMMANDS = '`election-change`, `meeting-change`';

function refused(error: RevertRefused): UserError {
  const ref = refText(error.ref);
  switch (error.reason) {
    case 'not_found':
      return new UserError('not_found', 'revert.not-found', { ref }, [msg('revert.not-found.help', { history: HISTORY })]);
    case 'already':
      return new UserError('already_reverted', 'revert.already', { ref, by: error.detail.by ?? '—' });
    case 'conflict':
      return new UserError('conflict', 'revert.conflict', { ref }, [msg('revert.conflict.help', { history: HISTORY })]);
    case 'unsupported':
      return new UserError('unsupported', 'revert.unsupported', { ref, entity: msg(`revert.entity.${error.detail.entity}` as MessageKey) }, [
        msg('revert.unsupported.help', { command: EVENT_COMMANDS }),
      ]);
  }
}

function revertOne(ctx: CommandContext, raw: string, language: Language): Reply {
  const ref = parseRef(raw);
  if (!ref) throw new UserError('bad_ref', 'revert.bad-ref', { ref: raw }, [msg('revert.not-found.help', { history: HISTORY })]);
  try {
    const done = revertChange(ctx.store, ref, authorOf(ctx), ctx.clock.now().toISOString());
    const shown = refText(done.ref);
    return { status: 'ok', title: t(language, 'revert.done.one', { ref: shown }), sections: [], notes: [[text(t(language, 'revert.done.rows', { n: done.rows, ref: shown }))]] };
  } catch (error) {
    if (error instanceof RevertRefused) throw refused(error);
    throw error;
  }
}

function since(args: Args, today: string): string {
  const raw = args.since === undefined ? undefined : String(args.since);
  if (raw === undefined) throw new UserError('missing_argument', 'revert.need-since', {}, [msg('revert.need-since.help', { example: '`since:2026-11-01`' })]);
  const checked = checkIsoDate(raw, 'since', today);
  if (!checked.ok) throw new UserError('bad_date', 'revert.bad-since', { since: raw }, [msg('revert.bad-since.help', { example: '2026-11-01' })]);
  return checked.value;
}

function bulk(ctx: CommandContext, args: Args, language: Language): Reply {
  const raw = String(args.user ?? args.community);
  if (!WHO.test(raw)) {
    throw new UserError('bad_who', 'revert.bad-who', { who: raw }, [msg('revert.bad-who.help', { user: '`user:discord:123456789`', community: '`community:slack:T0123`' })]);
  }
  const now = ctx.clock.now().toISOString();
  const day = since(args, now.slice(0, 10));
  const [platform, id] = [raw.slice(0, raw.indexOf(':')).toLowerCase(), raw.slice(raw.indexOf(':') + 1)];
  const who = args.user !== undefined ? { author: `${platform}:${id}` } : { platform, workspaceId: id };
  const refs = commandRefs(ctx.store, changesSince(ctx.store, who, `${day}T00:00:00.000Z`));
  const whoText = `${platform}:${id}`;
  if (refs.length === 0) return { status: 'ok', title: t(language, 'revert.none', { who: whoText, since: day }), sections: [], notes: [] };
  if (args.confirm !== 'yes') {
    const again = { command: 'revert', args: { ...(args.user !== undefined ? { user: raw } : { community: raw }), since: day, confirm: 'yes' } };
    return {
      status: 'ok',
      title: t(language, 'revert.preview', { count: refs.length, who: whoText, since: day }),
      sections: [{ items: refs.slice(0, LISTED).map((r) => [text(refText(r.key), 'bold'), text(' — '), time(r.at, 'UTC')]) }],
      notes: [[text(t(language, 'revert.preview.note'))]],
      choices: [{ label: t(language, 'revert.preview.button', { n: refs.length }), invocation: again }],
    };
  }
  const result = revertAll(ctx.store, refs, authorOf(ctx), now);
  const notes = [];
  if (result.skipped.length) notes.push([text(t(language, 'revert.done.skipped', { n: result.skipped.length })), text(` ${result.skipped.join(', ')}`)]);
  if (result.unsupported.length) {
    const entity = t(language, 'revert.entity.meeting_occurrence');
    notes.push([text(t(language, 'revert.unsupported', { ref: result.unsupported.join(', '), entity })), text(' '), text(t(language, 'revert.unsupported.help', { command: EVENT_COMMANDS }))]);
  }
  return { status: 'ok', title: t(language, 'revert.done.bulk', { n: result.reverted, who: whoText, since: day }), sections: [], notes };
}

export const revertCommand: CommandDef = {
  name: 'revert',
 
  options: [
    { name: 'change', type: 'text', required: false, pattern: /^#?[pc]?\d+$/i },
    { name: 'user', type: 'text', required: false, pattern: WHO },
    { name: 'community', type: 'text', required: false, pattern: WHO },
    { name: 'since', type: 'text', required: false, pattern: /^\d{4}-\d{2}-\d{2}$/ },
    { name: 'confirm', type: 'choice', required: false, choices: [{ value: 'yes', label: 'yes' }] },
  ],
  permission: 'editor',
  // `revert #57` and `revert #c12` take a number from history; these run anywhere as they are.
  examples: ['revert user:discord:123456789 since:2026-11-01', 'revert community:discord:200000000000000002 since:2026-11-01'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    if (args.change !== undefined) return revertOne(ctx, String(args.change), language);
    if (args.user !== undefined || args.community !== undefined) return bulk(ctx, args, language);
    throw new UserError('missing_argument', 'revert.need-target', {}, [
      msg('revert.need-target.help', { one: '`revert #57`', history: HISTORY, user: '`revert user:discord:123 since:2026-11-01`', community: '`revert community:discord:<server id> since:2026-11-01`' }),
    ]);
  },
};

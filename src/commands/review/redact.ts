/**
 * `redact <id> [reason]`: an editor removes the text of an abusive proposal. The row stays
 * (who proposed what kind of change, for which county, when), the text is blanked in the
 * database, an open proposal is rejected, and the redaction is logged with who and why.
 */
import { checkText, LIMITS } from '../../domain/validation.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { communityOf } from '../../domain/community.ts';
import { UserError } from '../../user-error.ts';
import { checked } from '../record/record-args.ts';
import { authorOf } from '../../moderation/submit.ts';
import { pendingCommand } from './pending.ts';
import type { CommandDef } from '../../framework/types.ts';

export const redactCommand: CommandDef = {
  name: 'redact',
 
  options: [
    { name: 'id', type: 'integer', required: false, min: 1 },
    { name: 'reason', type: 'text', required: false },
  ],
  permission: 'editor',
  examples: ['redact'],
  handler(ctx, args) {
    if (args.id === undefined) return pendingCommand.handler(ctx, {});
    const language = languageFor(ctx);
    const id = Number(args.id);
    const reason = args.reason === undefined ? null : checked(checkText(String(args.reason), 'reason', LIMITS.reason));
    const pending = ctx.store.pending.byId(id);
    if (!pending) throw new UserError('not_found', 'review.not-found', { id }, [msg('review.not-found.help')]);
    if (pending.redaction) throw new UserError('already_redacted', 'redact.already', { id }, [msg('redact.already.by', { by: pending.redaction.by, at: pending.redaction.at })]);
    const me = authorOf(ctx);
    const at = ctx.clock.now().toISOString();
    const rejected = ctx.store.db.transaction(() => {
      ctx.store.pending.redact(id, { reason, by: me.id, byName: me.name, community: communityOf(ctx), at });
      return !pending.decision && ctx.store.pending.decide(id, { decision: 'rejected', note: t('en', 'redact.reason'), by: me.id, byName: me.name, at });
    })();
    return {
      status: 'ok',
      title: t(language, 'redact.done', { id }),
      sections: [],
      notes: [...(rejected ? [[text(t(language, 'redact.done.rejected'))]] : []), [text(t(language, 'redact.done.note'))]],
    };
  },
};

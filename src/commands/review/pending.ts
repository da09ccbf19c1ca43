import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { text, time, type Choice, type Rich } from '../../reply.ts';
import { communityLabel, sameAuthor } from '../../domain/community.ts';
import { proposalText } from '../../trust/notice-replies.ts';
import { paginate } from '../../framework/paging.ts';
import type { CommandDef } from '../../framework/types.ts';

/** Ten per page: two buttons each stays within Discord's 25 buttons per message. */
const PAGE_SIZE = 10;

export const pendingCommand: CommandDef = {
  name: 'pending',
  options: [],
  permission: 'editor',
  paged: true,
  examples: ['pending', 'pending page 2'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const open = ctx.store.pending.open();
    // Described again in the reader's language (see pendingSummary).
    const summary = (p: (typeof open)[number]) => proposalText(ctx.store, p, language);
    const mine = (p: (typeof open)[number]) => sameAuthor(p.requestedBy, ctx.caller.id);
    const from = (p: (typeof open)[number]) => {
      const community = communityLabel(p.community);
      return community ? [text(t(language, 'history.from', { community }))] : [];
    };
    const page = paginate(open, args.page as number | undefined, { command: 'pending', args: {} }, PAGE_SIZE);
    const items = page.items.map((p): Rich => [
      text(`#${p.id} `, 'bold'),
      text(summary(p)),
      text(t(language, 'pending.by', { name: p.requestedByName, id: p.requestedBy })),
      ...from(p),
      time(p.requestedAt, 'UTC'),
      ...(mine(p) ? [text(t(language, 'pending.yours'))] : []),
    ]);
    const choices: Choice[] = page.items.flatMap((p): Choice[] => [
      ...(mine(p) ? [] : [{ label: t(language, 'pending.approve', { id: p.id }), invocation: { command: 'approve', args: { id: p.id } } }]),
      { label: t(language, mine(p) ? 'pending.withdraw' : 'pending.reject', { id: p.id }), invocation: { command: 'reject', args: { id: p.id } } },
    ]);
    return {
      status: 'ok',
      title: open.length ? t(language, 'pending.title', { count: open.length }) : t(language, 'pending.title.none'),
      intro: [[text(t(language, ctx.requireReview ? 'pending.rule.on' : 'pending.rule.off'))]],
      sections: items.length ? [{ items }] : [],
      notes: [[text(t(language, 'pending.decide')), text('approve <id> [note]', 'code'), text(t(language, 'pending.or')), text('reject <id> [reason]', 'code'), text('.')]],
      ...(choices.length ? { choices } : {}),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};

import { text, time, type Choice, type Rich } from '../reply.ts';
import { paginate } from './paging.ts';
import type { CommandDef } from './types.ts';

/** Ten per page: two buttons each stays within Discord's 25 buttons per message. */
const PAGE_SIZE = 10;

export const pendingCommand: CommandDef = {
  name: 'pending',
  description: 'Changes waiting for a second moderator (REQUIRE_REVIEW), with approve and reject',
  options: [],
  permission: 'moderator',
  paged: true,
  examples: ['pending', 'pending page 2'],
  handler(ctx, args) {
    const open = ctx.store.pending.open();
    const page = paginate(open, args.page as number | undefined, { command: 'pending', args: {} }, PAGE_SIZE);
    const items = page.items.map((p): Rich => [
      text(`#${p.id} `, 'bold'),
      text(p.summary),
      text(` — proposed by ${p.requestedByName} (${p.requestedBy}) at `),
      time(p.requestedAt, 'UTC'),
      ...(p.requestedBy === ctx.caller.id ? [text(' — yours: another moderator must approve it')] : []),
    ]);
    const choices: Choice[] = page.items.flatMap((p): Choice[] => [
      ...(p.requestedBy === ctx.caller.id ? [] : [{ label: `Approve #${p.id}`, invocation: { command: 'approve', args: { id: p.id } } }]),
      { label: p.requestedBy === ctx.caller.id ? `Withdraw #${p.id}` : `Reject #${p.id}`, invocation: { command: 'reject', args: { id: p.id } } },
    ]);
    return {
      status: 'ok',
      title: open.length ? `${open.length} ${open.length === 1 ? 'change' : 'changes'} waiting for review` : 'Nothing waiting for review',
      intro: [
        [
          text(
            ctx.requireReview
              ? 'Two-person rule is on: a moderator’s change is applied only when another moderator approves it.'
              : 'Two-person rule is off (REQUIRE_REVIEW): moderators’ changes apply at once.',
          ),
        ],
      ],
      sections: items.length ? [{ items }] : [],
      notes: [[text('Decide with '), text('approve <id> [note]', 'code'), text(' or '), text('reject <id> [reason]', 'code'), text('.')]],
      ...(choices.length ? { choices } : {}),
      ...(page.paging ? { paging: page.paging } : {}),
    };
  },
};

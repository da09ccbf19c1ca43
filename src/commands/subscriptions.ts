import { workspaceSubscriptions } from '../queries/workspace-subscriptions.ts';
import { text, type Rich } from '../reply.ts';
import { channelOf, describeSubscription } from './subscription-args.ts';
import type { CommandDef } from './types.ts';

export const subscriptionsCommand: CommandDef = {
  name: 'subscriptions',
  description: 'What this channel, and this server or workspace, is subscribed to',
  options: [],
  permission: 'everyone',
  examples: ['subscriptions'],
  handler(ctx) {
    const channel = channelOf(ctx);
    const here = ctx.store.subscriptions.forChannel(channel.platform, channel.channelId);
    const elsewhere = workspaceSubscriptions(ctx.store, channel.platform, channel.workspaceId).filter((s) => s.channelId !== channel.channelId);
    const others = elsewhere.map((s): Rich => [text(`channel ${s.channelId}: `), text(s.scope, 'bold'), text(` — ${s.kinds.join(', ')}${s.paused ? ' — PAUSED' : ''}`)]);
    return {
      status: 'ok',
      title: 'Subscriptions',
      sections: [
        { heading: 'This channel', items: here.length ? here.map((s) => describeSubscription(ctx.store, s)) : [[text('Nothing yet.')]] },
        ...(others.length ? [{ heading: 'Other channels here', items: others }] : []),
      ],
      notes: [[text('Add: '), text('subscribe <county or state> [elections] [meetings] [positions]', 'code'), text(' · stop: '), text('unsubscribe <county or state>', 'code')]],
    };
  },
};

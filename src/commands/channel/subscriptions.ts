import { workspaceSubscriptions } from '../../present/workspace-subscriptions.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { text, type Rich } from '../../reply.ts';
import { channelOf, describeSubscription } from './subscription-args.ts';
import type { CommandDef } from '../../framework/types.ts';

export const subscriptionsCommand: CommandDef = {
  name: 'subscriptions',
  options: [],
  permission: 'everyone',
  examples: ['subscriptions'],
  handler(ctx) {
    const language = languageFor(ctx);
    const channel = channelOf(ctx);
    const here = ctx.store.subscriptions.forChannel(channel.platform, channel.channelId);
    const elsewhere = workspaceSubscriptions(ctx.store, channel.platform, channel.workspaceId).filter((s) => s.channelId !== channel.channelId);
    const others = elsewhere.map((s): Rich => [
      text(t(language, 'subs.other-channel', { channel: s.channelId })),
      text(s.scope, 'bold'),
      text(` — ${s.kinds.join(', ')}${s.paused ? t(language, 'subs.paused.short') : ''}`),
    ]);
    return {
      status: 'ok',
      title: t(language, 'subs.title'),
      sections: [
        { heading: t(language, 'subs.here'), items: here.length ? here.map((s) => describeSubscription(ctx.store, s, language)) : [[text(t(language, 'subs.nothing'))]] },
        ...(others.length ? [{ heading: t(language, 'subs.others'), items: others }] : []),
      ],
      notes: [[text(t(language, 'subs.add')), text(t(language, 'subs.add.usage'), 'code'), text(t(language, 'subs.stop.short')), text(t(language, 'subs.stop.usage'), 'code')]],
    };
  },
};

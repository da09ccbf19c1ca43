import { communityOf } from '../../domain/community.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { scopeText } from '../../present/reminder.ts';
import { channelOf, describeSubscription, kindsOf, kindsToSubscribe, KIND_OPTIONS, LEAD_OPTIONS, leadOverrides, scopeOf } from './subscription-args.ts';
import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OR_STATE_OPTION, STATE_OPTION } from '../../framework/options.ts';

const OUTCOME_TITLE = {
  created: 'subs.title.created',
  changed: 'subs.title.changed',
  resumed: 'subs.title.resumed',
  unchanged: 'subs.title.unchanged',
} as const;

export const subscribeCommand: CommandDef = {
  name: 'subscribe',
  options: [COUNTY_OR_STATE_OPTION, STATE_OPTION, ...KIND_OPTIONS, ...LEAD_OPTIONS],
  permission: 'community-manager',
  examples: ['subscribe Travis, TX', 'subscribe Texas elections', 'subscribe Cobb, GA meetings positions meeting-leads:1d,2h', 'subscribe Cook, IL agenda'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const channel = channelOf(ctx);
    const { county, kinds } = kindsOf(args);
    const scope = scopeOf(ctx.store, 'subscribe', args, county);
    const existing = ctx.store.subscriptions.find(channel, scope);
    const wanted = kindsToSubscribe(kinds, existing);
    const leads = leadOverrides(args, existing?.leads ?? null);
    const { subscription, outcome } = ctx.store.subscriptions.subscribe(channel, scope, { kinds: wanted, leads }, { by: ctx.caller.id, at: ctx.clock.now().toISOString(), community: communityOf(ctx) });
    return {
      status: 'ok',
      title: t(language, OUTCOME_TITLE[outcome]),
      intro: [[text(t(language, 'subs.gets'))], describeSubscription(ctx.store, subscription, language)],
      sections: [],
      notes: [
        [text(t(language, 'subs.leads')), text('meeting-leads:1d,2h', 'code'), text('.')],
        ...(subscription.kinds.includes('agenda')
          ? [[text(t(language, 'subs.agenda.stop')), text(`unsubscribe ${scopeText(ctx.store, subscription)} agenda`, 'code')]]
          : subscription.kinds.includes('meetings')
            ? [[text(t(language, 'subs.agenda.start')), text(`subscribe ${scopeText(ctx.store, subscription)} agenda`, 'code')]]
            : []),
        [text(t(language, 'subs.stop')), text(`unsubscribe ${scopeText(ctx.store, subscription)}`, 'code'), text(t(language, 'subs.everything')), text('subscriptions', 'code')],
      ],
    };
  },
};

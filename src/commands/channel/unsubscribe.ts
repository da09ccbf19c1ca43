import { communityOf } from '../../domain/community.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { scopeText } from '../../present/reminder.ts';
import { UserError } from '../../user-error.ts';
import { channelOf, describeSubscription, kindsAfterUnsubscribe, kindsOf, KIND_OPTIONS, scopeOf } from './subscription-args.ts';
import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

export const unsubscribeCommand: CommandDef = {
  name: 'unsubscribe',
  options: [{ ...COUNTY_OPTION, required: false, descriptionKey: 'command.unsubscribe.option.county' }, STATE_OPTION, ...KIND_OPTIONS],
  permission: 'community-manager',
  examples: ['unsubscribe Travis, TX', 'unsubscribe Cobb, GA positions', 'unsubscribe Cook, IL agenda', 'unsubscribe Texas'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const channel = channelOf(ctx);
    const { county, kinds } = kindsOf(args);
    const live = ctx.store.subscriptions.forChannel(channel.platform, channel.channelId);
    if (!live.length) throw new UserError('not_subscribed', 'unsub.none', {}, [msg('unsub.none.help')]);
    let target = live[0]!;
    if (county) {
      const scope = scopeOf(ctx.store, 'unsubscribe', args, county);
      const found = ctx.store.subscriptions.find(channel, scope);
      if (!found) throw new UserError('not_subscribed', 'unsub.not', { scope: scopeText(ctx.store, scope) }, [msg('unsub.see')]);
      target = found;
    } else if (live.length > 1) {
      throw new UserError('which_subscription', 'unsub.several', {}, [msg('unsub.which')], live.map((s) => ({
        label: scopeText(ctx.store, s),
        invocation: { command: 'unsubscribe', args: { county: scopeText(ctx.store, s) } },
      })));
    }
    const meta = { by: ctx.caller.id, at: ctx.clock.now().toISOString(), community: communityOf(ctx) };
    const remaining = kindsAfterUnsubscribe(target.kinds, kinds);
    if (kinds.length && remaining.length === target.kinds.length) {
      throw new UserError('not_subscribed', 'unsub.not-kinds', { kinds: { items: kinds, separator: msg('unsub.or') }, scope: scopeText(ctx.store, target) }, [msg('unsub.see')]);
    }
    if (kinds.length && remaining.length) {
      const { subscription } = ctx.store.subscriptions.subscribe(channel, target, { kinds: remaining, leads: target.leads }, meta);
      const agendaOff = subscription.kinds.includes('meetings') && !subscription.kinds.includes('agenda');
      const notes = agendaOff ? [[text(t(language, 'subs.agenda.start')), text(`subscribe ${scopeText(ctx.store, subscription)} agenda`, 'code')]] : [];
      return { status: 'ok', title: t(language, 'subs.title.changed'), intro: [[text(t(language, 'unsub.now-gets'))], describeSubscription(ctx.store, subscription, language)], sections: [], notes };
    }
    ctx.store.subscriptions.end(target.id, meta);
    return {
      status: 'ok',
      title: t(language, 'unsub.title'),
      intro: [[text(t(language, 'unsub.done', { scope: scopeText(ctx.store, target) }))]],
      sections: [],
      notes: [[text(t(language, 'unsub.again')), text(`subscribe ${scopeText(ctx.store, target)}`, 'code')]],
    };
  },
};

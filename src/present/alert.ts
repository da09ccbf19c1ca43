// The text of a change alert (one change, or one import's digest) and of a paused-channel notice.
import { findTopic, valueLabel } from '../domain/topics.ts';
import { PERMANENT_REASON_TEXT, type PermanentReason } from '../delivery/errors.ts';
import { date, link, text, type Reply, type Rich } from '../reply.ts';
import type { Subscription } from '../store/subscriptions.ts';
import type { AlertGroup, LocatedChange } from '../scheduler/alerts.ts';
import { t, type Language } from '../i18n/index.ts';
import { actionLine, modelLabel, scopeText, sheriffLine, type RenderContext } from './reminder.ts';

const MAX_ITEMS = 20;

function label(topicId: string, value: string | null, language: Language): string {
  if (value === null) return t(language, 'alert.not-recorded');
  const topic = findTopic(topicId);
  if (!topic) return value;
  const key = `alert.value.${value}`;
  if (topic.id !== '287g' && (key === 'alert.value.yes' || key === 'alert.value.no' || key === 'alert.value.partial' || key === 'alert.value.unknown')) return t(language, key);
  if (topic.id === '287g' && value === 'none') return t(language, 'alert.value.none');
  return language === 'en' ? valueLabel(topic, value) : modelLabel(topic, value, language);
}

/** A topic's name in the language. */
export function topicName(topicId: string, language: Language): string {
  const topic = findTopic(topicId);
  if (!topic) return topicId;
  if (language === 'en') return topic.label;
  const key = `alert.topic.${topic.id}`;
  switch (key) {
    case 'alert.topic.287g':
    case 'alert.topic.detainers':
    case 'alert.topic.ice-as-police':
    case 'alert.topic.jail-access':
    case 'alert.topic.release-notification':
    case 'alert.topic.info-sharing':
      return t(language, key);
    default:
      return topic.label;
  }
}

/** '287(g) agreement: Jail Enforcement Model → ended'. */
export function changeWords(row: LocatedChange, language: Language = 'en'): string {
  const name = topicName(row.topic, language);
  const from = row.action === 'created' ? t(language, 'alert.not-recorded') : label(row.topic, row.oldValue, language);
  const to = row.action === 'retired' ? t(language, 'alert.ended') : label(row.topic, row.newValue, language);
  const signed = row.newEffectiveDate && row.newEffectiveDate !== row.oldEffectiveDate ? t(language, 'alert.signed', { date: row.newEffectiveDate }) : '';
  return `${name}: ${from} → ${to}${signed}`;
}

function sourceSpan(row: LocatedChange): Rich {
  return row.sourceUrl ? [link(row.sourceTitle, row.sourceUrl)] : [text(row.sourceTitle)];
}

/** The alert for one group, restricted to the rows in one subscription's scope. */
export function renderAlert(
  ctx: RenderContext,
  group: AlertGroup,
  rows: readonly LocatedChange[],
  options: { late: boolean; scope: { state: string; fips: string | null }; language?: Language },
): Reply {
  const language = options.language ?? 'en';
  const where = scopeText(ctx.store, options.scope);
  const late: Rich[] = options.late ? [[text(t(language, 'alert.late'), 'italic')]] : [];
  const stop: Rich = [text(t(language, 'reminder.stop')), text(`unsubscribe ${where} positions`, 'code')];
  if (group.lead === 'change' && rows.length === 1) {
    const row = rows[0]!;
    const j = row.fips ? ctx.store.jurisdictions.byFips(row.fips) : undefined;
    const lines: Rich[] = j ? [sheriffLine(ctx.store, j, language), actionLine(ctx, j, language)] : [];
    return {
      status: 'ok',
      title: t(language, 'alert.changed', { office: row.officeName }),
      intro: [[text(changeWords(row, language), 'bold')]],
      sections: [{ fields: [{ label: t(language, 'alert.source'), value: sourceSpan(row) }, { label: t(language, 'alert.recorded'), value: [date(row.at.slice(0, 10))] }] }, { lines }],
      notes: [...late, stop],
    };
  }
  const first = rows[0]!;
  const items: Rich[] = rows.slice(0, MAX_ITEMS).map((row) => [text(`${row.officeName} — ${changeWords(row, language)}`)]);
  if (rows.length > MAX_ITEMS) items.push([text(t(language, 'alert.more', { n: rows.length - MAX_ITEMS, command: `\`positions 287g ${options.scope.state}\`` }))]);
  const county = options.scope.fips ? ctx.store.jurisdictions.byFips(options.scope.fips) : undefined;
  return {
    status: 'ok',
    title: t(language, 'alert.digest.title', { count: rows.length, where, source: first.sourceTitle }),
    sections: [
      { items },
      { fields: [{ label: t(language, 'alert.source'), value: sourceSpan(first) }, { label: t(language, 'alert.imported'), value: [date(first.at.slice(0, 10))] }] },
      ...(county ? [{ lines: [sheriffLine(ctx.store, county, language), actionLine(ctx, county, language)] }] : []),
    ],
    notes: [
      ...(county ? [] : [[text(t(language, 'alert.each-sheriff')), text(`sheriff <county>, ${options.scope.state}`, 'code')]]),
      ...late,
      stop,
    ],
  };
}

/** Tells a moderator that a channel's subscription was paused, and how to resume it. */
export function renderPausedNotice(ctx: RenderContext, paused: Subscription, reason: PermanentReason | string, language: Language = 'en'): Reply {
  const why = pausedReasonText(reason, language);
  const scope = scopeText(ctx.store, paused);
  return {
    status: 'ok',
    title: t(language, 'paused.title'),
    intro: [[text(t(language, 'paused.intro', { channel: paused.channelId, why, scope, kinds: paused.kinds.join(', ') }))]],
    sections: [{ lines: [[text(t(language, 'paused.resume')), text(`subscribe ${scope}`, 'code'), text(t(language, 'paused.resume.there'))]] }],
    notes: [[text(t(language, 'paused.all')), text('subscriptions', 'code')]],
  };
}

/** Why a channel was paused, in the language: the reason code, or the English text stored for it. */
export function pausedReasonText(reason: PermanentReason | string, language: Language): string {
  const code = (Object.keys(PERMANENT_REASON_TEXT) as PermanentReason[]).find((r) => r === reason || PERMANENT_REASON_TEXT[r] === reason);
  return code ? t(language, `paused.reason.${code}`) : reason;
}

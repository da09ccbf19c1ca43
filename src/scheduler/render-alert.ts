// The text of a change alert (one change, or one import's digest) and of a paused-channel notice.
import { findTopic, valueLabel } from '../domain/topics.ts';
import { PERMANENT_REASON_TEXT, type PermanentReason } from '../delivery/errors.ts';
import { date, link, text, type Reply, type Rich } from '../reply.ts';
import type { Subscription } from '../store/subscriptions.ts';
import type { AlertGroup, LocatedChange } from './alerts.ts';
import { actionLine, scopeText, sheriffLine, type RenderContext } from './render.ts';

const MAX_ITEMS = 20;

function label(topicId: string, value: string | null): string {
  if (value === null) return 'not recorded';
  const topic = findTopic(topicId);
  return topic ? valueLabel(topic, value) : value;
}

/** '287(g) agreement: Jail Enforcement Model → ended'. */
export function changeWords(row: LocatedChange): string {
  const topic = findTopic(row.topic);
  const name = topic?.label ?? row.topic;
  const from = row.action === 'created' ? 'not recorded' : label(row.topic, row.oldValue);
  const to = row.action === 'retired' ? 'ended' : label(row.topic, row.newValue);
  const signed = row.newEffectiveDate && row.newEffectiveDate !== row.oldEffectiveDate ? ` (signed ${row.newEffectiveDate})` : '';
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
  options: { late: boolean; scope: { state: string; fips: string | null } },
): Reply {
  const where = scopeText(ctx.store, options.scope);
  const late: Rich[] = options.late ? [[text('Sent late: the bot was offline when this change was recorded.', 'italic')]] : [];
  const stop: Rich = [text('Stop these: '), text(`unsubscribe ${where} positions`, 'code')];
  if (group.lead === 'change' && rows.length === 1) {
    const row = rows[0]!;
    const j = row.fips ? ctx.store.jurisdictions.byFips(row.fips) : undefined;
    const lines: Rich[] = j ? [sheriffLine(ctx.store, j), actionLine(ctx, j)] : [];
    return {
      status: 'ok',
      title: `Changed: ${row.officeName}`,
      intro: [[text(changeWords(row), 'bold')]],
      sections: [{ fields: [{ label: 'Source', value: sourceSpan(row) }, { label: 'Recorded', value: [date(row.at.slice(0, 10))] }] }, { lines }],
      notes: [...late, stop],
    };
  }
  const first = rows[0]!;
  const items: Rich[] = rows.slice(0, MAX_ITEMS).map((row) => [text(`${row.officeName} — ${changeWords(row)}`)]);
  if (rows.length > MAX_ITEMS) items.push([text(`and ${rows.length - MAX_ITEMS} more — see \`positions 287g ${options.scope.state}\``)]);
  const county = options.scope.fips ? ctx.store.jurisdictions.byFips(options.scope.fips) : undefined;
  return {
    status: 'ok',
    title: `${rows.length} change${rows.length === 1 ? '' : 's'} in ${where} from ${first.sourceTitle}`,
    sections: [
      { items },
      { fields: [{ label: 'Source', value: sourceSpan(first) }, { label: 'Imported', value: [date(first.at.slice(0, 10))] }] },
      ...(county ? [{ lines: [sheriffLine(ctx.store, county), actionLine(ctx, county)] }] : []),
    ],
    notes: [
      ...(county ? [] : [[text('Where each sheriff stands and how to reach them: '), text(`sheriff <county>, ${options.scope.state}`, 'code')]]),
      ...late,
      stop,
    ],
  };
}

/** Tells a moderator that a channel's subscription was paused, and how to resume it. */
export function renderPausedNotice(ctx: RenderContext, paused: Subscription, reason: PermanentReason | string): Reply {
  const why = reason in PERMANENT_REASON_TEXT ? PERMANENT_REASON_TEXT[reason as PermanentReason] : reason;
  const scope = scopeText(ctx.store, paused);
  return {
    status: 'ok',
    title: 'Reminders paused for a channel',
    intro: [[text(`Sheriff Watch could not post to channel ${paused.channelId}: ${why}. Its subscription to ${scope} (${paused.kinds.join(', ')}) is paused and will not be retried.`)]],
    sections: [{ lines: [[text('To resume, give the bot access to that channel again and type '), text(`subscribe ${scope}`, 'code'), text(' there.')]] }],
    notes: [[text('See every subscription: '), text('subscriptions', 'code')]],
  };
}

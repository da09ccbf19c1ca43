// The text of a reminder: what, when, where, the links, and the sheriff's record in one line.
import { DateTime } from 'luxon';
import { COMPUTED_LABEL } from '../commands/election-facts.ts';
import { placeQuery } from '../commands/format.ts';
import { describeRule } from '../domain/meetings.ts';
import { STATES, type StateCode } from '../domain/states.ts';
import { topicById, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { date, link, text, time, type Field, type Reply, type Rich } from '../reply.ts';
import type { Store } from '../store/index.ts';
import type { EventOccurrence } from './occurrences.ts';

export interface RenderContext {
  store: Store;
  /** Whether a command exists (the reminder points to `call` once it does). */
  hasCommand(name: string): boolean;
}

/** 'today', 'tomorrow', 'in 3 days', 'in 2 hours', 'in 45 minutes' — from `now` to the event. */
export function whenWords(occurrence: EventOccurrence, now: number): string {
  const ms = occurrence.at - now;
  if ('start' in occurrence.time && ms < 24 * 3_600_000) {
    if (ms <= 90 * 60_000) return `in ${Math.max(1, Math.round(ms / 60_000))} minutes`;
    return `in ${Math.round(ms / 3_600_000)} hours`;
  }
  const zone = occurrence.timeZone;
  const days = Math.round(
    DateTime.fromMillis(occurrence.at, { zone }).startOf('day').diff(DateTime.fromMillis(now, { zone }).startOf('day'), 'days').days,
  );
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** "Sheriff Mark Harrell: 287(g) Jail Enforcement Model since 2025-09-22". */
export function sheriffLine(store: Store, j: Jurisdiction): Rich {
  const office = store.offices.sheriffOf(j.fips);
  const holder = office ? store.holders.current(office.id) : undefined;
  const who = holder ? `Sheriff ${holder.name}` : `${j.name} sheriff (name not in our records)`;
  const topic = topicById('287g');
  const agreements = office ? store.positions.live(office.id).filter((p) => p.topic === '287g' && p.value !== 'none') : [];
  if (!agreements.length) return [text(`${who}: no 287(g) agreement on record`)];
  // Models signed the same day share one date: "Jail Enforcement Model and Task Force Model since …".
  const byDate = new Map<string, string[]>();
  for (const p of agreements) byDate.set(p.effectiveDate ?? '', [...(byDate.get(p.effectiveDate ?? '') ?? []), valueLabel(topic, p.value)]);
  const line: Rich = [text(`${who}: 287(g) `)];
  [...byDate].forEach(([since, models], i) => {
    if (i > 0) line.push(text('; '));
    line.push(text(models.length > 1 ? `${models.slice(0, -1).join(', ')} and ${models.at(-1)}` : models[0]!));
    if (since) line.push(text(' since '), date(since));
  });
  return line;
}

/** Where to act: `call <county>` once that command exists, else the sheriff card. */
export function actionLine(ctx: RenderContext, j: Jurisdiction): Rich {
  const place = placeQuery(j);
  return ctx.hasCommand('call')
    ? [text('Tell them what you think: '), text(`call ${place}`, 'code'), text(' · the full record: '), text(`sheriff ${place}`, 'code')]
    : [text('Where they stand and how to reach them: '), text(`sheriff ${place}`, 'code')];
}

export function scopeText(store: Store, scope: { state: string; fips: string | null }): string {
  if (!scope.fips) return STATES[scope.state as StateCode] ?? scope.state;
  const j = store.jurisdictions.byFips(scope.fips);
  return j ? placeQuery(j) : scope.fips;
}

const LATE_NOTE: Rich = [text('Sent late: the bot was offline when this reminder was due.', 'italic')];

function footer(ctx: RenderContext, scope: { state: string; fips: string | null }, what: string, late: boolean): Rich[] {
  return [
    ...(late ? [LATE_NOTE] : []),
    [text('Stop these: '), text(`unsubscribe ${scopeText(ctx.store, scope)} ${what}`, 'code')],
  ];
}

const MAX_LISTED = 12;

/** The official federal page that sends voters to their state's registration. */
const REGISTER_FIELD: Field = { label: 'Register or check your registration', value: [link('vote.gov', 'https://vote.gov/')] };

/** The reminder for one occurrence and lead, as the subscription with this scope sees it. */
export function renderReminder(
  ctx: RenderContext,
  occurrence: EventOccurrence,
  options: { now: number; late: boolean; scope: { state: string; fips: string | null } },
): Reply {
  const when = whenWords(occurrence, options.now);
  const source = occurrence.source;
  const j = occurrence.fips ? ctx.store.jurisdictions.byFips(occurrence.fips) : undefined;
  const record: Rich[] = j ? [sheriffLine(ctx.store, j), actionLine(ctx, j)] : [];
  switch (source.type) {
    case 'meeting': {
      const { series, occurrence: occ } = source;
      const place = j ? `${j.name}, ${j.state}` : series.fips;
      const whenLine: Rich = [time(occ.start, series.timeZone)];
      if (occ.status === 'moved') whenLine.push(text(' (moved from '), time(occ.originalStart, series.timeZone), text(')'));
      const fields: Field[] = [{ label: 'When', value: whenLine }];
      const location = occ.location ?? series.location;
      if (location) fields.push({ label: 'Where', value: [text(location)] });
      if (series.agendaUrl) fields.push({ label: 'Agenda', value: [link(series.agendaUrl, series.agendaUrl)] });
      if (series.livestreamUrl) fields.push({ label: 'Livestream', value: [link(series.livestreamUrl, series.livestreamUrl)] });
      if (series.publicComment) fields.push({ label: 'Public comment', value: [text(series.publicComment)] });
      if (series.why) fields.push({ label: 'Why it matters', value: [text(series.why)] });
      if (occ.note) fields.push({ label: 'Note', value: [text(occ.note)] });
      return {
        status: 'ok',
        title: `${series.body} (${place}) meets ${when}`,
        sections: [{ fields }, { lines: record }],
        notes: [
          [text('Source: '), link(series.sourceTitle, series.sourceUrl), text(` · ${describeRule(series.rrule)} · meeting #${series.id}`)],
          ...footer(ctx, options.scope, 'meetings', options.late),
        ],
      };
    }
    case 'election':
    case 'registration': {
      const e = source.election;
      const place = j ? `${j.name}, ${j.state}` : e.fips;
      const isDeadline = source.type === 'registration';
      const fields: Field[] = isDeadline
        ? [
            { label: 'Register by', value: [date(e.registrationDeadline!)] },
            { label: 'Election', value: [date(e.date), text(` (sheriff ${e.kind} election)`)] },
          ]
        : [{ label: 'Election day', value: [date(e.date)] }];
      if (!isDeadline && e.registrationDeadline) fields.push({ label: 'Registration deadline', value: [date(e.registrationDeadline)] });
      if (e.note) fields.push({ label: 'Note', value: [text(e.note)] });
      fields.push(REGISTER_FIELD);
      return {
        status: 'ok',
        title: isDeadline ? `Voter registration deadline ${when}: ${place}` : `Sheriff ${e.kind} election ${when}: ${place}`,
        sections: [{ fields }, { lines: record }],
        notes: [[text('Source: '), link(e.sourceTitle, e.sourceUrl), text(` · election #${e.id}`)], ...footer(ctx, options.scope, 'elections', options.late)],
      };
    }
    case 'computed': {
      const { next, places } = source;
      const statewide = occurrence.audience === 'state';
      const where = statewide ? `${places.length === 1 ? '1 county' : `${places.length} counties`} in ${STATES[occurrence.state]}` : `${places[0]!.name}, ${places[0]!.state}`;
      const sections = [
        { fields: [{ label: 'Election day', value: [date(next.date)] }, REGISTER_FIELD] as Field[] },
        ...(statewide
          ? [{
              heading: 'Where',
              items: [
                ...places.slice(0, MAX_LISTED).map((p) => [text(p.name)]),
                ...(places.length > MAX_LISTED ? [[text(`and ${places.length - MAX_LISTED} more — \`elections ${occurrence.state}\``)]] : []),
              ],
            }]
          : [{ lines: record }]),
      ];
      return {
        status: 'ok',
        title: `Sheriff election${statewide && places.length > 1 ? 's' : ''} ${when}: ${where}`,
        sections,
        notes: [
          [text(COMPUTED_LABEL, 'italic')],
          [text(`Rule: ${next.basis}`)],
          ...(statewide ? [[text('Each county\'s sheriff: '), text(`sheriff <county>, ${occurrence.state}`, 'code')]] : []),
          ...footer(ctx, options.scope, 'elections', options.late),
        ],
      };
    }
  }
}

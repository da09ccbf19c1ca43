// The text of a reminder: what, when, where, the links, and the sheriff's record in one line.
import { DateTime } from 'luxon';
import { t, type Language } from '../i18n/index.ts';
import { placeQuery } from './format.ts';
import { describeRule } from '../domain/meetings.ts';
import { STATES, type StateCode } from '../domain/states.ts';
import { topicById, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { date, link, text, time, type Field, type Reply, type Rich } from '../reply.ts';
import type { Store } from '../store/index.ts';
import type { EventOccurrence } from '../scheduler/occurrences.ts';

export interface RenderContext {
  store: Store;
  /** Whether a command exists (the reminder points to `call` once it does). */
  hasCommand(name: string): boolean;
}

/** 'today', 'tomorrow', 'in 3 days', 'in 2 hours', 'in 45 minutes' — from `now` to the event. */
export function whenWords(occurrence: EventOccurrence, now: number, language: Language = 'en'): string {
  const ms = occurrence.at - now;
  if ('start' in occurrence.time && ms < 24 * 3_600_000) {
    if (ms <= 90 * 60_000) return t(language, 'when.minutes', { n: Math.max(1, Math.round(ms / 60_000)) });
    return t(language, 'when.hours', { n: Math.round(ms / 3_600_000) });
  }
  const zone = occurrence.timeZone;
  const days = Math.round(
    DateTime.fromMillis(occurrence.at, { zone }).startOf('day').diff(DateTime.fromMillis(now, { zone }).startOf('day'), 'days').days,
  );
  if (days <= 0) return t(language, 'when.today');
  if (days === 1) return t(language, 'when.tomorrow');
  return t(language, 'when.days', { n: days });
}

/** "Sheriff Mark Harrell: 287(g) Jail Enforcement Model since 2025-09-22". */
export function sheriffLine(store: Store, j: Jurisdiction, language: Language = 'en'): Rich {
  const office = store.offices.sheriffOf(j.fips);
  const holder = office ? store.holders.current(office.id) : undefined;
  const who = holder ? t(language, 'reminder.sheriff', { name: holder.name }) : t(language, 'reminder.sheriff.unnamed', { county: j.name });
  const topic = topicById('287g');
  const agreements = office ? store.positions.live(office.id).filter((p) => p.topic === '287g' && p.value !== 'none') : [];
  if (!agreements.length) return [text(t(language, 'reminder.no-287g', { who }))];
  // Models signed the same day share one date: "Jail Enforcement Model and Task Force Model since …".
  const byDate = new Map<string, string[]>();
  for (const p of agreements) byDate.set(p.effectiveDate ?? '', [...(byDate.get(p.effectiveDate ?? '') ?? []), modelLabel(topic, p.value, language)]);
  const line: Rich = [text(`${who}: 287(g) `)];
  [...byDate].forEach(([since, models], i) => {
    if (i > 0) line.push(text('; '));
    line.push(text(models.length > 1 ? t(language, 'list.and', { some: models.slice(0, -1).join(', '), last: models.at(-1)! }) : models[0]!));
    if (since) line.push(text(t(language, 'reminder.since')), date(since));
  });
  return line;
}

/** Where to act: `call <county>` once that command exists, else the sheriff card. */
export function actionLine(ctx: RenderContext, j: Jurisdiction, language: Language = 'en'): Rich {
  const place = placeQuery(j);
  return ctx.hasCommand('call')
    ? [text(t(language, 'reminder.act.call')), text(`call ${place}`, 'code'), text(t(language, 'reminder.act.record')), text(`sheriff ${place}`, 'code')]
    : [text(t(language, 'reminder.act.card')), text(`sheriff ${place}`, 'code')];
}

export function scopeText(store: Store, scope: { state: string; fips: string | null }): string {
  if (!scope.fips) return STATES[scope.state as StateCode] ?? scope.state;
  const j = store.jurisdictions.byFips(scope.fips);
  return j ? placeQuery(j) : scope.fips;
}

function footer(ctx: RenderContext, scope: { state: string; fips: string | null }, what: string, late: boolean, language: Language): Rich[] {
  return [
    ...(late ? [[text(t(language, 'reminder.late'), 'italic')]] : []),
    [text(t(language, 'reminder.stop')), text(`unsubscribe ${scopeText(ctx.store, scope)} ${what}`, 'code')],
  ];
}

/** A 287(g) model's name in the language; other values as the topic labels them. */
export function modelLabel(topic: ReturnType<typeof topicById>, value: string, language: Language): string {
  if (topic.id === '287g' && value !== 'none') {
    const key = `model.${value}`;
    if (key === 'model.jail-enforcement' || key === 'model.task-force' || key === 'model.warrant-service-officer') return t(language, key);
  }
  return valueLabel(topic, value);
}

const MAX_LISTED = 12;

/** The official federal page that sends voters to their state's registration. */
const registerField = (language: Language): Field => ({ label: t(language, 'reminder.register'), value: [link('vote.gov', 'https://vote.gov/')] });

/** The reminder for one occurrence and lead, as the subscription with this scope sees it. */
export function renderReminder(
  ctx: RenderContext,
  occurrence: EventOccurrence,
  options: { now: number; late: boolean; scope: { state: string; fips: string | null }; language?: Language },
): Reply {
  const language = options.language ?? 'en';
  const REGISTER_FIELD = registerField(language);
  const when = whenWords(occurrence, options.now, language);
  const source = occurrence.source;
  const j = occurrence.fips ? ctx.store.jurisdictions.byFips(occurrence.fips) : undefined;
  const record: Rich[] = j ? [sheriffLine(ctx.store, j, language), actionLine(ctx, j, language)] : [];
  switch (source.type) {
    case 'meeting': {
      const { series, occurrence: occ } = source;
      const place = j ? `${j.name}, ${j.state}` : series.fips;
      const whenLine: Rich = [time(occ.start, series.timeZone)];
      if (occ.status === 'moved') whenLine.push(text(t(language, 'reminder.moved-from')), time(occ.originalStart, series.timeZone), text(')'));
      const fields: Field[] = [{ label: t(language, 'reminder.when'), value: whenLine }];
      const location = occ.location ?? series.location;
      if (location) fields.push({ label: t(language, 'reminder.where'), value: [text(location)] });
      if (series.agendaUrl) fields.push({ label: t(language, 'reminder.agenda'), value: [link(series.agendaUrl, series.agendaUrl)] });
      if (series.livestreamUrl) fields.push({ label: t(language, 'reminder.livestream'), value: [link(series.livestreamUrl, series.livestreamUrl)] });
      const minutes = ctx.store.meetingSources.minutesOf(series.id);
      if (minutes) fields.push({ label: t(language, 'meeting.minutes'), value: [link(minutes, minutes)] });
      if (series.publicComment) fields.push({ label: t(language, 'reminder.public-comment'), value: [text(series.publicComment)] });
      if (series.why) fields.push({ label: t(language, 'reminder.why'), value: [text(series.why)] });
      if (occ.note) fields.push({ label: t(language, 'reminder.note'), value: [text(occ.note)] });
      return {
        status: 'ok',
        title: t(language, 'reminder.meeting.title', { body: series.body, place, when }),
        sections: [{ fields }, { lines: record }],
        notes: [
          [text(t(language, 'reminder.source')), link(series.sourceTitle, series.sourceUrl), text(` · ${describeRule(series.rrule, language)} · ${t(language, 'reminder.meeting.id', { id: series.id })}`)],
          ...footer(ctx, options.scope, 'meetings', options.late, language),
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
            { label: t(language, 'reminder.register-by'), value: [date(e.registrationDeadline!)] },
            { label: t(language, 'reminder.election'), value: [date(e.date), text(` (${electionName(e.kind, language)})`)] },
          ]
        : [{ label: t(language, 'reminder.election-day'), value: [date(e.date)] }];
      if (!isDeadline && e.registrationDeadline) fields.push({ label: t(language, 'reminder.registration-deadline'), value: [date(e.registrationDeadline)] });
      if (e.note) fields.push({ label: t(language, 'reminder.note'), value: [text(e.note)] });
      fields.push(REGISTER_FIELD);
      return {
        status: 'ok',
        title: isDeadline
          ? t(language, 'reminder.registration.title', { when, place })
          : t(language, 'reminder.election.title', { election: capitalize(electionName(e.kind, language)), when, place }),
        sections: [{ fields }, { lines: record }],
        notes: [[text(t(language, 'reminder.source')), link(e.sourceTitle, e.sourceUrl), text(` · ${t(language, 'reminder.election.id', { id: e.id })}`)], ...footer(ctx, options.scope, 'elections', options.late, language)],
      };
    }
    case 'computed': {
      const { next, places } = source;
      const statewide = occurrence.audience === 'state';
      const where = statewide
        ? t(language, 'reminder.counties', { count: places.length, state: STATES[occurrence.state] })
        : `${places[0]!.name}, ${places[0]!.state}`;
      const sections = [
        { fields: [{ label: t(language, 'reminder.election-day'), value: [date(next.date)] }, REGISTER_FIELD] as Field[] },
        ...(statewide
          ? [{
              heading: t(language, 'reminder.where'),
              items: [
                ...places.slice(0, MAX_LISTED).map((p) => [text(p.name)]),
                ...(places.length > MAX_LISTED ? [[text(t(language, 'reminder.more', { n: places.length - MAX_LISTED, command: `\`elections ${occurrence.state}\`` }))]] : []),
              ],
            }]
          : [{ lines: record }]),
      ];
      return {
        status: 'ok',
        title: t(language, statewide && places.length > 1 ? 'reminder.computed.title.many' : 'reminder.computed.title', { when, where }),
        sections,
        notes: [
          [text(t(language, 'reminder.computed'), 'italic')],
          [text(t(language, 'reminder.rule', { basis: next.basis }))],
          ...(statewide ? [[text(t(language, 'reminder.each-sheriff')), text(`sheriff <county>, ${occurrence.state}`, 'code')]] : []),
          ...footer(ctx, options.scope, 'elections', options.late, language),
        ],
      };
    }
  }
}

/** 'special election' / 'elección especial' for a recorded election's kind. */
export function electionName(kind: string, language: Language): string {
  const known = ['primary', 'general', 'runoff', 'special', 'recall'] as const;
  const found = known.find((k) => k === kind);
  return found ? t(language, `election.kind.${found}`) : t(language, 'election.kind.other', { kind });
}

const capitalize = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import type { ElectionFacts } from '../../queries/election-facts.ts';
import { topicVerdicts } from '../../queries/verdicts.ts';
import { occurrencesBetween } from '../../domain/meetings.ts';
import type { Store } from '../../store/index.ts';
import { date, text, time, type Rich } from '../../reply.ts';
import { isReply, recordForCommand } from '../../framework/action-place.ts';
import { doubtLines } from '../../present/doubt-lines.ts';
import { iceFreshnessLines } from '../../present/freshness-lines.ts';
import { perSource, placeName, placeQuery } from '../../present/format.ts';
import { neighbourLines } from '../../present/neighbour-lines.ts';
import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

/** The next election as a date span, so each platform can show it in its own way. */
function electionLine(facts: ElectionFacts, language: Language): Rich {
  const next = facts.next;
  if (next.recorded) return [text(t(language, 'status.election.recorded', { kind: next.recorded.kind })), date(next.recorded.date)];
  switch (next.kind) {
    case 'scheduled':
      return [text(t(language, 'status.election')), date(next.date)];
    case 'year_only':
      return [text(t(language, 'status.election.year', { year: next.year }))];
    case 'varies':
      return [text(t(language, 'status.election.unknown'))];
    case 'not_elected':
      return [text(t(language, 'status.election.none'))];
  }
}

/** How far ahead `status` looks for a board meeting. */
const MEETING_HORIZON_MS = 90 * 86_400_000;

/** The county's next board meeting that is not cancelled, as one line, when one is recorded. */
function meetingLine(store: Store, fips: string, now: Date, language: Language): Rich | undefined {
  const until = new Date(now.getTime() + MEETING_HORIZON_MS);
  const next = store.meetings
    .liveFor(fips)
    .flatMap((series) => occurrencesBetween(series, store.meetings.exceptionsFor(series.id), now, until).map((o) => ({ series, o })))
    .filter(({ o }) => o.status !== 'cancelled')
    .sort((a, b) => a.o.start.localeCompare(b.o.start))[0];
  if (!next) return undefined;
  const line: Rich = [text(t(language, 'status.meeting')), time(next.o.start, next.series.timeZone), text(` — ${next.series.body}`)];
  if (next.o.location) line.push(text(` · ${next.o.location}`));
  return line;
}

/** "What is the status of my county?" in one compact answer. */
export const statusCommand: CommandDef = {
  name: 'status',
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['status Autauga, AL', 'status Multnomah, OR'],
  handler(ctx, args) {
    const record = recordForCommand(ctx, 'status', args);
    if (isReply(record)) return record;
    const language = languageFor(ctx);
    const query = placeQuery(record.jurisdiction);
    const sheriff: Rich = record.holder
      ? [
          text(t(language, 'status.sheriff', { sheriff: record.holder.name }), 'bold'),
          text(' ('),
          ...perSource(record.holder.source, language),
          text(')'),
        ]
      : [text(t(language, 'status.sheriff.unknown'), 'bold')];
    const items = topicVerdicts(ctx.store, record, language).map((v): Rich => [
      text(t(language, 'status.topic', { label: v.label, verdict: v.verdict })),
      ...(v.source ? [text(' '), text(t(language, 'status.as-of', { date: v.source.date }), 'italic')] : []),
    ]);
    return {
      status: 'ok',
      title: t(language, 'status.title', { place: placeName(record.jurisdiction) }),
      intro: [sheriff, ...doubtLines(record.doubt, language)],
      sections: [
        { items },
        { lines: [electionLine(record.election, language), ...[meetingLine(ctx.store, record.jurisdiction.fips, ctx.clock.now(), language)].filter((l) => l !== undefined)] },
        { lines: neighbourLines(ctx.store, record.jurisdiction, language) },
      ],
      notes: [...iceFreshnessLines(ctx.store, ctx.clock, language), [text(t(language, 'status.next', { call: `call ${query}`, letter: `letter ${query}`, elections: `elections ${record.jurisdiction.state}` }))]],
    };
  },
};

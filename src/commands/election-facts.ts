import { todayIn, type Clock } from '../clock.ts';
import { lastRegularElection, nextRegularElection, type NextElection } from '../domain/elections.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { en } from '../i18n/en.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import { date, link, text, type Rich } from '../reply.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';
import type { Store } from '../store/index.ts';
import { richMessage } from './format.ts';

/**
 * The computed next regular election; `recorded` is set when moderators recorded the date of
 * the same race (a general election in the computed year, or any upcoming general election
 * where the rule gives no year): the recorded date wins.
 */
export type NextElectionView = NextElection & { recorded?: RecordedElection };

export interface ElectionFacts {
  next: NextElectionView;
  /** The latest regular election on or before today, when the rule fixes its date. */
  last: string | null;
  today: string;
  /** Upcoming elections recorded by moderators with a source, soonest first. */
  recorded: RecordedElection[];
}

/** The next and last regular sheriff election of a jurisdiction, on its local calendar. */
export function electionFacts(store: Store, clock: Clock, j: Jurisdiction): ElectionFacts {
  const today = todayIn(clock, j.timeZone);
  const rule = store.rules.forState(j.state);
  const exception = store.electionExceptions.forJurisdiction(j);
  const computed = nextRegularElection(rule, j, today, exception);
  const recorded = store.recordedElections.upcomingFor(j.fips, today);
  const winner = recordedWinner(computed, recorded);
  return {
    next: winner ? { ...computed, recorded: winner } : computed,
    last: lastRegularElection(rule, j, today, exception),
    today,
    recorded,
  };
}

/** What `elections <state>` shows of one jurisdiction: the next election and the recorded ones. */
export type StateElectionFacts = Pick<ElectionFacts, 'next' | 'recorded'>;

/**
 * electionFacts' next and recorded elections for every jurisdiction of one state, with the
 * state's rows read once (exceptions, recorded elections) and "today" worked out once per zone.
 */
export function electionFactsInState(store: Store, clock: Clock, state: string, places: readonly Jurisdiction[]): Map<string, StateElectionFacts> {
  const rule = store.rules.forState(state);
  const exceptionOf = store.electionExceptions.resolverForState(state);
  const todays = new Map<string, string>();
  for (const j of places) if (!todays.has(j.timeZone)) todays.set(j.timeZone, todayIn(clock, j.timeZone));
  const earliest = [...todays.values()].sort()[0];
  const recordedByFips = new Map<string, RecordedElection[]>();
  for (const e of earliest ? store.recordedElections.upcoming(earliest, state) : []) {
    const list = recordedByFips.get(e.fips) ?? [];
    list.push(e);
    recordedByFips.set(e.fips, list);
  }
  const facts = new Map<string, StateElectionFacts>();
  for (const j of places) {
    const today = todays.get(j.timeZone)!;
    const computed = nextRegularElection(rule, j, today, exceptionOf(j));
    const recorded = (recordedByFips.get(j.fips) ?? []).filter((e) => e.date >= today);
    const winner = recordedWinner(computed, recorded);
    facts.set(j.fips, { next: winner ? { ...computed, recorded: winner } : computed, recorded });
  }
  return facts;
}

/** The recorded election that replaces the computed one for the same race, if any. */
export function recordedWinner(computed: NextElection, recorded: readonly RecordedElection[]): RecordedElection | undefined {
  if (computed.kind === 'not_elected') return undefined;
  const generals = recorded.filter((e) => e.kind === 'general');
  if (computed.kind === 'varies') return generals[0];
  return generals.find((e) => Number(e.date.slice(0, 4)) === computed.year);
}

/** One line: the date (or year, or why there is none). */
export function electionHeadline(next: NextElectionView, language: Language = 'en'): Rich {
  if (next.recorded) {
    return [
      text(t(language, 'election.next.recorded'), 'bold'),
      date(next.recorded.date),
      text(t(language, 'election.next.recorded.kind', { kind: electionKind(next.recorded.kind, language) })),
    ];
  }
  switch (next.kind) {
    case 'scheduled':
      return [text(t(language, 'election.next'), 'bold'), date(next.date)];
    case 'year_only':
      return [text(t(language, 'election.next'), 'bold'), text(t(language, 'election.next.year', { year: next.year }))];
    case 'varies':
      return [text(t(language, 'election.next'), 'bold'), text(t(language, 'election.next.varies', { reason: next.reason }))];
    case 'not_elected':
      return [text(t(language, 'election.not-elected'), 'bold'), text(next.reason)];
  }
}

/** 'primary', 'general'… in the language. */
export function electionKind(kind: string, language: Language): string {
  const key = `election-kind.${kind}`;
  return Object.hasOwn(en, key) ? t(language, key as MessageKey) : kind;
}

/** 'high', 'medium', 'low' in the language. */
export function confidenceLabel(confidence: string, language: Language): string {
  const key = `confidence.${confidence}`;
  return Object.hasOwn(en, key) ? t(language, key as MessageKey) : confidence;
}

/** The basis, confidence, caveats and sources of a computed election (or the recorded one that wins). */
export function electionDetails(next: NextElectionView, language: Language = 'en'): Rich[] {
  if (next.recorded) return recordedDetails(next.recorded, next, language);
  const lines: Rich[] = [];
  if (next.kind !== 'not_elected') {
    lines.push([text(t(language, 'election.computed'), 'italic'), text(t(language, 'election.confidence', { confidence: confidenceLabel(next.confidence, language) }))]);
  }
  if (next.basis) lines.push([text(t(language, 'election.rule', { basis: next.basis }))]);
  for (const caveat of next.caveats) lines.push([text(caveat)]);
  if (next.sourceUrls.length > 0) {
    lines.push([
      text(t(language, 'format.sources')),
      ...next.sourceUrls.flatMap((url, i) => [...(i > 0 ? [text(' · ')] : []), link(hostOf(url), url)]),
    ]);
  }
  return lines;
}

function recordedDetails(e: RecordedElection, computed: NextElection, language: Language): Rich[] {
  const lines: Rich[] = [
    [text(t(language, 'election.source')), link(e.sourceTitle, e.sourceUrl), text(t(language, 'election.recorded-at', { date: e.updatedAt.slice(0, 10), id: e.id }))],
  ];
  if (e.registrationDeadline) lines.push([text(t(language, 'election.registration')), date(e.registrationDeadline)]);
  if (e.note) lines.push([text(e.note)]);
  if (computed.kind === 'scheduled' && computed.date !== e.date) {
    lines.push([...richMessage(language, 'election.state-law', { date: date(computed.date) }), text(t(language, 'election.replaced'), 'italic')]);
  }
  return lines;
}

/** One line per recorded election: '2026-03-03 (Tue) — primary · registration deadline … · source'. */
export function recordedLine(e: RecordedElection, language: Language = 'en'): Rich {
  const line: Rich = [date(e.date), text(t(language, 'election.line', { kind: electionKind(e.kind, language), id: e.id }))];
  if (e.registrationDeadline) line.push(text(t(language, 'election.register-by')), date(e.registrationDeadline));
  if (e.note) line.push(text(` · ${e.note}`));
  line.push(text(' · '), link(e.sourceTitle, e.sourceUrl));
  return line;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

import { todayIn, type Clock } from '../clock.ts';
import { lastRegularElection, nextRegularElection, type NextElection } from '../domain/elections.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { date, link, text, type Rich } from '../reply.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';
import type { Store } from '../store/index.ts';

export const COMPUTED_LABEL = 'Computed from state law — confirm with the county elections office.';

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

/** The recorded election that replaces the computed one for the same race, if any. */
export function recordedWinner(computed: NextElection, recorded: readonly RecordedElection[]): RecordedElection | undefined {
  if (computed.kind === 'not_elected') return undefined;
  const generals = recorded.filter((e) => e.kind === 'general');
  if (computed.kind === 'varies') return generals[0];
  return generals.find((e) => Number(e.date.slice(0, 4)) === computed.year);
}

/** One line: the date (or year, or why there is none). */
export function electionHeadline(next: NextElectionView): Rich {
  if (next.recorded) {
    return [text('Next sheriff election: ', 'bold'), date(next.recorded.date), text(` (${next.recorded.kind} election, recorded with a source)`)];
  }
  switch (next.kind) {
    case 'scheduled':
      return [text('Next regular sheriff election: ', 'bold'), date(next.date)];
    case 'year_only':
      return [text('Next regular sheriff election: ', 'bold'), text(`${next.year} (the rule fixes no exact day)`)];
    case 'varies':
      return [text('Next regular sheriff election: ', 'bold'), text(`not known — ${next.reason}`)];
    case 'not_elected':
      return [text('Not elected here: ', 'bold'), text(next.reason)];
  }
}

/** The basis, confidence, caveats and sources of a computed election (or the recorded one that wins). */
export function electionDetails(next: NextElectionView): Rich[] {
  if (next.recorded) return recordedDetails(next.recorded, next);
  const lines: Rich[] = [];
  if (next.kind !== 'not_elected') {
    lines.push([text(COMPUTED_LABEL, 'italic'), text(` Confidence: ${next.confidence}.`)]);
  }
  if (next.basis) lines.push([text(`Rule: ${next.basis}`)]);
  for (const caveat of next.caveats) lines.push([text(caveat)]);
  if (next.sourceUrls.length > 0) {
    lines.push([
      text('Sources: '),
      ...next.sourceUrls.flatMap((url, i) => [...(i > 0 ? [text(' · ')] : []), link(hostOf(url), url)]),
    ]);
  }
  return lines;
}

function recordedDetails(e: RecordedElection, computed: NextElection): Rich[] {
  const lines: Rich[] = [[text('Source: '), link(e.sourceTitle, e.sourceUrl), text(` (recorded ${e.updatedAt.slice(0, 10)}, #${e.id})`)]];
  if (e.registrationDeadline) lines.push([text('Voter registration deadline: '), date(e.registrationDeadline)]);
  if (e.note) lines.push([text(e.note)]);
  if (computed.kind === 'scheduled' && computed.date !== e.date) {
    lines.push([text('State law alone would give '), date(computed.date), text('; the recorded date replaces it.', 'italic')]);
  }
  return lines;
}

/** One line per recorded election: '2026-03-03 (Tue) — primary · registration deadline … · source'. */
export function recordedLine(e: RecordedElection): Rich {
  const line: Rich = [date(e.date), text(` — ${e.kind} election (#${e.id})`)];
  if (e.registrationDeadline) line.push(text(' · register by '), date(e.registrationDeadline));
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

import { todayIn, type Clock } from '../clock.ts';
import { lastRegularElection, nextRegularElection, type NextElection } from '../domain/elections.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { date, link, text, type Rich } from '../reply.ts';
import type { Store } from '../store/index.ts';

export const COMPUTED_LABEL = 'Computed from state law — confirm with the county elections office.';

export interface ElectionFacts {
  next: NextElection;
  /** The latest regular election on or before today, when the rule fixes its date. */
  last: string | null;
  today: string;
}

/** The next and last regular sheriff election of a jurisdiction, on its local calendar. */
export function electionFacts(store: Store, clock: Clock, j: Jurisdiction): ElectionFacts {
  const today = todayIn(clock, j.timeZone);
  const rule = store.rules.forState(j.state);
  const exception = store.electionExceptions.forJurisdiction(j);
  return {
    next: nextRegularElection(rule, j, today, exception),
    last: lastRegularElection(rule, j, today, exception),
    today,
  };
}

/** One line: the date (or year, or why there is none). */
export function electionHeadline(next: NextElection): Rich {
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

/** The basis, confidence, caveats and sources of a computed election. */
export function electionDetails(next: NextElection): Rich[] {
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

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

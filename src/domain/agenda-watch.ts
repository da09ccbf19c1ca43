// Agenda watch: the agenda items of a county board meeting that touch immigration enforcement by
// the sheriff. One list of keywords, English and Spanish. ICE counts only as the capitalized
// whole word, so "police", "office", "notice" and "NOTICE" never match.

export interface AgendaKeyword {
  /** A short name of what matched, e.g. '287(g)'. */
  label: string;
  pattern: RegExp;
}

export const AGENDA_KEYWORDS: readonly AgendaKeyword[] = [
  { label: '287(g)', pattern: /\b287\s*\(?\s*g\s*\)?(?![a-z])/i },
  { label: 'ICE', pattern: /(?<![A-Za-z])ICE(?![A-Za-z])/ },
  { label: 'immigration', pattern: /\bimmigration\b|\binmigraci[oó]n\b|\binmigrantes?\b/i },
  { label: 'detainers', pattern: /\bdetainers?\b|\b[oó]rdenes de detenci[oó]n\b/i },
  { label: 'jail or detention contract', pattern: /\b(?:jail|detention|detainee)\b[^.;]{0,60}\b(?:contract|agreement|IGSA|intergovernmental service)\b|\b(?:contract|agreement|IGSA)\b[^.;]{0,60}\b(?:jail|detention)\b|\bcontrato\b[^.;]{0,60}\b(?:c[aá]rcel|detenci[oó]n)\b/i },
  { label: "sheriff's budget", pattern: /\bsheriff(?:'s|’s|s)?\b[^.;]{0,40}\bbudget\b|\bbudget\b[^.;]{0,40}\bsheriff|\bpresupuesto\b[^.;]{0,40}\bsheriff|\bpresupuesto\b[^.;]{0,40}\balguac[ií]l/i },
];

export interface AgendaItemText {
  number: string | null;
  title: string;
}

export interface AgendaMatch extends AgendaItemText {
  /** Labels of the keywords found in the item. */
  keywords: string[];
}

/** The items that mention a watched subject, in agenda order. */
export function matchAgenda(items: readonly AgendaItemText[]): AgendaMatch[] {
  const matches: AgendaMatch[] = [];
  for (const item of items) {
    const keywords = AGENDA_KEYWORDS.filter((k) => k.pattern.test(item.title)).map((k) => k.label);
    if (keywords.length) matches.push({ ...item, keywords });
  }
  return matches;
}

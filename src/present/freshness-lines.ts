/** The lines every answer that relies on ICE's list adds: its date and age, its last confirmation, a warning when stale. */
import type { Clock } from '../clock.ts';
import { noteText } from '../importers/dataset.ts';
import { ICE_287G_PAGE } from '../importers/ice-287g.ts';
import { t, type Language } from '../i18n/index.ts';
import { CONFIRMED_WITHIN_DAYS, iceListFreshness, type ListFreshness } from '../queries/list-freshness.ts';
import { date, link, text, type Rich } from '../reply.ts';
import type { ListCheck } from '../store/list-checks.ts';
import type { Store } from '../store/index.ts';
import { richMessage } from './format.ts';

function ageLine(f: ListFreshness, language: Language): Rich {
  const key = f.ageDays <= 0 ? 'freshness.list.today' : f.ageDays === 1 ? 'freshness.list.one' : 'freshness.list';
  return richMessage(language, key, { date: date(f.version) }, { days: f.ageDays });
}

/** "ICE's list of 2026-05-18, 199 days old." · when it was last confirmed · a warning when stale. */
export function freshnessLines(f: ListFreshness | undefined, language: Language): Rich[] {
  if (!f) return [[text(t(language, 'freshness.no-list'))]];
  const lines: Rich[] = [ageLine(f, language)];
  if (f.confirmed) lines.push(richMessage(language, 'freshness.confirmed', { date: date(f.confirmed.checkedAt.slice(0, 10)) }));
  if (f.stale) {
    // The warning says no recent check confirmed it; an older confirmation is shown above.
    lines.push(richMessage(language, 'freshness.stale', { link: link('ice.gov', ICE_287G_PAGE) }, { days: f.ageDays, recent: CONFIRMED_WITHIN_DAYS }));
  } else if (!f.confirmed) {
    lines.push([text(t(language, 'freshness.not-confirmed'))]);
  }
  return lines;
}

/** The freshness lines of the loaded list, read from the store. */
export function iceFreshnessLines(store: Store, clock: Clock, language: Language): Rich[] {
  return freshnessLines(iceListFreshness(store, clock), language);
}

/** What the last check of ICE's page found, for `about`. */
export function lastCheckLine(check: ListCheck | undefined, language: Language): Rich {
  if (!check) return [text(t(language, 'freshness.check.never'))];
  const outcome =
    check.outcome === 'failed'
      ? t(language, 'freshness.outcome.failed', { reason: check.reason ? noteText(check.reason, language) : '' })
      : t(language, `freshness.outcome.${check.outcome}`, { version: check.version ?? '' });
  return richMessage(language, 'freshness.check.last', { date: date(check.checkedAt.slice(0, 10)) }, { outcome });
}

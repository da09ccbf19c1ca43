/**
 * One change-log row as a line of `history`, in the reader's language. Rows store their line as
 * a catalog message (key + parameters), written here in the reader's language; rows written
 * before messages were stored show their stored (English) summary, as written.
 */
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { Change } from '../store/change-log.ts';

const ENTITY: Record<Change['entity'], MessageKey> = {
  office_holder: 'history.holder',
  election: 'history.entity.election',
  meeting: 'history.entity.meeting',
  meeting_occurrence: 'history.entity.meeting-occurrence',
  subscription: 'history.entity.subscription',
};

/** 'sheriff phone: — → (512) 555-0100', 'election: primary election 2026-03-03'. */
export function changeLine(c: Change, language: Language): string {
  const summary = c.message ? t(language, c.message.key, c.message.params) : c.summary;
  return t(language, ENTITY[c.entity], { summary });
}

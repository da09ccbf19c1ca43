import type { MessageKey } from '../i18n/index.ts';

/**
 * The rubric: how a recorded position becomes a short verdict and the ask that follows
 * from it. One table, documented in the README (a test keeps the two in step).
 *
 * Verdicts restate the record and nothing more: "has a 287(g) agreement" is a fact with a
 * source; no verdict calls a sheriff good or bad. Asks follow what organizers and legal
 * groups ask of sheriffs: end or do not sign 287(g) agreements, decline detainers without a
 * judicial warrant, keep ICE from posing as local police, put policy in writing.
 */
export interface RubricRow {
  topic: string;
  /** A recorded value; '*' = any 287(g) model. */
  value: string;
  verdict: MessageKey;
  ask: MessageKey;
}

export const RUBRIC: readonly RubricRow[] = [
  { topic: '287g', value: '*', verdict: 'rubric.287g.agreement.verdict', ask: 'rubric.287g.agreement.ask' },
  { topic: '287g', value: 'none', verdict: 'rubric.287g.none.verdict', ask: 'rubric.287g.not-listed.ask' },
  { topic: '287g', value: 'not-listed', verdict: 'rubric.287g.not-listed.verdict', ask: 'rubric.287g.not-listed.ask' },
  { topic: 'detainers', value: 'yes', verdict: 'rubric.detainers.yes.verdict', ask: 'rubric.detainers.ask' },
  { topic: 'detainers', value: 'partial', verdict: 'rubric.detainers.partial.verdict', ask: 'rubric.detainers.ask' },
  { topic: 'detainers', value: 'no', verdict: 'rubric.detainers.no.verdict', ask: 'rubric.keep.ask' },
  { topic: 'ice-as-police', value: 'yes', verdict: 'rubric.ice-as-police.yes.verdict', ask: 'rubric.ice-as-police.ask' },
  { topic: 'ice-as-police', value: 'partial', verdict: 'rubric.ice-as-police.partial.verdict', ask: 'rubric.ice-as-police.ask' },
  { topic: 'ice-as-police', value: 'no', verdict: 'rubric.ice-as-police.no.verdict', ask: 'rubric.keep.ask' },
  { topic: 'jail-access', value: 'yes', verdict: 'rubric.jail-access.yes.verdict', ask: 'rubric.jail-access.ask' },
  { topic: 'jail-access', value: 'partial', verdict: 'rubric.jail-access.partial.verdict', ask: 'rubric.jail-access.ask' },
  { topic: 'jail-access', value: 'no', verdict: 'rubric.jail-access.no.verdict', ask: 'rubric.keep.ask' },
  { topic: 'release-notification', value: 'yes', verdict: 'rubric.release-notification.yes.verdict', ask: 'rubric.release-notification.ask' },
  { topic: 'release-notification', value: 'partial', verdict: 'rubric.release-notification.partial.verdict', ask: 'rubric.release-notification.ask' },
  { topic: 'release-notification', value: 'no', verdict: 'rubric.release-notification.no.verdict', ask: 'rubric.keep.ask' },
  { topic: 'info-sharing', value: 'yes', verdict: 'rubric.info-sharing.yes.verdict', ask: 'rubric.info-sharing.ask' },
  { topic: 'info-sharing', value: 'partial', verdict: 'rubric.info-sharing.partial.verdict', ask: 'rubric.info-sharing.ask' },
  { topic: 'info-sharing', value: 'no', verdict: 'rubric.info-sharing.no.verdict', ask: 'rubric.keep.ask' },
];

export function rubricRow(topic: string, value: string): RubricRow | undefined {
  return RUBRIC.find((row) => row.topic === topic && row.value === value) ?? (topic === '287g' && value !== 'none' && value !== 'not-listed' ? RUBRIC[0] : undefined);
}

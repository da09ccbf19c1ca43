import { actions } from './en/actions.ts';
import { agendaKind } from './en/agenda-kind.ts';
import { commands } from './en/commands.ts';
import { freshness } from './en/freshness.ts';
import { errors } from './en/errors.ts';
import { imports } from './en/imports.ts';
import { limits } from './en/limits.ts';
import { lookup } from './en/lookup.ts';
import { maps } from './en/maps.ts';
import { meetingsSources } from './en/meetings-sources.ts';
import { options } from './en/options.ts';
import { pipeline } from './en/pipeline.ts';
import { places } from './en/places.ts';
import { records } from './en/records.ts';
import { trust } from './en/trust.ts';
import { slackInstall } from './en/slack-install.ts';
import { trustMore } from './en/trust-more.ts';
import { roster } from './en/roster.ts';
import { changeLog } from './en/change-log.ts';
import { importsMore } from './en/imports-more.ts';

/**
 * English messages, one part per area of the bot. Every user-facing string lives in these
 * files; es.ts must have the same keys with the same {placeholders} (a test checks).
 */
export const en = {
  ...actions,
  ...commands,
  ...lookup,
  ...records,
  ...imports,
  ...errors,
  ...pipeline,
  ...limits,
  ...freshness,
  ...roster,
  ...importsMore,
  ...options,
  ...places,
  ...maps,
  ...meetingsSources,
  ...trust,
  ...slackInstall,
  ...trustMore,
  ...changeLog,
  ...agendaKind,
} as const;

export type MessageKey = keyof typeof en;

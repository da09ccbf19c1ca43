import type { MessageKey } from './en.ts';
import { actions } from './es/actions.ts';
import { agendaKind } from './es/agenda-kind.ts';
import { commands } from './es/commands.ts';
import { freshness } from './es/freshness.ts';
import { errors } from './es/errors.ts';
import { imports } from './es/imports.ts';
import { limits } from './es/limits.ts';
import { lookup } from './es/lookup.ts';
import { maps } from './es/maps.ts';
import { meetingsSources } from './es/meetings-sources.ts';
import { options } from './es/options.ts';
import { pipeline } from './es/pipeline.ts';
import { places } from './es/places.ts';
import { records } from './es/records.ts';
import { trust } from './es/trust.ts';
import { slackInstall } from './es/slack-install.ts';
import { trustMore } from './es/trust-more.ts';
import { roster } from './es/roster.ts';
import { changeLog } from './es/change-log.ts';
import { importsMore } from './es/imports-more.ts';

/** Spanish messages: the same keys and {placeholders} as en.ts. */
export const es: Record<MessageKey, string> = {
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
};

import { buildCalendar } from '../calendar/ics.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { t } from '../i18n/index.ts';
import { text } from '../reply.ts';

import { countyOrState } from './scope-place.ts';
import type { CommandDef } from './types.ts';
import { COUNTY_OR_STATE_OPTION, STATE_OPTION } from './options.ts';

export const calendarCommand: CommandDef = {
  name: 'calendar',
  options: [COUNTY_OR_STATE_OPTION, STATE_OPTION],
  permission: 'everyone',
  examples: ['calendar Travis, TX', 'calendar Georgia'],
  handler(ctx, args) {
    const { store, clock } = ctx;
    const language = languageFor(ctx);
    const place = countyOrState(store, 'calendar', args);
    const { attachment, summary } = buildCalendar(store, clock, place.kind === 'state' ? { kind: 'state', state: place.state } : { kind: 'jurisdiction', jurisdiction: place.jurisdiction }, language);
    const counts = [
      t(language, 'calendar.elections', { count: summary.elections }),
      t(language, 'calendar.meetings', { count: summary.meetings }),
      ...(summary.cancelled ? [t(language, 'calendar.cancelled', { count: summary.cancelled })] : []),
    ].join(', ');
    return {
      status: 'ok',
      title: t(language, 'calendar.title', { file: attachment.filename }),
      intro: [[text(t(language, 'calendar.intro', { counts }))]],
      sections: [],
      notes: [[text(t(language, 'calendar.note'))]],
      attachments: [attachment],
    };
  },
};

import { buildCalendar } from '../../calendar/ics.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t } from '../../i18n/index.ts';
import { link, text } from '../../reply.ts';
import { STATES } from '../../domain/states.ts';
import { countySlug, feedAddresses, publicUrl, slugOf } from '../../http/calendar-feed.ts';

import { countyOrState } from '../../framework/scope-place.ts';
import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OR_STATE_OPTION, STATE_OPTION } from '../../framework/options.ts';

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
      ...(summary.deadlines ? [t(language, 'calendar.deadlines', { count: summary.deadlines })] : []),
      t(language, 'calendar.meetings', { count: summary.meetings }),
      ...(summary.cancelled ? [t(language, 'calendar.cancelled', { count: summary.cancelled })] : []),
    ].join(', ');
    const base = publicUrl();
    const feed = base && feedAddresses(base, place.kind === 'state' ? slugOf(STATES[place.state]) : countySlug(place.jurisdiction));
    return {
      status: 'ok',
      title: t(language, 'calendar.title', { file: attachment.filename }),
      intro: [[text(t(language, 'calendar.intro', { counts }))]],
      sections: feed ? [{ lines: [[text(t(language, 'feed.subscribe')), link(feed.webcal, feed.webcal)], [text(t(language, 'feed.https')), link(feed.https, feed.https)]] }] : [],
      notes: [[text(t(language, 'calendar.note'))]],
      attachments: [attachment],
    };
  },
};

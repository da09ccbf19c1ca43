import { occurrencesBetween, utcToLocal } from '../../domain/meetings.ts';
import { readRepeat } from '../../domain/repeat-phrases/reading.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { link, text, time, type Rich } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { placeName, placeQuery } from '../../present/format.ts';
import { resolvePlaceArgs } from '../../framework/place.ts';

import type { CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';

/** How many upcoming dates are listed, and how far ahead. */
const LISTED = 10;
const AHEAD_DAYS = 400;

export const meetingsCommand: CommandDef = {
  name: 'meetings',
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  examples: ['meetings Travis, TX', 'meetings Cobb County, GA'],
  handler(ctx, args) {
    const { store, clock } = ctx;
    const language = languageFor(ctx);
    const place = resolvePlaceArgs(store, 'meetings', args);
    if (place.kind !== 'jurisdiction') {
      throw new UserError('county_needed', 'meetings.which-county', {}, [msg('meetings.which-county.help', { command: `\`meetings <county>, ${place.state}\`` })]);
    }
    const j = place.jurisdiction;
    const now = clock.now();
    const until = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
    const series = store.meetings.liveFor(j.fips);
    const upcoming = series
      // The first LISTED of each series are all the list can show: the rule stops expanding there.
      .flatMap((s) => occurrencesBetween(s, store.meetings.exceptionsFor(s.id), now, until, { includeCancelled: true, limit: LISTED }).map((o) => ({ s, o })))
      .sort((a, b) => a.o.start.localeCompare(b.o.start))
      .slice(0, LISTED);
    const items = upcoming.map(({ s, o }): Rich => {
      const line: Rich = [time(o.start, s.timeZone), text(` — ${s.body}`)];
      if (o.status === 'cancelled') line.push(text(t(language, 'meetings.cancelled'), 'bold'));
      if (o.status === 'moved') line.push(text(t(language, 'reminder.moved-from')), time(o.originalStart, s.timeZone), text(')'));
      if (o.location) line.push(text(` · ${o.location}`));
      if (o.note) line.push(text(` · ${o.note}`));
      return line;
    });
    const about = series.map((s): Rich => {
      const line: Rich = [text(`#${s.id} ${s.body}`, 'bold'), text(t(language, 'meetings.rev', { revision: s.revision, rule: readRepeat(s.rrule, language, s.rrule ? { time: utcToLocal(s.startsAt, s.timeZone).time, timeZone: s.timeZone } : undefined) }))];
      if (s.why) line.push(text(t(language, 'meetings.why', { why: s.why })));
      if (s.agendaUrl) line.push(text(' · '), link(t(language, 'meetings.agenda'), s.agendaUrl));
      if (s.livestreamUrl) line.push(text(' · '), link(t(language, 'meetings.livestream'), s.livestreamUrl));
      const minutes = store.meetingSources.minutesOf(s.id);
      if (minutes) line.push(text(' · '), link(t(language, 'meeting.minutes.link'), minutes));
      if (s.publicComment) line.push(text(t(language, 'meetings.public-comment', { text: s.publicComment })));
      line.push(text(t(language, 'meetings.source')), link(s.sourceTitle, s.sourceUrl));
      return line;
    });
    return {
      status: 'ok',
      title: t(language, 'meetings.title', { place: placeName(j) }),
      intro: series.length ? [] : [[text(t(language, 'meetings.none')), text('meeting-add', 'code'), text(t(language, 'meetings.none.source'))]],
      sections: [
        ...(items.length ? [{ heading: t(language, 'meetings.next'), items }] : []),
        ...(about.length ? [{ heading: t(language, 'meetings.recorded'), lines: about }] : []),
      ],
      notes: [
        [text(t(language, 'meetings.local')), text(`subscribe ${placeQuery(j)} meetings`, 'code'), text(t(language, 'meetings.calendar')), text(`calendar ${placeQuery(j)}`, 'code')],
      ],
    };
  },
};

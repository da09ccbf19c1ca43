import { describeRule, occurrencesBetween } from '../domain/meetings.ts';
import { link, text, time, type Rich } from '../reply.ts';
import { UserError } from './errors.ts';
import { placeName, placeQuery } from './format.ts';
import { resolvePlaceArgs } from './place.ts';
import { COUNTY_OPTION, STATE_OPTION } from './sheriff.ts';
import type { CommandDef } from './types.ts';

/** How many upcoming dates are listed, and how far ahead. */
const LISTED = 10;
const AHEAD_DAYS = 400;

export const meetingsCommand: CommandDef = {
  name: 'meetings',
  description: "The county board's next meetings: when, where, agenda, livestream, public comment",
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  examples: ['meetings Travis, TX', 'meetings Cobb County, GA'],
  handler({ store, clock }, args) {
    const place = resolvePlaceArgs(store, 'meetings', args);
    if (place.kind !== 'jurisdiction') throw new UserError('county_needed', 'Which county?', [`Example: \`meetings <county>, ${place.state}\`.`]);
    const j = place.jurisdiction;
    const now = clock.now();
    const until = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
    const series = store.meetings.liveFor(j.fips);
    const upcoming = series
      .flatMap((s) => occurrencesBetween(s, store.meetings.exceptionsFor(s.id), now, until, { includeCancelled: true }).map((o) => ({ s, o })))
      .sort((a, b) => a.o.start.localeCompare(b.o.start))
      .slice(0, LISTED);
    const items = upcoming.map(({ s, o }): Rich => {
      const line: Rich = [time(o.start, s.timeZone), text(` — ${s.body}`)];
      if (o.status === 'cancelled') line.push(text(' — CANCELLED', 'bold'));
      if (o.status === 'moved') line.push(text(' (moved from '), time(o.originalStart, s.timeZone), text(')'));
      if (o.location) line.push(text(` · ${o.location}`));
      if (o.note) line.push(text(` · ${o.note}`));
      return line;
    });
    const about = series.map((s): Rich => {
      const line: Rich = [text(`#${s.id} ${s.body}`, 'bold'), text(` (rev ${s.revision}): ${describeRule(s.rrule)}`)];
      if (s.why) line.push(text(` · why it matters: ${s.why}`));
      if (s.agendaUrl) line.push(text(' · '), link('agenda', s.agendaUrl));
      if (s.livestreamUrl) line.push(text(' · '), link('livestream', s.livestreamUrl));
      if (s.publicComment) line.push(text(` · public comment: ${s.publicComment}`));
      line.push(text(' · source: '), link(s.sourceTitle, s.sourceUrl));
      return line;
    });
    return {
      status: 'ok',
      title: `County board meetings: ${placeName(j)}`,
      intro: series.length ? [] : [[text('No meetings recorded yet. Moderators can add them with '), text('meeting-add', 'code'), text(', with a source.')]],
      sections: [
        ...(items.length ? [{ heading: 'Next dates', items }] : []),
        ...(about.length ? [{ heading: 'Recorded meetings', lines: about }] : []),
      ],
      notes: [
        [text('Times are local to the county. Reminders here: '), text(`subscribe ${placeQuery(j)} meetings`, 'code'), text(' · calendar: '), text(`calendar ${placeQuery(j)}`, 'code')],
      ],
    };
  },
};

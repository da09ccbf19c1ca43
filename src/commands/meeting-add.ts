import { describeRule } from '../domain/meetings.ts';
import { link, text, time } from '../reply.ts';
import { UserError } from './errors.ts';
import { SOURCE_OPTION, storeWrite, writeMeta } from './event-args.ts';
import { placeQuery } from './format.ts';
import { detailFields, MEETING_FIELDS, scheduleFields } from './meeting-options.ts';
import { countyOrState } from './scope-place.ts';
import { COUNTY_OPTION, STATE_OPTION } from './sheriff.ts';
import type { CommandDef } from './types.ts';

const REQUIRED = new Set(['body', 'date', 'time']);

export const meetingAddCommand: CommandDef = {
  name: 'meeting-add',
  description: "Record a county board's meeting or regular meetings, with the source (moderators)",
  options: [COUNTY_OPTION, STATE_OPTION, ...MEETING_FIELDS.map((o) => (REQUIRED.has(o.name) ? { ...o, required: true } : o)), SOURCE_OPTION],
  permission: 'moderator',
  examples: [
    'meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=WEEKLY;BYDAY=TU location:"700 Lavaca St, Austin" source:https://www.traviscountytx.gov/commissioners-court',
    'meeting-add Cobb, GA body:"Board of Commissioners" date:2026-12-08 time:19:00 why:"287(g) renewal on the agenda" agenda:https://cobbcounty.org/agenda source:https://cobbcounty.org/agenda',
  ],
  handler(ctx, args) {
    const place = countyOrState(ctx.store, 'meeting-add', args);
    if (place.kind !== 'jurisdiction') throw new UserError('county_needed', 'Which county?', ['Meetings belong to a county, e.g. `meeting-add Travis, TX body:"Commissioners Court" …`.']);
    const j = place.jurisdiction;
    const meta = writeMeta(ctx, args);
    const series = storeWrite('meeting-add', () => {
      const schedule = scheduleFields(args, j.timeZone);
      const details = detailFields(args);
      return ctx.store.meetings.add(
        {
          fips: j.fips,
          body: details.body!,
          startsAt: schedule.startsAt!,
          timeZone: j.timeZone,
          rrule: schedule.rrule ?? null,
          durationMinutes: details.durationMinutes ?? null,
          location: details.location ?? null,
          agendaUrl: details.agendaUrl ?? null,
          livestreamUrl: details.livestreamUrl ?? null,
          publicComment: details.publicComment ?? null,
          why: details.why ?? null,
        },
        meta,
      );
    });
    if (Date.parse(series.startsAt) < ctx.clock.now().getTime() && !series.rrule) {
      // Recorded anyway (the history is the record), but say it will never remind.
      return {
        status: 'ok',
        title: `Recorded meeting #${series.id} — it is in the past`,
        intro: [[text('Starts '), time(series.startsAt, series.timeZone), text('; no reminder will go out for it.')]],
        sections: [],
        notes: [[text('Correct it: '), text(`meeting-change ${series.id} date:YYYY-MM-DD source:<link>`, 'code')]],
      };
    }
    return {
      status: 'ok',
      title: `Recorded: ${series.body}, ${j.name}, ${j.state} (meeting #${series.id})`,
      intro: [[text('First: '), time(series.startsAt, series.timeZone), text(` · ${describeRule(series.rrule)}`)]],
      sections: [{ lines: [[text('Source: '), link(series.sourceTitle, series.sourceUrl)]] }],
      notes: [
        [text('Next dates: '), text(`meetings ${placeQuery(j)}`, 'code'), text(' · one date off: '), text(`meeting-cancel ${series.id} on:YYYY-MM-DD source:<link>`, 'code')],
      ],
    };
  },
};

import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { utcToLocal } from '../../domain/meetings.ts';
import { readRepeat } from '../../domain/repeat-phrases/reading.ts';
import { checkSeriesStart } from '../../domain/repeat-phrases/series-start.ts';
import { link, text, time } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { storeWrite, writeMeta } from './event-args.ts';
import { submitEvent } from './event-submit.ts';
import { meetingOf } from '../../moderation/event-change.ts';
import type { MeetingSeries } from '../../domain/meetings.ts';
import type { Jurisdiction } from '../../domain/types.ts';
import type { Reply } from '../../reply.ts';
import { placeQuery } from '../../present/format.ts';
import { detailFields, MEETING_FIELDS, scheduleFields } from './meeting-options.ts';
import { countyOrState } from '../../framework/scope-place.ts';

import type { CommandContext, CommandDef } from '../../framework/types.ts';
import { COUNTY_OPTION, EVENT_SOURCE_OPTION, STATE_OPTION } from '../../framework/options.ts';

// date and time may come from the repeat ('every 2nd Tuesday at 9am'); checked in the handler.
const REQUIRED = new Set(['body']);
/** Live meeting series one county may have (a county board rarely has more than a few). */
export const MAX_SERIES_PER_COUNTY = 30;

export const meetingAddCommand: CommandDef = {
  name: 'meeting-add',
  options: [COUNTY_OPTION, STATE_OPTION, ...MEETING_FIELDS.map((o) => (REQUIRED.has(o.name) ? { ...o, required: true } : o)), EVENT_SOURCE_OPTION],
  // Everyone may propose; only an editor's change is applied at once (see submitEvent).
  permission: 'everyone',
  examples: [
    'meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=WEEKLY;BYDAY=TU location:"700 Lavaca St, Austin" source:https://www.traviscountytx.gov/commissioners-court',
    'meeting-add Cook, IL body:"Board of Commissioners" repeat:"every 2nd Tuesday at 10am" source:https://www.cookcountyil.gov/',
    'meeting-add Cobb, GA body:"Board of Commissioners" date:2026-12-08 time:19:00 why:"287(g) renewal on the agenda" agenda:https://cobbcounty.org/agenda source:https://cobbcounty.org/agenda',
  ],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const place = countyOrState(ctx.store, 'meeting-add', args);
    if (place.kind !== 'jurisdiction') {
      throw new UserError('county_needed', 'meetings.which-county', {}, [msg('meeting-add.county.help', { command: '`meeting-add Travis, TX body:"Commissioners Court" …`' })]);
    }
    const j = place.jurisdiction;
    // Every `meetings`, calendar and scheduler pass expands each live series of the county.
    if (ctx.store.meetings.liveFor(j.fips).length >= MAX_SERIES_PER_COUNTY) {
      throw new UserError('too_many', 'limits.meeting.too-many', { max: MAX_SERIES_PER_COUNTY, place: `${j.name}, ${j.state}` }, [msg('limits.meeting.too-many.help')]);
    }
    const meta = writeMeta(ctx, args);
    const facts = storeWrite('meeting-add', () => {
      const schedule = scheduleFields(args, j.timeZone, ctx.clock.now());
      if (!schedule.startsAt) throw new UserError('missing_argument', 'meeting.when-needed', {}, [msg('meeting.when-needed.help', { example: '`date:2026-12-01 time:09:00` · `repeat:"every 2nd Tuesday at 9am"`' })]);
      checkSeriesStart({ startsAt: schedule.startsAt, timeZone: j.timeZone, rrule: schedule.rrule ?? null }, language);
      const details = detailFields(args);
      return {
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
      };
    });
    const change = { kind: 'meeting_add' as const, fips: j.fips, facts, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'meeting-add', change, meta, (result) => added(ctx, j, meetingOf(result)));
  },
};

function added(ctx: CommandContext, j: Jurisdiction, series: MeetingSeries): Reply {
  const language = languageFor(ctx);
  if (Date.parse(series.startsAt) < ctx.clock.now().getTime() && !series.rrule) {
    // Recorded anyway (the history is the record), but say it will never remind.
    return {
      status: 'ok',
      title: t(language, 'meeting-add.past', { id: series.id }),
      intro: [[text(t(language, 'meeting-add.past.starts')), time(series.startsAt, series.timeZone), text(t(language, 'meeting-add.past.none'))]],
      sections: [],
      notes: [[text(t(language, 'meeting-add.correct')), text(`meeting-change ${series.id} date:YYYY-MM-DD source:<link>`, 'code')]],
    };
  }
  return {
    status: 'ok',
    title: t(language, 'meeting-add.title', { body: series.body, place: `${j.name}, ${j.state}`, id: series.id }),
    intro: [[text(t(language, 'meeting-add.first')), time(series.startsAt, series.timeZone), text(` · ${readRepeat(series.rrule, language, series.rrule ? { time: utcToLocal(series.startsAt, series.timeZone).time, timeZone: series.timeZone } : undefined)}`)]],
    sections: [{ lines: [[text(t(language, 'reminder.source')), link(series.sourceTitle, series.sourceUrl)]] }],
    notes: [
      [text(t(language, 'meeting-add.next')), text(`meetings ${placeQuery(j)}`, 'code'), text(t(language, 'meeting-add.one-off')), text(`meeting-cancel ${series.id} on:YYYY-MM-DD source:<link>`, 'code')],
    ],
  };
}

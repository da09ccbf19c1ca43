import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { localToUtc, ruleStartOn, utcToLocal } from '../../domain/meetings.ts';
import { parseClockTime } from '../../domain/repeat-phrases/parse.ts';
import { checkSeriesStart } from '../../domain/repeat-phrases/series-start.ts';
import { link, text, time } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { checkDate, checkEventDate, checkText, storeWrite, writeMeta } from './event-args.ts';
import { submitEvent } from './event-submit.ts';
import { meetingOf } from '../../moderation/event-change.ts';
import { detailFields, MEETING_FIELDS, MEETING_ID_OPTION, scheduleFields } from './meeting-options.ts';
import type { Args, CommandContext, CommandDef, OptionDef } from '../../framework/types.ts';
import type { Reply } from '../../reply.ts';
import { EVENT_REVISION_OPTION, EVENT_SOURCE_OPTION, NOTE_OPTION } from '../../framework/options.ts';

export const ON_OPTION: OptionDef = {
  name: 'on',
  descriptionKey: 'option.on',
  type: 'text',
  required: false,
};

const OCCURRENCE_FIELDS = new Set(['date', 'time', 'location', 'note']);

export const meetingChangeCommand: CommandDef = {
  name: 'meeting-change',
  options: [MEETING_ID_OPTION, ON_OPTION, ...MEETING_FIELDS, NOTE_OPTION, EVENT_SOURCE_OPTION, EVENT_REVISION_OPTION],
  permission: 'everyone',
  examples: [
    'meeting-change 1 on:2026-12-15 date:2026-12-16 time:14:00 note:"moved for the holiday" source:https://www.traviscountytx.gov/',
    'meeting-change 1 agenda:https://www.traviscountytx.gov/agenda/2026-12-01 source:https://www.traviscountytx.gov/',
  ],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const series = ctx.store.meetings.byId(Number(args.id));
    if (!series || series.retiredAt) throw new UserError('not_found', 'meeting.not-found', { id: String(args.id) }, [msg('meeting.check-number')]);
    const meta = writeMeta(ctx, args);
    if (args.on !== undefined) return moveOccurrence(ctx, args, series.id, meta);
    const given = Object.keys(args).filter((k) => MEETING_FIELDS.some((o) => o.name === k));
    if (!given.length) throw new UserError('nothing_to_change', 'event.nothing', {}, [msg('meeting-change.nothing.help')]);
    const patch = storeWrite('meeting-change', () => {
      const schedule = scheduleFields(args, series.timeZone, ctx.clock.now(), series);
      if (schedule.startsAt !== undefined || schedule.rrule !== undefined) {
        checkSeriesStart({ startsAt: schedule.startsAt ?? series.startsAt, timeZone: series.timeZone, rrule: schedule.rrule !== undefined ? schedule.rrule : series.rrule }, languageFor(ctx));
      }
      return { ...schedule, ...detailFields(args) };
    });
    const change = { kind: 'meeting_change' as const, fips: series.fips, id: series.id, patch, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'meeting-change', change, meta, (result) => {
      const changed = meetingOf(result);
      return {
        status: 'ok',
        title: t(language, 'meeting-change.title', { id: changed.id, revision: changed.revision }),
        intro: [[text(`${changed.body}: `), time(changed.startsAt, changed.timeZone)]],
        sections: [{ lines: [[text(t(language, 'reminder.source')), link(changed.sourceTitle, changed.sourceUrl)]] }],
        notes: [[text(t(language, 'meeting-change.note'))]],
      };
    });
  },
};

function moveOccurrence(ctx: CommandContext, args: Args, id: number, meta: ReturnType<typeof writeMeta>): Reply {
  const language = languageFor(ctx);
  const series = ctx.store.meetings.byId(id)!;
  const other = Object.keys(args).filter((k) => MEETING_FIELDS.some((o) => o.name === k) && !OCCURRENCE_FIELDS.has(k));
  if (other.length) throw new UserError('bad_arguments', 'meeting-change.only-move', {}, [msg('meeting-change.only-move.help', { fields: other.join(', ') })]);
  const on = checkDate(String(args.on), 'occurrence date');
  const original = ruleStartOn(series, on);
  if (!original) throw new UserError('no_occurrence', 'meeting.no-occurrence', { id, date: on }, [msg('meeting.check-dates')]);
  const was = utcToLocal(original, series.timeZone);
  const startsAt = storeWrite('meeting-change', () =>
    localToUtc(args.date !== undefined ? checkEventDate(String(args.date), 'date', ctx.clock.now()) : was.date, args.time !== undefined ? parseClockTime(String(args.time)) : was.time, series.timeZone),
  );
  const exception = { status: 'moved' as const, startsAt, location: checkText(args.location, 'location') ?? null, note: checkText(args.note, 'note', true) ?? null };
  const change = { kind: 'meeting_occurrence' as const, fips: series.fips, id, originalStart: original, exception, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
  return submitEvent(ctx, 'meeting-change', change, meta, () => ({
    status: 'ok',
    title: t(language, 'meeting-change.moved', { body: series.body, date: on }),
    intro: [[text(t(language, 'meeting-change.now')), time(startsAt, series.timeZone), text(t(language, 'meeting-change.was')), time(original, series.timeZone), text(')')]],
    sections: [{ lines: [[text(t(language, 'reminder.source')), link(meta.sourceTitle, meta.sourceUrl)]] }],
    notes: [[text(t(language, 'meeting-change.moved.note'))]],
  }));
}

import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t } from '../../i18n/index.ts';
import { ruleStartOn } from '../../domain/meetings.ts';
import { link, text, time } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { checkDate, checkText, writeMeta } from './event-args.ts';
import { eventFips, submitEvent } from './event-submit.ts';
import { meetingOf } from '../../moderation/event-change.ts';
import { ON_OPTION } from './meeting-change.ts';
import { MEETING_ID_OPTION } from './meeting-options.ts';
import type { CommandDef } from '../../framework/types.ts';
import { EVENT_REVISION_OPTION, EVENT_SOURCE_OPTION, NOTE_OPTION } from '../../framework/options.ts';

export const meetingCancelCommand: CommandDef = {
  name: 'meeting-cancel',
  options: [MEETING_ID_OPTION, ON_OPTION, EVENT_SOURCE_OPTION, { ...NOTE_OPTION, descriptionKey: 'command.meeting-cancel.option.note' }, EVENT_REVISION_OPTION],
  permission: 'everyone',
  examples: ['meeting-cancel 1 on:2026-12-29 source:https://www.traviscountytx.gov/ note:"holiday"', 'meeting-cancel 1 source:https://www.traviscountytx.gov/'],
  handler(ctx, args) {
    const language = languageFor(ctx);
    const id = Number(args.id);
    const meta = writeMeta(ctx, args);
    const note = checkText(args.note, 'note', true) ?? null;
    if (args.on === undefined) {
      const fips = eventFips(ctx, 'meeting-cancel', 'meeting', id);
      const change = { kind: 'meeting_cancel' as const, fips, id, reason: note, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
      return submitEvent(ctx, 'meeting-cancel', change, meta, (result) => {
        const series = meetingOf(result);
        return {
          status: 'ok',
          title: t(language, 'meeting-cancel.series', { body: series.body, id: series.id }),
          intro: [[text(t(language, 'meeting-cancel.series.intro'))]],
          sections: [{ lines: [[text(t(language, 'reminder.source')), link(meta.sourceTitle, meta.sourceUrl)]] }],
          notes: [[text(t(language, 'event.kept'))]],
        };
      });
    }
    const series = ctx.store.meetings.byId(id);
    if (!series || series.retiredAt) throw new UserError('not_found', 'meeting.not-found', { id }, [msg('meeting.check-number')]);
    const on = checkDate(String(args.on), 'occurrence date');
    const original = ruleStartOn(series, on);
    if (!original) throw new UserError('no_occurrence', 'meeting.no-occurrence', { id, date: on }, [msg('meeting.check-dates')]);
    const exception = { status: 'cancelled' as const, startsAt: null, location: null, note };
    const change = { kind: 'meeting_occurrence' as const, fips: series.fips, id, originalStart: original, exception, sourceUrl: meta.sourceUrl, sourceTitle: meta.sourceTitle };
    return submitEvent(ctx, 'meeting-cancel', change, meta, () => ({
      status: 'ok',
      title: t(language, 'meeting-cancel.one', { body: series.body, date: on }),
      intro: [[text(t(language, 'meeting-cancel.one.of')), time(original, series.timeZone), text(t(language, 'meeting-cancel.one.off'))]],
      sections: [{ lines: [[text(t(language, 'reminder.source')), link(meta.sourceTitle, meta.sourceUrl)]] }],
      notes: [],
    }));
  },
};

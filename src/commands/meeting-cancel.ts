import { ruleStartOn } from '../domain/meetings.ts';
import { link, text, time } from '../reply.ts';
import { UserError } from './errors.ts';
import { checkDate, checkText, NOTE_OPTION, REVISION_OPTION, SOURCE_OPTION, storeWrite, writeMeta } from './event-args.ts';
import { ON_OPTION } from './meeting-change.ts';
import { MEETING_ID_OPTION } from './meeting-options.ts';
import type { CommandDef } from './types.ts';

export const meetingCancelCommand: CommandDef = {
  name: 'meeting-cancel',
  description: 'Cancel one meeting (on:<date>) or a whole series, with the source (moderators)',
  options: [MEETING_ID_OPTION, ON_OPTION, SOURCE_OPTION, { ...NOTE_OPTION, description: 'Why, e.g. "no quorum"' }, REVISION_OPTION],
  permission: 'moderator',
  examples: ['meeting-cancel 1 on:2026-12-29 source:https://www.traviscountytx.gov/ note:"holiday"', 'meeting-cancel 1 source:https://www.traviscountytx.gov/'],
  handler(ctx, args) {
    const id = Number(args.id);
    const meta = writeMeta(ctx, args);
    const note = checkText(args.note, 'note') ?? null;
    if (args.on === undefined) {
      const series = storeWrite('meeting-cancel', () => ctx.store.meetings.cancel(id, { ...meta, reason: note }));
      return {
        status: 'ok',
        title: `Cancelled: ${series.body} (meeting #${series.id}), every date`,
        intro: [[text('Its reminders stop; calendars show its dates cancelled on the next import.')]],
        sections: [{ lines: [[text('Source: '), link(meta.sourceTitle, meta.sourceUrl)]] }],
        notes: [[text('The record and its history are kept.')]],
      };
    }
    const series = ctx.store.meetings.byId(id);
    if (!series || series.retiredAt) throw new UserError('not_found', `No live meeting #${id}`, ['Check the number with `meetings <county>`.']);
    const on = checkDate(String(args.on), 'occurrence date');
    const original = ruleStartOn(series, on);
    if (!original) throw new UserError('no_occurrence', `Meeting #${id} has no occurrence on ${on}`, ['Check the dates with `meetings <county>`.']);
    storeWrite('meeting-cancel', () => ctx.store.meetings.setException(id, original, { status: 'cancelled', startsAt: null, location: null, note }, meta));
    return {
      status: 'ok',
      title: `Cancelled: ${series.body} of ${on}`,
      intro: [[text('The meeting of '), time(original, series.timeZone), text(' is off; the rest of the series stands.')]],
      sections: [{ lines: [[text('Source: '), link(meta.sourceTitle, meta.sourceUrl)]] }],
      notes: [],
    };
  },
};

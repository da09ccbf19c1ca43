import { buildCalendar } from '../calendar/ics.ts';
import { text } from '../reply.ts';
import { COUNTY_OPTION, STATE_OPTION } from './sheriff.ts';
import { countyOrState } from './scope-place.ts';
import type { CommandDef } from './types.ts';

export const calendarCommand: CommandDef = {
  name: 'calendar',
  description: 'An .ics calendar of sheriff elections and county board meetings',
  options: [{ ...COUNTY_OPTION, description: 'A county (Travis, TX) or a whole state (Texas)' }, STATE_OPTION],
  permission: 'everyone',
  examples: ['calendar Travis, TX', 'calendar Georgia'],
  handler({ store, clock }, args) {
    const place = countyOrState(store, 'calendar', args);
    const { attachment, summary } = buildCalendar(store, clock, place.kind === 'state' ? { kind: 'state', state: place.state } : { kind: 'jurisdiction', jurisdiction: place.jurisdiction });
    const counts = `${summary.elections} election date${summary.elections === 1 ? '' : 's'}, ${summary.meetings} meeting${summary.meetings === 1 ? '' : 's'}${summary.cancelled ? `, ${summary.cancelled} cancelled` : ''}`;
    return {
      status: 'ok',
      title: `Calendar: ${attachment.filename}`,
      intro: [[text(`${counts}. Import it into any calendar app; importing a newer file updates the same events instead of adding copies.`)]],
      sections: [],
      notes: [[text('Computed election dates come from state law — confirm with the county elections office. Meetings are listed a year ahead.')]],
      attachments: [attachment],
    };
  },
};

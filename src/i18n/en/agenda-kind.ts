/** Messages of the `agenda` subscription kind (agenda watch alerts) and of minutes and video links of meetings. */
export const agendaKind = {
  'option.agenda': "Agenda alerts: 287(g), ICE, detainers, jail contracts or the sheriff's budget on an agenda",
  'option.agenda.choice.agenda': 'agenda',
  'subs.agenda': 'agenda alerts',
  'subs.agenda.off': 'no agenda alerts',
  'subs.agenda.stop': 'No agenda alerts: ',
  'subs.agenda.start': 'Agenda alerts back on: ',
  'source.list.default': " · linked by default with the bot's data (its public source: data/SOURCES.md)",
  'source.error.no-body': 'That calendar lists no body named "{body}" (names must match as it writes them). It lists: {bodies}.',
  'meeting.minutes': 'Minutes',
  'meeting.minutes.link': 'minutes',
  'ics.minutes': 'Minutes: {url}',
} as const;

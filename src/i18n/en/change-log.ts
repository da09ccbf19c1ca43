/** English: the change log's own lines (rows store a key and its parameters; see store/change-messages.ts). */
export const changeLog = {
  'change-log.of-body': '{body}: {what}',
  'change-log.with-reason': '{what}: {reason}',
  'change-log.changes': '{changes}',
  'change-log.election.created.registration': '{kind} election {date}, registration deadline {deadline}',
  'change-log.roster.contact': 'contact details per roster (as of {date})',
  'change-log.reverted': 'reverted #{ref}: {what}',
  'change-log.revert.restored': 'record #{id} ({name}) restored as #{copy}',
  'change-log.revert.removed': 'record #{id} ({name}) removed',
  'change-log.revert.replaced': 'record #{id} replaced by #{by} ({name}) again, as #{copy}',
  'change-log.election.restored': 'restored the {kind} election of {date}',
  'change-log.meeting.restored.series': '{body}: restored the series',
  'change-log.meeting.restored.one': '{body}: restored the meeting',
  'change-log.occurrence.restored': '{body}: occurrence of {start} as scheduled again',
} as const;

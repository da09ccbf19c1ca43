/** Messages of the limits that keep hostile input from stalling the bot or poisoning the record. */
export const limits = {
  'limits.rule.setpos': 'BYSETPOS={value} can never match with FREQ={freq}: each period has at most {max} matching days. Use a position from 1 to {max} (or -1 for the last), e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (last weekday).',
  'limits.rule.until-before': 'UNTIL ({until}) is before the first meeting ({start}); give a last date after the first, e.g. FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231.',
  'limits.rule.never': 'That rule gives no meeting in the {years} years from {from} (e.g. a day that does not exist, like February 30th, or a last date already past); check the rule, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU.',
  'limits.rule.count-old': 'A rule with COUNT is counted from its first meeting, which may be at most {days} days ago; give the date of a recent meeting, or UNTIL (the last date) instead of COUNT.',
  'limits.rule.sparse': '{part} cannot be used with FREQ={freq}: write days of the month or months with FREQ=MONTHLY or FREQ=YEARLY, e.g. FREQ=MONTHLY;BYMONTHDAY=15 or FREQ=YEARLY;BYMONTH=1,7.',

  'limits.meeting.too-many': '{place} already has {max} meeting series recorded, the most a county may have',
  'limits.meeting.too-many.help': 'Cancel the series that no longer meet (meeting-cancel <#> source:<link>), or change one with meeting-change.',

  'limits.date.window': 'The {what} is outside the dates the bot keeps',
  'limits.date.window.help': '{date} is not between {earliest} and {latest}: dates of elections and meetings may be up to {years} years back or ahead.',

  'limits.text.control': 'The {label} contains invisible control characters ({which}); type plain text.',
  'limits.text.newline': 'The {label} must be on one line; line breaks are kept only in notes, reasons and instructions.',

  'limits.sheet.too-big': 'This workbook unpacks to {size} MB ({part}), far more than any ICE list (about 1.2 MB unpacked); it was not read. Send ICE\'s sheet as published, or its CSV form.',
  'limits.sheet.too-many-rows': 'This sheet has {rows} rows or more; ICE\'s list has about 2,600 and at most {max} are read. Send ICE\'s sheet as published.',

  'command.import-287g.option.force': 'Apply even if the list ends most agreements on record (after checking it is right)',
  'command.import-287g.option.force.choice.yes': 'yes',
  'limits.import.retires-most': 'Not applied: this list would end {ended} of the {current} agreements on record and keep only {kept} ({percent}%).',
  'limits.import.unplaced-most': 'Not applied: {unplaced} of its {rows} rows could not be placed in a county or agency.',
  'limits.import.retires-most.how': 'If ICE really ended that many, load it again with force: a moderator\'s confirmation that the list is right.',
  'limits.import.would-end': 'Would end: {agreement}',
  'limits.import.future-date': 'The list\'s date {version} is after today ({today}); give the date ICE published it.',

  'limits.note.link-dropped': "Row {row}: the {what} link '{url}' is not an http(s) address and was not recorded.",
  'limits.note.signed-future': "Row {row}: {agency}'s signing date {signed} is after the list's own date ({version}); recorded without a signing date.",
} as const;

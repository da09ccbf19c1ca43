/** The ICE list watcher's guard refusals and recoveries, the list date from the server, roster proposals. */
export const importsMore = {
  'import.date-from.server': "server's Last-Modified date",
  'watch.fail.retires-most': 'the list would end {ended} of the {current} agreements on record and keep only {kept} ({percent}%); if ICE really ended them, an editor can load the file with force',
  'watch.fail.unplaced-most': '{unplaced} of its {rows} rows could not be placed in a county or agency',
  'watch.report.recovered': "Checks of ICE's page work again (they had failed since {since}).",
  'watch.report.recovered.unchanged': "ICE's 287(g) list can be checked again",
  'roster.summary': 'Sheriff roster {file} (as of {version}): {added} new, {changed} changed, {contact} with new contact details, {unplaced} not placed',
  'roster.waiting': 'Waiting for review: change #{id}, a sheriff roster',
  'roster.waiting.editor': 'Another editor imports it with ',
  'roster.waiting.proposal': 'The editors were told; one of them imports it with ',
  'roster.approved': 'Approved #{id}: sheriff roster imported',
  'roster.conflict': 'Another roster of the same state was imported after #{id} was proposed — nothing was applied',
  'roster.conflict.help': 'Reject it, and upload the roster again if it is still newer.',
  'alert.topic.sheriff': "Sheriff",
  'alert.topic.sheriff-contact': "Sheriff's contact details",
} as const;

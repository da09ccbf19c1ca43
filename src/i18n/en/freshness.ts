/**
 * How old the facts are (the ICE list's date and age, the last check of ICE's page), the ICE
 * list watcher's outcomes and reasons, and the sheriff-name doubts that follow from terms.
 */
export const freshness = {
  'freshness.heading': "ICE's 287(g) list",
  'freshness.list': "ICE's list of {date}, {days} days old.",
  'freshness.list.one': "ICE's list of {date}, 1 day old.",
  'freshness.list.today': "ICE's list of {date}, published today.",
  'freshness.confirmed': "The bot last confirmed it is still ICE's newest list on {date}.",
  'freshness.not-confirmed': "The bot has not confirmed that it is still ICE's newest list.",
  'freshness.stale':
    "Warning: this list is {days} days old and no check in the last {recent} days confirmed it is still ICE's newest. " +
    'ICE publishes a new list most weeks, so an agency that signed since is missing here: check {link}.',
  'freshness.no-list': 'No ICE 287(g) list is loaded.',
  'freshness.check.last': "Last check of ICE's page: {date} — {outcome}",
  'freshness.check.never': "ICE's page has not been checked by this bot (the check is off, or has not run yet).",
  'freshness.outcome.imported': "loaded ICE's list of {version}.",
  'freshness.outcome.unchanged': "ICE's list is still the one of {version}.",
  'freshness.outcome.failed': 'failed: {reason}.',

  // Why a check of ICE's page found no new list ({url} is the address asked).
  'watch.fail.network': 'could not reach {url} ({error})',
  'watch.fail.timeout': '{url} did not answer within {seconds} seconds',
  'watch.fail.refused': "{url} refused the request (HTTP {status}); ICE's site sometimes blocks automated requests: try another ICE_287G_USER_AGENT, or import the file by hand",
  'watch.fail.status': '{url} answered HTTP {status}',
  'watch.fail.no-link': "no link to the participating-agencies .xlsx on {url}; ICE may have changed the page: set ICE_287G_URL, or import the file by hand",
  'watch.fail.too-large': 'the file at {url} is larger than {mb} MB',
  'watch.fail.not-list': "the file at {url} is not ICE's list: {error}",
  'watch.fail.not-xlsx': 'it is not an .xlsx spreadsheet',
  'watch.fail.import': 'the import refused the list: {error}',
  'watch.fail.older': "ICE's file at {url} is dated {version}, older than the loaded list of {loaded}",
  'watch.report.imported': "ICE's 287(g) list of {version}, fetched from ice.gov and loaded",
  'watch.report.unchanged': "ICE's 287(g) list is unchanged (still the list of {version}); nothing was downloaded or replaced.",
  'watch.report.failed': "Could not update ICE's 287(g) list",
  'watch.report.kept': 'Nothing was replaced: the list of {version} stays loaded.',
  'watch.report.retry': 'The next check retries in {hours} hours.',
  'watch.report.retry.manual': 'Try again later, or import the file by hand.',

  // A name whose source may predate a change of sheriff ({date} is an election's date, or its year).
  'doubt.after-election.year': 'This name predates the sheriff election of {year}; that result is not in our records yet, so the sheriff may have changed.',
  'doubt.before-term': 'This name is dated after the election of {date} but before the new term began on {start}: the winner may have taken office since.',
  'doubt.before-term.unknown': 'This name is dated in the year of the {year} sheriff election, and when the new term begins is not in our records: the winner may have taken office since.',
  'doubt.until-term': 'In office until {start}; the {date} winner takes office then (not yet in our records).',
  'doubt.term-rule': 'New terms begin on {rule} ({source}).',
  'phone.unchecked': ' (as printed; not a valid US number)',
  'term-start.day-1': '{month} 1 after the election',
  'term-start.first-monday': 'the first Monday in {month} after the election',
  'term-start.first-monday-after-second-tuesday': 'the first Monday after the second Tuesday in {month} after the election',
  'doubt.term-unknown': 'When the new term begins is not in our records.',
} as const;

/**
 * The ICE 287(g) list importer's own notes, reasons and file errors. The importer keeps each as
 * a key and its parameters; the report renders them in the reader's language.
 */
export const imports = {
  // Why a row was not placed.
  'import.reason.unknown-state': "unknown state '{state}'",
  'import.reason.unknown-support-type': "unknown support type '{type}'",
  'import.reason.sheriff-not-placed': "sheriff's office not placed: {reason}",

  // Which county a text names ({text} is ICE's own wording).
  'import.place.no-name': "no county name in '{text}'",
  'import.place.no-county': "no county '{text}' in {state}",
  'import.place.taken-as': "'{text}' taken as {name}",
  'import.place.ambiguous': "'{text}' is ambiguous in {state}: {names}",
  'import.place.conflict': "COUNTY '{county}' is {countyName} but the agency name says {agencyName}",
  'import.place.by-name': "COUNTY '{county}' names no one county; placed by the agency name as {name}",
  'import.place.by-name.no-county': 'no COUNTY; placed by the agency name as {name}',
  'import.place.none': 'no county in the row',
  'import.place.reasons': '{reasons}',
  'import.place.one-letter': "'{text}' names no county; taken as {name}, one letter away",

  // Notes on rows that were placed, and on the list as a whole.
  'import.note.against': 'Against the list of {version}: {counts}.',
  'import.note.against.empty': 'Against an empty record: {counts}.',
  'import.note.row': 'Row {row}: {note}',
  'import.note.agency': '{agency} ({state}): {note}.',
  'import.note.renamed': "listed as '{listed}', kept as the same agency",
  'import.note.no-county': '{reason}; kept without a county',
  'import.note.no-signed-date': "Row {row}: {agency} has no readable signing date ('{signed}').",
  'import.note.moa-repaired': "Row {row}: MOA link '{cell}' read as {url}.",
  'import.note.duplicate':
    'Rows {first} and {second} both list {office} ({state}) for {model}; kept row {kept} ({keptSigned}) over row {dropped} ({droppedSigned}).',
  'import.note.signed': 'signed {date}',
  'import.note.undated': 'signed undated',
  'import.note.retired': '{n} agreement(s) from an earlier list are no longer listed and were retired.',
  'import.note.none-superseded': "{office} ({state}) was recorded as having no agreement; ICE's list shows one, so that entry was retired.",
  'import.model.jail-enforcement': 'jail-enforcement',
  'import.model.task-force': 'task-force',
  'import.model.warrant-service-officer': 'warrant-service-officer',

  // A file that is not ICE's list (the detail under "Could not read …").
  'import.sheet.not-csv': 'This file is neither an XLSX workbook nor a readable CSV ({error}).',
  'import.sheet.csv-columns': "This CSV has columns {columns}; ICE's list needs state, agency, type, county, support_type, signed, moa_url.",
  'import.sheet.not-xlsx': 'This file is not a readable XLSX workbook ({error}).',
  'import.sheet.no-headings': "No sheet in this workbook has ICE's headings (STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, MOA).",
  'import.sheet.no-date': 'Which date is the list "{file}" from? Its name has no date (such as 2026-01-23); give the date ICE published it.',
} as const;

import type { imports as importsEn } from '../en/imports.ts';

/** Spanish: the ICE 287(g) list importer's notes, reasons and file errors. */
export const imports: Record<keyof typeof importsEn, string> = {
  'import.reason.unknown-state': "estado desconocido '{state}'",
  'import.reason.unknown-support-type': "tipo de apoyo desconocido '{type}'",
  'import.reason.sheriff-not-placed': 'no se pudo ubicar la oficina del sheriff: {reason}',

  'import.place.no-name': "no hay nombre de condado en '{text}'",
  'import.place.no-county': "no existe el condado '{text}' en {state}",
  'import.place.taken-as': "'{text}' se tomó como {name}",
  'import.place.ambiguous': "'{text}' es ambiguo en {state}: {names}",
  'import.place.conflict': "la columna COUNTY '{county}' es {countyName}, pero el nombre de la agencia indica {agencyName}",
  'import.place.by-name': "la columna COUNTY '{county}' no identifica un único condado; se ubicó por el nombre de la agencia como {name}",
  'import.place.by-name.no-county': 'sin columna COUNTY; se ubicó por el nombre de la agencia como {name}',
  'import.place.none': 'la fila no indica ningún condado',
  'import.place.reasons': '{reasons}',
  'import.place.one-letter': "'{text}' no corresponde a ningún condado; se tomó como {name}, que difiere en una letra",

  'import.note.against': 'Comparada con la lista del {version}: {counts}.',
  'import.note.against.empty': 'Comparada con un registro vacío: {counts}.',
  'import.note.row': 'Fila {row}: {note}',
  'import.note.agency': '{agency} ({state}): {note}.',
  'import.note.renamed': "figura como '{listed}'; se mantiene como la misma agencia",
  'import.note.no-county': '{reason}; se conserva sin condado',
  'import.note.no-signed-date': "Fila {row}: {agency} no tiene una fecha de firma legible ('{signed}').",
  'import.note.moa-repaired': "Fila {row}: el enlace al MOA '{cell}' se leyó como {url}.",
  'import.note.duplicate':
    'Las filas {first} y {second} incluyen ambas a {office} ({state}) con el {model}; se conservó la fila {kept} ({keptSigned}) en lugar de la fila {dropped} ({droppedSigned}).',
  'import.note.signed': 'firma del {date}',
  'import.note.undated': 'sin fecha de firma',
  'import.note.retired': '{n} acuerdo(s) de una lista anterior ya no aparecen en la lista y se dieron por terminados.',
  'import.note.none-superseded':
    '{office} ({state}) figuraba en el registro sin acuerdo; la lista de ICE muestra uno, así que esa entrada se dio por terminada.',
  'import.model.jail-enforcement': 'modelo de Control en la Cárcel (Jail Enforcement)',
  'import.model.task-force': 'modelo de Grupo de Trabajo (Task Force)',
  'import.model.warrant-service-officer': 'modelo de Oficial de Ejecución de Órdenes (Warrant Service Officer)',

  'import.sheet.not-csv': 'Este archivo no es un libro XLSX ni un CSV legible ({error}).',
  'import.sheet.csv-columns': 'Este CSV tiene las columnas {columns}; la lista de ICE necesita state, agency, type, county, support_type, signed, moa_url.',
  'import.sheet.not-xlsx': 'Este archivo no es un libro XLSX legible ({error}).',
  'import.sheet.no-headings':
    'Ninguna hoja de este libro tiene los encabezados de la lista de ICE (STATE, LAW ENFORCEMENT AGENCY, TYPE, COUNTY, SUPPORT TYPE, SIGNED, MOA).',
  'import.sheet.no-date': '¿De qué fecha es la lista "{file}"? Su nombre no incluye una fecha (como 2026-01-23); indique la fecha en que ICE la publicó.',
};

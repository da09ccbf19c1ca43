import type { importsMore as en } from '../en/imports-more.ts';

/** Spanish: las negativas y recuperaciones del vigilante de la lista de ICE, la fecha del servidor, las propuestas de listas de sheriffs. */
export const importsMore: Record<keyof typeof en, string> = {
  'import.date-from.server': 'de la fecha Last-Modified del servidor',
  'watch.fail.retires-most': 'la lista terminaría {ended} de los {current} acuerdos registrados y conservaría solo {kept} ({percent} %); si ICE de verdad los terminó, un editor puede cargar el archivo con force',
  'watch.fail.unplaced-most': '{unplaced} de sus {rows} filas no se pudieron ubicar en un condado o una agencia',
  'watch.report.recovered': 'Las comprobaciones de la página de ICE vuelven a funcionar (fallaban desde el {since}).',
  'watch.report.recovered.unchanged': 'Se puede volver a comprobar la lista 287(g) de ICE',
  'roster.summary': 'Lista de sheriffs {file} (al {version}): nuevos: {added}; cambiados: {changed}; con nuevos datos de contacto: {contact}; sin ubicar: {unplaced}',
  'roster.waiting': 'Esperando revisión: cambio n.º {id}, una lista de sheriffs',
  'roster.waiting.editor': 'Otro editor la importa con ',
  'roster.waiting.proposal': 'Se avisó a los editores; uno de ellos la importa con ',
  'roster.approved': 'Aprobado n.º {id}: lista de sheriffs importada',
  'roster.conflict': 'Se importó otra lista del mismo estado después de proponer el n.º {id}: no se aplicó nada',
  'roster.conflict.help': 'Recházela y vuelva a subir la lista si sigue siendo más reciente.',
  'alert.topic.sheriff': "Sheriff",
  'alert.topic.sheriff-contact': "Datos de contacto del sheriff",
};

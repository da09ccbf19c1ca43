import type { importsMore as en } from '../en/imports-more.ts';

/** Spanish: las negativas y recuperaciones del vigilante de la lista de ICE, la fecha del servidor, las propuestas de listas de sheriffs. */
export const importsMore: Record<keyof typeof en, string> = {
  'import.date-from.server': 'de la fecha Last-Modified del servidor',
  'watch.fail.retires-most': 'la lista terminaría {ended} de los {current} acuerdos registrados y conservaría solo {kept} ({percent} %); si ICE de verdad los terminó, un editor puede cargar el archivo con force',
  'watch.fail.unplaced-most': '{unplaced} de sus {rows} filas no se pudieron ubicar en un condado o una agencia',
  'watch.report.recovered': 'Las comprobaciones de la página de ICE vuelven a funcionar (fallaban desde el {since}).',
  'watch.report.recovered.unchanged': 'Se puede volver a comprobar la lista 287(g) de ICE',
};

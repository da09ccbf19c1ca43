import type { freshness as en } from '../en/freshness.ts';

export const freshness: Record<keyof typeof en, string> = {
  'freshness.heading': 'La lista 287(g) de ICE',
  'freshness.list': 'Lista de ICE del {date}, con {days} días de antigüedad.',
  'freshness.list.one': 'Lista de ICE del {date}, con 1 día de antigüedad.',
  'freshness.list.today': 'Lista de ICE del {date}, publicada hoy.',
  'freshness.confirmed': 'El bot confirmó por última vez el {date} que sigue siendo la lista más reciente de ICE.',
  'freshness.not-confirmed': 'El bot no ha confirmado que siga siendo la lista más reciente de ICE.',
  'freshness.stale':
    'Atención: esta lista tiene {days} días y ninguna comprobación de los últimos {recent} días confirmó que siga siendo la más reciente de ICE. ' +
    'ICE publica una lista nueva casi cada semana, así que aquí falta cualquier agencia que haya firmado después: consulte {link}.',
  'freshness.no-list': 'No hay ninguna lista 287(g) de ICE cargada.',
  'freshness.check.last': 'Última comprobación de la página de ICE: {date} — {outcome}',
  'freshness.check.never': 'Este bot no ha comprobado la página de ICE (la comprobación está desactivada o aún no se ha hecho).',
  'freshness.outcome.imported': 'se cargó la lista de ICE del {version}.',
  'freshness.outcome.unchanged': 'la lista de ICE sigue siendo la del {version}.',
  'freshness.outcome.failed': 'falló: {reason}.',

  'watch.fail.network': 'no se pudo conectar con {url} ({error})',
  'watch.fail.timeout': '{url} no respondió en {seconds} segundos',
  'watch.fail.refused': '{url} rechazó la solicitud (HTTP {status}); el sitio de ICE a veces bloquea las solicitudes automáticas: pruebe otro ICE_287G_USER_AGENT o importe el archivo a mano',
  'watch.fail.status': '{url} respondió HTTP {status}',
  'watch.fail.no-link': 'no hay ningún enlace al .xlsx de agencias participantes en {url}; puede que ICE haya cambiado la página: configure ICE_287G_URL o importe el archivo a mano',
  'watch.fail.too-large': 'el archivo de {url} pesa más de {mb} MB',
  'watch.fail.not-list': 'el archivo de {url} no es la lista de ICE: {error}',
  'watch.fail.not-xlsx': 'no es una hoja de cálculo .xlsx',
  'watch.fail.import': 'la importación rechazó la lista: {error}',
  'watch.fail.older': 'el archivo de ICE en {url} tiene fecha {version}, anterior a la lista cargada del {loaded}',
  'watch.report.imported': 'Lista 287(g) de ICE del {version}, descargada de ice.gov y cargada',
  'watch.report.unchanged': 'La lista 287(g) de ICE no ha cambiado (sigue siendo la del {version}); no se descargó ni se reemplazó nada.',
  'watch.report.failed': 'No se pudo actualizar la lista 287(g) de ICE',
  'watch.report.kept': 'No se reemplazó nada: sigue cargada la lista del {version}.',
  'watch.report.retry': 'La próxima comprobación lo volverá a intentar dentro de {hours} horas.',
  'watch.report.retry.manual': 'Inténtelo más tarde o importe el archivo a mano.',

  'doubt.after-election': 'Este nombre es anterior a la elección de sheriff del {date}; quien ganó puede ser otra persona.',
  'doubt.after-election.year': 'Este nombre es anterior a la elección de sheriff de {year}; quien ganó puede ser otra persona.',
  'doubt.before-term':
    'Este nombre tiene fecha posterior a la elección del {date} pero anterior al comienzo del nuevo mandato ({start}): puede que quien ganó ya haya asumido el cargo.',
  'doubt.before-term.unknown': 'Este nombre tiene fecha del año de la elección de sheriff de {year}; no sabemos cuándo empieza el nuevo mandato, así que puede que quien ganó ya haya asumido el cargo.',
  'doubt.until-term': 'En el cargo hasta {start}; quien ganó la elección del {date} asume entonces (aún no figura en nuestros registros).',
  'doubt.until-term.unknown': 'Quien ganó la elección del {date} asume cuando empiece el nuevo mandato (no sabemos cuándo; tampoco figura aún en nuestros registros).',
  'doubt.term-rule': 'Los nuevos mandatos empiezan {rule} (fuente: {source}).',
};

import type { agendaKind as en } from '../en/agenda-kind.ts';

/** Mensajes del tipo de suscripción `agenda` (alertas de agenda) y de los enlaces a actas y videos de las reuniones. */
export const agendaKind: Record<keyof typeof en, string> = {
  'option.agenda': 'Alertas de agenda: 287(g), ICE, detenciones, contratos de cárcel o presupuesto del sheriff',
  'option.agenda.choice.agenda': 'agenda',
  'subs.agenda': 'alertas de agenda',
  'subs.agenda.off': 'sin alertas de agenda',
  'subs.agenda.stop': 'Sin alertas de agenda: ',
  'subs.agenda.start': 'Para volver a recibir alertas de agenda: ',
  'source.list.default': ' · vinculado de forma predeterminada con los datos del bot (su fuente pública: data/SOURCES.md)',
  'source.error.no-body': 'Ese calendario no tiene ningún órgano llamado "{body}" (el nombre debe escribirse como allí aparece). Tiene: {bodies}.',
  'meeting.minutes': 'Acta',
  'meeting.minutes.link': 'acta',
  'ics.minutes': 'Acta: {url}',
};

import type { trustMore as en } from '../en/trust-more.ts';

/** Mensajes del modelo de confianza para elecciones y reuniones propuestas por cualquiera, y su aprobación. */
export const trustMore: Record<keyof typeof en, string> = {
  'event-proposal.election-add': '{place} · nueva elección ({kind}) el {date}{registration} (según {source})',
  'event-proposal.registration': ', fecha límite de inscripción {date}',
  'event-proposal.election-change': '{place} · elección n.º {id}: {changes} (según {source})',
  'event-proposal.election-of': ' (elección {kind} del {date})',
  'event-proposal.election-cancel': '{place} · cancelar la elección n.º {id}{what}{reason} (según {source})',
  'event-proposal.reason': ': {reason}',
  'event-proposal.meeting-add': '{place} · nueva reunión de {body}, la primera el {start}{repeat} (según {source})',
  'event-proposal.repeat': ', que se repite {rule}',
  'event-proposal.meeting-change': '{place} · reunión n.º {id} ({body}): {changes} (según {source})',
  'event-proposal.occurrence.cancelled': 'la sesión del {on} cancelada',
  'event-proposal.occurrence.moved': 'la sesión del {on} trasladada al {to}',
  'event-proposal.meeting-occurrence': '{place} · reunión n.º {id} ({body}): {what} (según {source})',
  'event-proposal.meeting-cancel': '{place} · cancelar la reunión n.º {id} ({body}){reason} (según {source})',
  'event-proposal.approved': 'Aprobado n.º {id}: {place}',
  'event-proposal.approved.see': 'Aplicado tal como lo escribió quien lo propuso, con su propia fila en el historial; consulta ',
  'event-proposal.conflict': 'El cambio n.º {id} ya no encaja con el registro',
  'event-proposal.conflict.help': 'Se cambió o se canceló {entity} después de la propuesta (su revisión es ahora {actual}; quien propuso vio {expected}). No se aplicó nada; recházala y pide una propuesta nueva si todavía hace falta.',
  'event-proposal.gone': 'El cambio n.º {id} trata de {entity}, que ya no está vigente',
  'event-proposal.gone.help': 'Se canceló después de la propuesta. No se aplicó nada; rechaza la propuesta.',
};

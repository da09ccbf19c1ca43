import type { limits as en } from '../en/limits.ts';

/** Mensajes de los límites que impiden que una entrada hostil bloquee el bot o dañe el registro. */
export const limits: Record<keyof typeof en, string> = {
  'limits.rule.setpos': 'BYSETPOS={value} nunca coincide con FREQ={freq}: cada periodo tiene como mucho {max} días que coinciden. Use una posición del 1 al {max} (o -1 para el último), por ejemplo FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (último día laborable).',
  'limits.rule.until-before': 'UNTIL ({until}) es anterior a la primera reunión ({start}); indique una última fecha posterior a la primera, por ejemplo FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231.',
  'limits.rule.never': 'Esa regla no da ninguna reunión en los {years} años desde el {from} (por ejemplo, un día que no existe, como el 30 de febrero, o una última fecha ya pasada); revise la regla, por ejemplo FREQ=MONTHLY;BYDAY=1TU,3TU.',
  'limits.rule.count-old': 'Una regla con COUNT se cuenta desde su primera reunión, que puede ser como mucho de hace {days} días; indique la fecha de una reunión reciente, o UNTIL (la última fecha) en lugar de COUNT.',
  'limits.rule.sparse': '{part} no se puede usar con FREQ={freq}: indique días del mes o meses con FREQ=MONTHLY o FREQ=YEARLY, por ejemplo FREQ=MONTHLY;BYMONTHDAY=15 o FREQ=YEARLY;BYMONTH=1,7.',

  'limits.meeting.too-many': '{place} ya tiene {max} series de reuniones registradas, el máximo para un condado',
  'limits.meeting.too-many.help': 'Cancele las series que ya no se reúnen (meeting-cancel <#> source:<enlace>), o cambie una con meeting-change.',

  'limits.date.window': 'La {what} está fuera de las fechas que guarda el bot',
  'limits.date.window.help': '{date} no está entre el {earliest} y el {latest}: las fechas de elecciones y reuniones pueden estar como mucho {years} años atrás o adelante.',

  'limits.text.control': 'El campo {label} contiene caracteres de control invisibles ({which}); escriba texto simple.',
  'limits.text.newline': 'El campo {label} debe ir en una sola línea; los saltos de línea solo se guardan en notas, motivos e instrucciones.',

  'limits.sheet.too-big': 'Este libro se descomprime a {size} MB ({part}), mucho más que cualquier lista de ICE (unos 1,2 MB descomprimida); no se leyó. Envíe la hoja de ICE tal como se publica, o su forma CSV.',
  'limits.sheet.too-many-rows': 'Esta hoja tiene {rows} filas o más; la lista de ICE tiene unas 2.600 y se leen como mucho {max}. Envíe la hoja de ICE tal como se publica.',

  'command.import-287g.option.force': 'Aplicarla aunque termine la mayoría de los acuerdos registrados (tras comprobar que es correcta)',
  'command.import-287g.option.force.choice.yes': 'sí',
  'limits.import.retires-most': 'No se aplicó: esta lista terminaría {ended} de los {current} acuerdos registrados y conservaría solo {kept} ({percent} %).',
  'limits.import.unplaced-most': 'No se aplicó: {unplaced} de sus {rows} filas no se pudieron ubicar en un condado o una agencia.',
  'limits.import.retires-most.how': 'Si ICE de verdad terminó tantos, cárguela de nuevo con force: la confirmación de un moderador de que la lista es correcta.',
  'limits.import.would-end': 'Terminaría: {agreement}',
  'limits.import.future-date': 'La fecha de la lista, {version}, es posterior a hoy ({today}); indique la fecha en que ICE la publicó.',

  'limits.note.link-dropped': "Fila {row}: el enlace {what} '{url}' no es una dirección http(s) y no se registró.",
  'limits.note.signed-future': 'Fila {row}: la fecha de firma de {agency}, {signed}, es posterior a la fecha de la propia lista ({version}); se registró sin fecha de firma.',
};

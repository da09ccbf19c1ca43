import type { changeLog as en } from '../en/change-log.ts';

/** Spanish: las líneas propias del registro de cambios. */
export const changeLog: Record<keyof typeof en, string> = {
  'change-log.of-body': '{body}: {what}',
  'change-log.with-reason': '{what}: {reason}',
  'change-log.changes': '{changes}',
  'change-log.election.created.registration': 'elección {kind} del {date}, fecha límite de inscripción {deadline}',
  'change-log.roster.contact': 'datos de contacto según la lista de sheriffs (al {date})',
  'change-log.reverted': 'se revirtió #{ref}: {what}',
  'change-log.revert.restored': 'el registro #{id} ({name}) se restauró como #{copy}',
  'change-log.revert.removed': 'se quitó el registro #{id} ({name})',
  'change-log.revert.replaced': 'el registro #{id} se reemplazó otra vez por #{by} ({name}), como #{copy}',
  'change-log.election.restored': 'se restableció la elección {kind} del {date}',
  'change-log.meeting.restored.series': '{body}: se restableció la serie',
  'change-log.meeting.restored.one': '{body}: se restableció la reunión',
  'change-log.occurrence.restored': '{body}: la sesión del {start} vuelve a su horario',
};

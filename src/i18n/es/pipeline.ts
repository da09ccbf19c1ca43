import type { pipeline as en } from '../en/pipeline.ts';

/** Mensajes del recorrido de un comando: roles en la ayuda y en la App Home, avisos a los editores. */
export const pipeline: Record<keyof typeof en, string> = {
  'help.community-managers': '(moderadores o quien administra el canal)',
};

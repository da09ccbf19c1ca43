/**
 * What people type for a command besides its name: Spanish words (`ayuda`, `alguacil`,
 * `llamar`) and greetings. Input vocabulary, not reply text, so it lives here, not in i18n.
 */
import { normalizeName } from '../domain/names.ts';

/** Spanish (accents optional) → command name. */
const SPANISH: Record<string, string> = {
  ayuda: 'help',
  alguacil: 'sheriff',
  sheriff: 'sheriff',
  estado: 'status',
  situacion: 'status',
  llamar: 'call',
  llamada: 'call',
  carta: 'letter',
  posiciones: 'positions',
  posturas: 'positions',
  eleccion: 'election',
  elecciones: 'elections',
  reuniones: 'meetings',
  juntas: 'meetings',
  calendario: 'calendar',
  suscribir: 'subscribe',
  suscribirse: 'subscribe',
  desuscribir: 'unsubscribe',
  suscripciones: 'subscriptions',
  idioma: 'language',
  acerca: 'about',
  historial: 'history',
};

const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'yo', 'howdy', 'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there']);
const SPANISH_GREETINGS = new Set(['hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'que tal', 'saludos']);

const plain = (text: string): string => normalizeName(text).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The command a non-English word names, or undefined. */
export function commandForWord(word: string): string | undefined {
  const key = plain(word);
  return Object.hasOwn(SPANISH, key) ? SPANISH[key] : undefined;
}

/** The language of a line that is only a greeting ("hi", "¡Hola!", "good morning"), else undefined. */
export function greetingLanguage(line: string): 'en' | 'es' | undefined {
  const words = plain(line).replace(/\b(?:sheriff watch|bot)\b/g, '').trim();
  return GREETINGS.has(words) ? 'en' : SPANISH_GREETINGS.has(words) ? 'es' : undefined;
}

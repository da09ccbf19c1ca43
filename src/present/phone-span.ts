/** A phone number in a reply: one format, a 'tel:' link where the platform makes it clickable. */
import { normalizePhone } from '../domain/phones.ts';
import { t, type Language } from '../i18n/index.ts';
import { link, text, type Span } from '../reply.ts';

export function phoneSpans(printed: string, language: Language, style?: 'bold'): Span[] {
  const phone = normalizePhone(printed);
  if (!phone.tel) return [text(phone.display, style), text(t(language, 'phone.unchecked'))];
  return [link(phone.display, phone.tel)];
}

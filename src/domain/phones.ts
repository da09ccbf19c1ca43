/**
 * Phone numbers as sources print them ('229-482-3545', '504.493.2896', '(850) 410-7000 ext. 12'),
 * validated and written one way with libphonenumber-js (Google's numbering-plan metadata): a
 * valid number shows as '(229) 482-3545' with a 'tel:' address; anything else is shown as
 * printed and said to be unchecked, never "fixed".
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface Phone {
  /** '(229) 482-3545', or the printed text when it is not a valid number. */
  display: string;
  /** 'tel:+12294823545', or null when the number is not valid. */
  tel: string | null;
}

export function normalizePhone(printed: string): Phone {
  const number = parsePhoneNumberFromString(printed.trim(), 'US');
  if (!number?.isValid()) return { display: printed.trim(), tel: null };
  // A foreign number (none in the shipped files) keeps its country code.
  const display = number.country === 'US' ? number.formatNational() : number.formatInternational();
  return { display, tel: number.getURI() };
}

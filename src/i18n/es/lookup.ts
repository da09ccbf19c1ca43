import type { lookup as lookupEn } from '../en/lookup.ts';

/** Spanish: lookup commands and shared errors. */
export const lookup: Record<keyof typeof lookupEn, string> = {};

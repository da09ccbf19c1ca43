import type { records as recordsEn } from '../en/records.ts';

/** Spanish: moderator, event and subscription commands, reminders and alerts. */
export const records: Record<keyof typeof recordsEn, string> = {};

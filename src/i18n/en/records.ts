/** Messages of the moderator, event, subscription commands and of reminders and alerts. */
export const records = {} as const;

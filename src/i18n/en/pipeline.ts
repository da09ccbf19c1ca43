/** Messages of the command pipeline: roles in help and the App Home, notices to the editors. */
export const pipeline = {
  'help.community-managers': '(moderators or channel managers)',
} as const;

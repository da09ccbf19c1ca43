/** Refusals that had no catalog entry before user errors were translated where they are shown. */
export const errors = {
  'moderation.no-fips': 'No county with FIPS {fips}',
  'moderation.no-fips.help': 'The county list may have changed since this was proposed.',
} as const;

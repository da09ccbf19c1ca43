/** Messages of the lookup commands (sheriff, positions, election(s), help, about) and shared errors. */
export const lookup = {} as const;

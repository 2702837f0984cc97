/** The experience room: rounds, the voters' list, ballot issue, booths and the secret cast. */
export const VOTING_METHODS = {} as const;

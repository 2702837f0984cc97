/** The experience room: rounds, issuance and cast ballots (filled in by the voting work). */
export const MIGRATION_0007_VOTING = `
SELECT 1;
`;

/** Check-in: the scan log and attendance (filled in by the check-in work). */
export const MIGRATION_0006_CHECKIN = `
SELECT 1;
`;

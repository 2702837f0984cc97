/** Check-in at desks and session doors: scans, undo, roll calls, the live dashboard. */
export const CHECKIN_METHODS = {} as const;

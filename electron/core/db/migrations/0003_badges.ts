/**
 * Badges: every print of a badge, and the event's badge design.
 *
 * `badge_issue` keeps one row per badge ever printed (participant, serial). The newest serial
 * is the participant's current badge; every older one is refused as "replaced". Rows are
 * kept on purpose when a participant is removed (no foreign key, no cascade): participant ids
 * are SQLite rowids, which can be reused, and a reused id must continue the old serials so a
 * removed person's badge can never become someone else's.
 */
export const MIGRATION_0003_BADGES = `
CREATE TABLE badge_issue (
  participant_id INTEGER NOT NULL CHECK (participant_id BETWEEN 1 AND 16777215),
  serial INTEGER NOT NULL CHECK (serial BETWEEN 1 AND 65535),
  printed_at TEXT NOT NULL,
  template TEXT NOT NULL,
  PRIMARY KEY (participant_id, serial)
) STRICT;

CREATE TABLE badge_design (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  design_json TEXT NOT NULL, -- BadgeDesignSchema
  updated_at TEXT NOT NULL
) STRICT;
`;

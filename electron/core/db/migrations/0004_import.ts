/**
 * Registration import: saved column mappings, and where each participant came from. A
 * participant last imported from a source ("secretariat list") and missing from that
 * source's next export is offered for cancellation; people added by hand, or last seen in
 * another source's file, are not.
 */
export const MIGRATION_0004_IMPORT = `
CREATE TABLE import_preset (
  name TEXT PRIMARY KEY,
  preset_json TEXT NOT NULL, -- ImportPresetSchema without name and updatedAt
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  added INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  skipped INTEGER NOT NULL
) STRICT;

-- The source each person was last imported from. Keyed by the participant's id (a rowid
-- table, one B-tree): a 100,000-row import writes one entry per person, and finding a
-- source's people is a scan of this table.
CREATE TABLE import_link (
  participant_id INTEGER PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  batch_id INTEGER NOT NULL -- import_batch(id); no foreign key: it is only a note, checked per row
) STRICT;
`;

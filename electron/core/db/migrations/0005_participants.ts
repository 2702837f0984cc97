/**
 * Participants, completed: a photo reference, where a person came from (the registration list
 * or a walk-in added at the desk), and the change journal behind "undo".
 *
 * `participant_change` keeps the full row image before and after each change made on the
 * participants screen, so an undo puts back exactly what was there. It has no foreign key on
 * purpose: undoing a walk-in deletes the person, and the journal row must outlive that. It also
 * records a head of delegation that the change had to clear (a head who left the delegation),
 * so undo restores that too. A merge of two records of one person keeps the removed duplicate's
 * whole row (and its import links), so that undo brings it back as it was.
 */
export const MIGRATION_0005_PARTICIPANTS = `
ALTER TABLE participant ADD COLUMN photo_file TEXT; -- a file name inside the event's photos/ folder
ALTER TABLE participant ADD COLUMN registration_source TEXT NOT NULL DEFAULT 'list'
  CHECK (registration_source IN ('list', 'walk_in'));

CREATE TABLE participant_change (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'cancel', 'restore', 'merge')),
  actor TEXT NOT NULL,
  before_json TEXT, -- ParticipantRowImageSchema; NULL when the change created the person
  after_json TEXT NOT NULL, -- ParticipantRowImageSchema
  cleared_head_of INTEGER, -- delegation whose head this change cleared (or, for a merge, moved)
  merged_json TEXT, -- MergedRecordSchema: for a merge, the removed duplicate's row and import links
  changed_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX participant_change_actor ON participant_change(actor, id);
`;

/**
 * The count of a closed round, as the Korean counting floor runs it.
 *
 * - `count_session`: one per counted round: the show state the projector follows, the sign-off,
 *   and, once announced, the archived result (count sheet, per-contest results, fingerprint).
 * - `count_paper`: the round's papers as the sorting machine took them from the box, with the
 *   tray each went to and, for the re-check tray, the presenter's judgment. A paper is copied
 *   from `ballot_paper` in its (random) storage order and carries nothing but one contest's
 *   marks: no voter, booth, issue row or time, so a judgment never links to a person.
 */
export const MIGRATION_0008_COUNT = `
CREATE TABLE count_session (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL UNIQUE REFERENCES voting_round(id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  show_json TEXT NOT NULL, -- CountShowStateSchema
  signed_by TEXT,
  signed_at TEXT,
  announced_at TEXT,
  archive_json TEXT, -- CountArchiveSchema, written once at the announcement
  alternative_json TEXT, -- AlternativeSchema: the "what if" count on show, if any
  CHECK ((signed_at IS NULL) = (signed_by IS NULL)),
  CHECK (announced_at IS NULL OR signed_at IS NOT NULL),
  CHECK ((archive_json IS NULL) = (announced_at IS NULL))
) STRICT;

CREATE TABLE count_paper (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES count_session(id) ON DELETE CASCADE,
  contest_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  selections_json TEXT NOT NULL, -- z.array(z.string()): the marks, ranked in order
  tray TEXT NOT NULL, -- an option id, 'multi' (valid, several marks) or 'recheck'
  unclear TEXT CHECK (unclear IS NULL OR unclear IN ('blank', 'overvote', 'unknown')),
  judged TEXT, -- re-check tray only: 'invalid' or the option id it is valid for
  CHECK ((tray = 'recheck') = (unclear IS NOT NULL)),
  CHECK (judged IS NULL OR tray = 'recheck'),
  UNIQUE (session_id, contest_id, seq)
) STRICT;
`;

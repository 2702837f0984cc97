/**
 * The experience room: rounds, ballot issue, booths and the ballot box.
 *
 * Secrecy is a property of this schema, not only of the code:
 * - `ballot_issue` says who received a ballot, when and where; it has no column that points
 *   at a paper in the box, and no cast time (status 'cast' carries no timestamp).
 * - `booth_assignment` binds a waiting ballot to a booth tablet and is deleted in the cast's
 *   own transaction; with secure_delete on, its bytes are zeroed, not left in a free page.
 * - `ballot_paper` holds one contest's selections per row and nothing else: no voter, booth,
 *   time or sequence number. Its rowid is a random 62-bit number, so B-tree order is random;
 *   and every cast re-deals the round's papers (deleted and re-inserted under new
 *   random keys in a random order), so even the byte position of a cell inside its page
 *   (SQLite fills pages from the end in insertion order) reveals nothing about casting order.
 *   The cast then truncates the WAL, so no earlier state of the box survives in the -wal file.
 * - One live ballot per voter per round is the partial UNIQUE index, so two stations issuing
 *   at the same moment cannot both succeed, whatever the code above does.
 * - The round's counters (issued, cast, cancelled) are kept apart from the rows they count,
 *   so "issued = cast + outstanding + cancelled" and "papers in the box = cast" are checks
 *   between independent records, not a count compared with itself.
 */
export const MIGRATION_0007_VOTING = `
CREATE TABLE voting_round (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES election(id),
  label TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
  eligibility TEXT NOT NULL CHECK (eligibility IN ('registered', 'checked_in')),
  delegation_ids_json TEXT NOT NULL DEFAULT '[]', -- z.array(RowIdSchema)
  definition_json TEXT, -- ElectionDefinitionSchema, frozen when polls open
  fingerprint TEXT CHECK (fingerprint IS NULL OR length(fingerprint) = 64),
  created_at TEXT NOT NULL,
  opened_at TEXT,
  closed_at TEXT,
  archived_at TEXT,
  zero_report_json TEXT, -- RoundReportSchema
  closing_report_json TEXT, -- RoundReportSchema
  issued_total INTEGER NOT NULL DEFAULT 0 CHECK (issued_total >= 0),
  cast_total INTEGER NOT NULL DEFAULT 0 CHECK (cast_total >= 0),
  cancelled_total INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_total >= 0),
  CHECK ((status = 'draft') = (opened_at IS NULL)),
  CHECK ((status IN ('closed', 'archived')) = (closed_at IS NOT NULL)),
  CHECK ((status = 'archived') = (archived_at IS NOT NULL)),
  CHECK ((definition_json IS NULL) = (status = 'draft'))
) STRICT;
CREATE UNIQUE INDEX voting_round_one_open ON voting_round(status) WHERE status = 'open';

-- No foreign key to participant: the record of who received a ballot must outlive a merge
-- or removal of the person, or the round's figures would stop adding up.
CREATE TABLE ballot_issue (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES voting_round(id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL,
  station TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'cast', 'cancelled')),
  token_sha256 TEXT UNIQUE CHECK (token_sha256 IS NULL OR length(token_sha256) = 64),
  cancel_reason TEXT CHECK (cancel_reason IS NULL OR cancel_reason IN ('spoiled', 'unused', 'wrong_voter', 'other')),
  cancel_note TEXT,
  cancelled_at TEXT,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX ballot_issue_once ON ballot_issue(round_id, participant_id) WHERE status <> 'cancelled';

CREATE TABLE booth_assignment (
  device_id TEXT PRIMARY KEY REFERENCES device(id) ON DELETE CASCADE,
  issue_id INTEGER NOT NULL UNIQUE REFERENCES ballot_issue(id) ON DELETE CASCADE,
  token TEXT NOT NULL,
  assigned_at TEXT NOT NULL
) STRICT;

CREATE TABLE ballot_paper (
  id INTEGER PRIMARY KEY, -- random 62-bit, never a sequence: the table is stored in this order
  round_id INTEGER NOT NULL REFERENCES voting_round(id) ON DELETE CASCADE,
  contest_id TEXT NOT NULL,
  selections_json TEXT NOT NULL -- z.array(z.string()): option ids (ranked: in preference order)
) STRICT;
CREATE INDEX ballot_paper_round ON ballot_paper(round_id, contest_id);
`;

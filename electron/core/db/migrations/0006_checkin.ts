/**
 * Check-in: the scan log, attendance, and which sessions check people out of others.
 *
 * `checkin_scan` keeps every scan, accepted or refused, append-only. `client_scan_id` is the
 * desk's idempotency key (UNIQUE: a retried or re-synced scan is never recorded twice).
 * `scanned_at` is when the scan happened (the desk's clock for offline scans), `received_at`
 * when it reached the host (pretix's `datetime` vs `created`). The full code is never stored:
 * a hash of it (to spot the same code scanned again) and, for genuine badges, the serial.
 * It has no foreign keys on purpose: the log outlives people and sessions removed later.
 *
 * `attendance` is one visit: a person checked in at the event desk (session_id NULL) or a
 * session's door, possibly checked out later, possibly undone (with a reason) — rows are
 * never deleted by check-in. The partial UNIQUE index on (participant, scope) over open
 * visits is what makes "the same badge at two desks at once gives exactly one check-in" hold
 * in the database: a second open visit cannot exist, whatever the code above it does.
 * `scope` folds NULL (the event desk) to 0 because NULLs are distinct in UNIQUE indexes.
 * Participants removed from the list take their visits with them (a walk-in undone).
 */
export const MIGRATION_0006_CHECKIN = `
ALTER TABLE programme_session ADD COLUMN checks_out_json TEXT NOT NULL DEFAULT '[]'; -- z.array(RowIdSchema)

CREATE TABLE checkin_scan (
  id INTEGER PRIMARY KEY,
  client_scan_id TEXT NOT NULL UNIQUE CHECK (length(client_scan_id) BETWEEN 8 AND 64),
  scanned_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  desk_name TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('scanner', 'camera', 'search', 'manual')),
  action TEXT NOT NULL DEFAULT 'checkin' CHECK (action IN ('checkin', 'checkout')),
  session_id INTEGER,
  code_sha256 TEXT CHECK (code_sha256 IS NULL OR length(code_sha256) = 64),
  badge_serial INTEGER,
  badge_refusal TEXT,
  participant_id INTEGER,
  result TEXT NOT NULL CHECK (result IN ('welcome', 'already', 'replaced', 'cancelled', 'unknown', 'forged',
    'wrong_event', 'not_issued', 'not_checked_in', 'checked_out')),
  attendance_id INTEGER,
  offline INTEGER NOT NULL DEFAULT 0 CHECK (offline IN (0, 1)),
  outcome_json TEXT NOT NULL -- ScanOutcomeSchema as answered (a replay answers it again)
) STRICT;
CREATE INDEX checkin_scan_scope ON checkin_scan(session_id, result, scanned_at);
CREATE INDEX checkin_scan_desk ON checkin_scan(desk_id, id);
CREATE INDEX checkin_scan_participant ON checkin_scan(participant_id, session_id);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES programme_session(id),
  scope INTEGER NOT NULL GENERATED ALWAYS AS (coalesce(session_id, 0)) VIRTUAL,
  checked_in_at TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  desk_name TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  scan_id INTEGER,
  auto INTEGER NOT NULL DEFAULT 0 CHECK (auto IN (0, 1)),
  checked_out_at TEXT,
  checkout_desk_name TEXT,
  checkout_reason TEXT,
  undone_at TEXT,
  undo_reason TEXT,
  undone_by TEXT,
  CHECK ((undone_at IS NULL) = (undo_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX attendance_one_open_visit ON attendance(participant_id, scope)
  WHERE undone_at IS NULL AND checked_out_at IS NULL;
CREATE INDEX attendance_scope ON attendance(scope, participant_id);
`;

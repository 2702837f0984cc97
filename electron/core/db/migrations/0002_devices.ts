/**
 * Devices paired to this event over the LAN. A device's token is never stored: only its
 * SHA-256 (hex), cleared when the device is revoked. Revoked rows stay, so staff can see who
 * had access and when it ended.
 */
export const MIGRATION_0002_DEVICES = `
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('desk', 'booth', 'projector', 'presenter')),
  token_sha256 TEXT UNIQUE CHECK (token_sha256 IS NULL OR length(token_sha256) = 64),
  paired_at TEXT NOT NULL,
  paired_from TEXT NOT NULL DEFAULT '',
  last_seen_at TEXT,
  last_address TEXT,
  revoked_at TEXT,
  CHECK ((revoked_at IS NULL) = (token_sha256 IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX device_active_name ON device(name COLLATE NOCASE) WHERE revoked_at IS NULL;
`;

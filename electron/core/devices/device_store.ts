import { PairedRoleSchema, type PairedRole } from '../../contract';
import type { Db } from '../db/connection';

/** A device row as stored (without its token hash, which never leaves this module). */
export interface StoredDevice {
  id: string;
  name: string;
  role: PairedRole;
  pairedAt: string;
  pairedFrom: string;
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
}

const COLUMNS = `id, name, role, paired_at AS pairedAt, paired_from AS pairedFrom,
  last_seen_at AS lastSeenAt, last_address AS lastAddress, revoked_at AS revokedAt`;

/** Re-validates the role read back: a row edited by hand must not grant an unknown role. */
function toDevice(row: StoredDevice | undefined): StoredDevice | null {
  if (!row) return null;
  return { ...row, role: PairedRoleSchema.parse(row.role) };
}

/** Stores a newly paired device with the hash of its token. */
export function insertDevice(
  db: Db,
  device: { id: string; name: string; role: PairedRole; tokenSha256: string; pairedAt: string; pairedFrom: string },
): void {
  db.prepare(
    `INSERT INTO device (id, name, role, token_sha256, paired_at, paired_from, last_seen_at, last_address)
     VALUES (@id, @name, @role, @tokenSha256, @pairedAt, @pairedFrom, @pairedAt, @pairedFrom)`,
  ).run(device);
}

/** The active (not revoked) device whose token hashes to this value. */
export function findDeviceByTokenHash(db: Db, tokenSha256: string): StoredDevice | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM device WHERE token_sha256 = ? AND revoked_at IS NULL`).get(tokenSha256);
  return toDevice(row as StoredDevice | undefined);
}

/** One device by id, revoked or not. */
export function getDevice(db: Db, id: string): StoredDevice | null {
  return toDevice(db.prepare(`SELECT ${COLUMNS} FROM device WHERE id = ?`).get(id) as StoredDevice | undefined);
}

/** Every device, active ones by name first, then revoked ones, most recently revoked first. */
export function listDevices(db: Db): StoredDevice[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM device ORDER BY revoked_at IS NOT NULL, revoked_at DESC, name COLLATE NOCASE, paired_at`)
    .all() as StoredDevice[];
  return rows.map((r) => toDevice(r) as StoredDevice);
}

/** Whether an active device other than `exceptId` already has this name (names tell devices apart). */
export function isNameTaken(db: Db, name: string, exceptId: string | null = null): boolean {
  const row = db
    .prepare(`SELECT 1 FROM device WHERE name = ? COLLATE NOCASE AND revoked_at IS NULL AND id IS NOT ?`)
    .get(name, exceptId);
  return row !== undefined;
}

/** Renames a device or changes its role. */
export function updateDevice(db: Db, id: string, changes: { name?: string; role?: PairedRole }): void {
  db.prepare(`UPDATE device SET name = coalesce(@name, name), role = coalesce(@role, role) WHERE id = @id`).run({
    id,
    name: changes.name ?? null,
    role: changes.role ?? null,
  });
}

/** Revokes a device: its token hash is erased, so the token can never match again. */
export function revokeDevice(db: Db, id: string, at: string): void {
  db.prepare(`UPDATE device SET token_sha256 = NULL, revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(at, id);
}

/** Records when and from where a device was last heard from. */
export function touchDevice(db: Db, id: string, at: string, address: string): void {
  db.prepare(`UPDATE device SET last_seen_at = ?, last_address = ? WHERE id = ?`).run(at, address, id);
}

/** The stored token hash of a device (for tests that prove the token itself is never stored). */
export function tokenHashOf(db: Db, id: string): string | null {
  const row = db.prepare(`SELECT token_sha256 AS h FROM device WHERE id = ?`).get(id) as { h: string | null } | undefined;
  return row?.h ?? null;
}

import crypto from 'node:crypto';
import { ElectionDefinitionSchema, type Election, type ElectionDefinition, type ElectionDefinitionInput } from '../../contract';
import type { Db } from '../db/connection';

/** JSON with object keys sorted, so the same definition always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The definition's fingerprint, printed on opening and closing reports. It hashes the parsed
 * definition (defaults filled in), so a definition stored before a field existed keeps the
 * fingerprint it reads back with, and two spellings of one definition hash the same.
 */
export function electionFingerprint(definition: ElectionDefinition): string {
  return crypto.createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** Stores a validated election definition and returns its id. */
export function insertElection(db: Db, definition: ElectionDefinitionInput, now: string): number {
  const valid = ElectionDefinitionSchema.parse(definition);
  const info = db
    .prepare('INSERT INTO election (definition_json, created_at) VALUES (?, ?)')
    .run(JSON.stringify(valid), now);
  return Number(info.lastInsertRowid);
}

/** Replaces a stored definition (the caller validated it and checked no open round uses it). */
export function updateElection(db: Db, id: number, definition: ElectionDefinition): boolean {
  const valid = ElectionDefinitionSchema.parse(definition);
  return db.prepare('UPDATE election SET definition_json = ? WHERE id = ?').run(JSON.stringify(valid), id).changes === 1;
}

/** Deletes an election (the caller checked no round uses it). */
export function deleteElection(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM election WHERE id = ?').run(id).changes === 1;
}

function toElection(row: { id: number; json: string }): Election {
  const definition = ElectionDefinitionSchema.parse(JSON.parse(row.json));
  return { id: row.id, definition, fingerprint: electionFingerprint(definition) };
}

/** Lists elections; each definition is validated again as it is read back. */
export function listElections(db: Db): Election[] {
  const rows = db.prepare('SELECT id, definition_json AS json FROM election ORDER BY id').all() as Array<{ id: number; json: string }>;
  return rows.map(toElection);
}

/** One election, validated as it is read back; null when there is none with this id. */
export function getElection(db: Db, id: number): Election | null {
  const row = db.prepare('SELECT id, definition_json AS json FROM election WHERE id = ?').get(id) as { id: number; json: string } | undefined;
  return row ? toElection(row) : null;
}

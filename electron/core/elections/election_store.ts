import crypto from 'node:crypto';
import { ElectionDefinitionSchema, type Election, type ElectionDefinition } from '../../contract';
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

/** The definition's fingerprint, printed on opening and closing reports. */
export function electionFingerprint(definition: ElectionDefinition): string {
  return crypto.createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** Stores a validated election definition and returns its id. */
export function insertElection(db: Db, definition: ElectionDefinition, now: string): number {
  const valid = ElectionDefinitionSchema.parse(definition);
  const info = db
    .prepare('INSERT INTO election (definition_json, created_at) VALUES (?, ?)')
    .run(JSON.stringify(valid), now);
  return Number(info.lastInsertRowid);
}

/** Lists elections; each definition is validated again as it is read back. */
export function listElections(db: Db): Election[] {
  const rows = db.prepare('SELECT id, definition_json AS json FROM election ORDER BY id').all() as Array<{
    id: number;
    json: string;
  }>;
  return rows.map((row) => {
    const definition = ElectionDefinitionSchema.parse(JSON.parse(row.json));
    return { id: row.id, definition, fingerprint: electionFingerprint(definition) };
  });
}

/**
 * Saved column mappings, stored in the event. A preset maps header texts (not positions), so
 * it fits the next export of the same registration system even when columns move.
 */
import { ImportPresetSchema, type ImportMapping, type ImportPreset } from '../../contract';
import type { Db } from '../db/connection';
import { foldCompact } from './text_fold';

// The JSON column holds the preset without its name and date (those are columns).
const PresetBodySchema = ImportPresetSchema.omit({ name: true, updatedAt: true });

/** Every preset, by name. */
export function listPresets(db: Db): ImportPreset[] {
  const rows = db.prepare('SELECT name, preset_json AS json, updated_at AS updatedAt FROM import_preset ORDER BY name').all() as Array<{
    name: string;
    json: string;
    updatedAt: string;
  }>;
  return rows.map((r) => ({ name: r.name, updatedAt: r.updatedAt, ...PresetBodySchema.parse(JSON.parse(r.json)) }));
}

/** One preset, or null. */
export function getPreset(db: Db, name: string): ImportPreset | null {
  return listPresets(db).find((p) => p.name === name) ?? null;
}

/** Saves a preset under its name, replacing one of the same name. */
export function savePreset(db: Db, preset: Omit<ImportPreset, 'updatedAt'>, now: string): ImportPreset {
  const { name, ...body } = preset;
  db.prepare(
    `INSERT INTO import_preset (name, preset_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET preset_json = excluded.preset_json, updated_at = excluded.updated_at`,
  ).run(name, JSON.stringify(PresetBodySchema.parse(body)), now);
  return { ...preset, updatedAt: now };
}

/** Deletes a preset; says whether there was one. */
export function deletePreset(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM import_preset WHERE name = ?').run(name).changes > 0;
}

/** A preset applied to a file's headers: each header takes the preset's target for that text. */
export function mappingFromPreset(preset: ImportPreset, headers: readonly string[]): ImportMapping {
  const byHeader = new Map(preset.columns.map((c) => [foldCompact(c.header), c.target]));
  return {
    columns: headers.map((header, index) => ({ index, target: byHeader.get(foldCompact(header)) ?? 'ignore' })),
    categoryValues: preset.categoryValues,
    delegationFromCountry: preset.delegationFromCountry,
    nameOrder: preset.nameOrder,
  };
}

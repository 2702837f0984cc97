/**
 * `delegate-desk photos import DIR`: participants' photos from a folder of files named by
 * registration id or e-mail (what registration systems and secretariats hand over). Each file
 * stands alone; the report says which were stored and why the others were not.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EventHome } from '../home/event_home';
import { importPhotoFile, MAX_PHOTO_BYTES, type PhotoFileOutcome } from '../photos/photo_files';
import { openEventFolder } from '../workspace/event_workspace';

export interface PhotosCommandInput {
  readonly sub: string | undefined;
  readonly folder: string | undefined;
  readonly home: EventHome;
  readonly dataDir: string | undefined;
  readonly json: boolean;
}

/** Runs `photos import DIR`; exits non-zero when no photo could be stored. */
export function runPhotosCommand(input: PhotosCommandInput, io: { out(t: string): void; err(t: string): void }): number {
  const fail = (message: string) => {
    io.err(`delegate-desk: ${message}\n`);
    return 1;
  };
  if (input.sub !== 'import' || !input.folder) return fail('use "photos import FOLDER [--data-dir DIR]".');
  const folder = path.resolve(input.folder);
  let names: string[];
  try {
    names = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch {
    return fail(`cannot read the folder ${folder}. Check the path and that you may read it.`);
  }
  const dir = input.dataDir ?? input.home.readState().lastFolder;
  if (!dir) return fail('there is no event yet. Create one first: delegate-desk event create --name NAME --start YYYY-MM-DD');
  const opened = openEventFolder(dir);
  if (!opened.ok) return fail(opened.error.message);
  const ws = opened.value;
  try {
    const now = new Date().toISOString();
    const outcomes: PhotoFileOutcome[] = names.map((name) => {
      const file = path.join(folder, name);
      // Do not read a 4 GB video into memory to find out it is too large.
      if (fs.statSync(file).size > MAX_PHOTO_BYTES) {
        return { fileName: name, result: 'too_large', participantId: null, displayName: null, message: 'Larger than 2 MB; resize it and try again.' };
      }
      return importPhotoFile(ws.db, ws.layout.photos, name, fs.readFileSync(file), now);
    });
    const stored = outcomes.filter((o) => o.result === 'stored');
    if (input.json) io.out(`${JSON.stringify({ stored: stored.length, total: outcomes.length, files: outcomes }, null, 2)}\n`);
    else {
      const lines = outcomes.map((o) => (o.result === 'stored' ? `  stored   ${o.fileName} → ${o.displayName}` : `  skipped  ${o.fileName}: ${o.message}`));
      io.out(`${lines.join('\n')}\n${stored.length} of ${outcomes.length} photos stored.\n`);
    }
    return stored.length > 0 || outcomes.length === 0 ? 0 : 1;
  } finally {
    ws.close();
  }
}

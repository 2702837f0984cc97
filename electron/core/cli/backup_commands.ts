/**
 * Durability commands: `backup`, `restore`, `export-event`, `import-event` and `erase`. Each
 * refuses to replace an existing event or file unless given --force (and then keeps what it
 * replaces aside), and exits non-zero with one clear line on any failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupToFile, restoreDatabaseInto, restoreIntoNewFolder, inspectDatabaseFile } from '../backup';
import { fsyncAndRename } from '../backup/backup_files';
import { copyDatabase } from '../backup/backup_take';
import { eraseEventFolder } from '../erase/erase_event';
import { exportEvent, importEvent } from '../event_transfer/event_transfer';
import { inspectFolder } from '../event_folder/inspect_folder';
import { openEventFolder } from '../workspace/event_workspace';

/** The options these commands read (merged into the CLI's option table). */
export const BACKUP_OPTIONS = {
  'passphrase-file': { type: 'string' },
  force: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
} as const;

export const BACKUP_COMMANDS = ['backup', 'restore', 'export-event', 'import-event', 'erase'] as const;

export interface BackupCommandInput {
  readonly command: string;
  readonly file: string | undefined;
  readonly dataDir: string | undefined;
  readonly out: string | undefined;
  readonly passphraseFile: string | undefined;
  readonly force: boolean;
  readonly yes: boolean;
  readonly json: boolean;
}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Reads a passphrase file: the first line, without its line ending (editors add one). */
function readPassphrase(file: string | undefined): string | { error: string } {
  if (!file) return { error: 'this command needs --passphrase-file FILE (a file holding the passphrase, so it never shows in the shell history).' };
  try {
    const text = fs.readFileSync(path.resolve(file), 'utf8').replace(/^\uFEFF/u, '');
    const first = text.split(/\r?\n/u)[0] ?? '';
    if (!first) return { error: `the passphrase file ${file} is empty.` };
    return first;
  } catch {
    return { error: `cannot read the passphrase file ${file}: there is no such file.` };
  }
}

/** Runs one durability command; returns the exit code. */
export async function runBackupCommand(input: BackupCommandInput, io: Io): Promise<number> {
  const fail = (message: string) => {
    io.err(`delegate-desk ${input.command}: ${message}\n`);
    return 1;
  };
  const report = (json: unknown, text: string) => io.out(input.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  const dir = input.dataDir;
  if (!dir) return fail('name the event folder with --data-dir DIR (these commands never guess which event you mean).');

  switch (input.command) {
    case 'backup': {
      if (!input.out) return fail('name the backup file with --out FILE (for example on a USB stick).');
      const out = path.resolve(input.out);
      if (fs.existsSync(out) && !input.force) return fail(`${out} exists already. Choose another name, or --force to replace it.`);
      const opened = openEventFolder(dir);
      if (!opened.ok) return fail(opened.error.message);
      try {
        let written;
        if (fs.existsSync(out)) {
          // --force: the new copy is complete before it replaces the old file.
          const tmp = `${out}.${process.pid}.new`;
          await copyDatabase(opened.value.db, tmp);
          fsyncAndRename(tmp, out);
          written = { path: out, sizeBytes: fs.statSync(out).size };
        } else {
          const r = await backupToFile(opened.value.db, out);
          if (!r.ok) return fail(r.error.message);
          written = r.value;
        }
        report(written, `Backed up "${opened.value.info().name}" to ${written.path} (${size(written.sizeBytes)}).\n`);
        return 0;
      } catch (e) {
        return fail(`the backup could not be written: ${(e as Error).message}`);
      } finally {
        opened.value.close();
      }
    }
    case 'restore': {
      if (!input.file) return fail('name the backup: delegate-desk restore FILE --data-dir DIR');
      const file = path.resolve(input.file);
      const checked = inspectDatabaseFile(file, { full: true });
      if (!checked.ok) return fail(checked.error.message);
      const state = inspectFolder(dir);
      if (state.kind === 'missing' || state.kind === 'empty') {
        const made = restoreIntoNewFolder(dir, file);
        if (!made.ok) return fail(made.error.message);
        report({ dir, ...made.value.preview, newKeys: true }, `Restored "${made.value.preview.eventName}" (${made.value.preview.participants} participants) into ${dir}.\nA backup holds no badge key, so this folder has a new one: badges printed before will not verify here. To move an event with its keys, use export-event.\n`);
        return 0;
      }
      if (state.kind !== 'event') return fail(`${dir} is not an event folder. Restore into an event folder of the same event, or a new folder.`);
      if (!input.force) return fail(`${dir} holds an event. Add --force to replace its database (the current one is kept in backups/replaced-…), after closing the app.`);
      const restored = restoreDatabaseInto(dir, file, state.manifest);
      if (!restored.ok) return fail(restored.error.message);
      const opened = openEventFolder(dir);
      if (!opened.ok) return fail(`the backup was put in place, but the event does not open: ${opened.error.message}`);
      opened.value.close();
      const p = restored.value.preview;
      report({ dir, ...p, keptAside: restored.value.keptAside }, `Restored "${p.eventName}" (${p.participants} participants, schema ${p.schemaVersion}) into ${dir}.\nThe replaced database is kept in ${restored.value.keptAside ?? '(there was none)'}.\n`);
      return 0;
    }
    case 'export-event': {
      if (!input.out) return fail('name the export file with --out FILE.');
      const pass = readPassphrase(input.passphraseFile);
      if (typeof pass !== 'string') return fail(pass.error);
      const opened = openEventFolder(dir);
      if (!opened.ok) return fail(opened.error.message);
      try {
        const r = await exportEvent(dir, input.out, pass, { db: opened.value.db, force: input.force });
        if (!r.ok) return fail(r.error.message);
        report(r.value, `Exported "${opened.value.info().name}" to ${r.value.file} (${size(r.value.sizeBytes)}, ${r.value.files} files, encrypted). Keep the passphrase apart from the file.\n`);
        return 0;
      } finally {
        opened.value.close();
      }
    }
    case 'import-event': {
      if (!input.file) return fail('name the export: delegate-desk import-event FILE --data-dir DIR --passphrase-file P');
      const pass = readPassphrase(input.passphraseFile);
      if (typeof pass !== 'string') return fail(pass.error);
      const r = importEvent(path.resolve(input.file), dir, pass, { force: input.force });
      if (!r.ok) return fail(r.error.message);
      report(r.value, `Imported "${r.value.eventName}" into ${r.value.dir}.${r.value.replacedKeptAt ? `\nThe event that was there is kept in ${r.value.replacedKeptAt}.` : ''}\n`);
      return 0;
    }
    case 'erase': {
      if (!input.yes) return fail(`this erases the whole event in ${dir}, with its backups, keys and photos, for good. Run it again with --yes to confirm.`);
      const r = eraseEventFolder(dir);
      if (!r.ok) return fail(r.error.message);
      report(r.value, `Erased the event in ${dir} (${r.value.filesRemoved} files, backups included). Copies elsewhere (USB sticks, exports) must be erased separately.\n`);
      return 0;
    }
    default:
      return fail('unknown command.');
  }
}

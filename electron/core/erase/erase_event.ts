import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../contract';
import { inspectFolder } from '../event_folder/inspect_folder';

/**
 * Erases a whole event at the end of its retention period: the database, its WAL, the keys,
 * photos, uploads and every backup in the folder, then the folder itself. Refuses anything that
 * is not an event folder, so a mistyped path can never delete someone's documents.
 */
export function eraseEventFolder(dir: string): Result<{ filesRemoved: number }, 'not_found' | 'not_ours' | 'erase_failed'> {
  const state = inspectFolder(dir);
  if (state.kind === 'missing' || state.kind === 'empty') return err('not_found', `There is no event at ${dir}; nothing was erased.`);
  if (state.kind === 'foreign') return err('not_ours', `${dir} is not a Delegate Desk event folder (${state.reason}); nothing was erased.`);
  let files = 0;
  const count = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) count(path.join(d, e.name));
      else files++;
    }
  };
  try {
    count(dir);
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (e) {
    return err('erase_failed', `Part of ${dir} could not be erased (${(e as Error).message}). Close every program using it and run the erase again.`);
  }
  return ok({ filesRemoved: files });
}

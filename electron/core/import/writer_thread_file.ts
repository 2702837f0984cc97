/**
 * Where the built writer thread is: every Node entry is bundled to out/<entry>/index.cjs and
 * the thread to out/workers/import_write.cjs, so it sits one folder up from any of them.
 * Unbuilt (the sources run by vitest) there is none, and imports write on the calling thread.
 */
import fs from 'node:fs';
import path from 'node:path';

// Below this a file's rows are few enough that starting a thread costs more than it saves.
const THREAD_FROM_BYTES = 1_000_000;

/** The writer thread next to the bundle in `bundleDir`, if it was built. */
export function builtWriterThread(bundleDir: string): { file: string; fromBytes: number } | undefined {
  const file = path.join(bundleDir, '..', 'workers', 'import_write.cjs');
  return fs.existsSync(file) ? { file, fromBytes: THREAD_FROM_BYTES } : undefined;
}

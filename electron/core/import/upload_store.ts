/**
 * Uploads in progress. API bodies are small (256 KiB), so a file arrives in chunks and is
 * assembled in a temporary folder inside the event folder (never in a shared temp dir: the
 * file holds personal data). It is removed after the import, on cancel, when it has been
 * idle for an hour, and at the next start for anything a crash left behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, IMPORT_CHUNK_BYTES, IMPORT_MAX_BYTES, ok, type Result } from '../../contract';

/** The folder, inside an event folder, where uploads are assembled. */
export const UPLOAD_FOLDER = 'import-uploads';
const IDLE_MS = 60 * 60 * 1000;
const MAX_OPEN_UPLOADS = 4;

export interface Upload {
  readonly id: string;
  readonly eventDir: string;
  readonly fileName: string;
  readonly size: number;
  readonly file: string;
  received: number;
  touchedAt: number;
  /** Set by cancel; a running analysis or import stops at its next step. */
  cancelled: boolean;
  /** From the start of the write on, cancelling is no longer possible. */
  writing: boolean;
  /** Caches keyed by the options they were made with (see import_service). */
  cache: Map<string, unknown>;
}

/** Formats a byte count for messages (50 MB, 812 KB). */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The open uploads of this host, across events. */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly swept = new Set<string>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Starts an upload of `size` bytes into the event folder. */
  begin(eventDir: string, fileName: string, size: number): Result<Upload, 'file_too_large' | 'empty_file'> {
    if (size > IMPORT_MAX_BYTES) {
      return err('file_too_large', `${fileName} is ${formatBytes(size)}; files up to ${formatBytes(IMPORT_MAX_BYTES)} can be imported. Split the list into smaller files, or remove columns that are not needed, and import each file.`);
    }
    if (size === 0) return err('empty_file', `${fileName} is empty (0 bytes). Choose the exported file again; if it really is empty, export the list again.`);
    this.sweep(eventDir);
    const dir = path.join(eventDir, UPLOAD_FOLDER);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const id = crypto.randomBytes(16).toString('hex');
    const file = path.join(dir, `${id}.part`);
    fs.writeFileSync(file, '', { mode: 0o600 });
    const upload: Upload = { id, eventDir, fileName, size, file, received: 0, touchedAt: this.clock(), cancelled: false, writing: false, cache: new Map() };
    this.uploads.set(id, upload);
    const open = [...this.uploads.values()].sort((a, b) => a.touchedAt - b.touchedAt);
    while (open.length > MAX_OPEN_UPLOADS) this.remove(open.shift()!.id);
    return ok(upload);
  }

  /** The upload, if it exists in this event. */
  get(eventDir: string, id: string): Upload | null {
    this.sweep(eventDir);
    const upload = this.uploads.get(id);
    if (!upload || upload.eventDir !== eventDir) return null;
    upload.touchedAt = this.clock();
    return upload;
  }

  /** Writes the next chunk; chunks must arrive in order, each at the end of what was received. */
  append(upload: Upload, offset: number, data: Buffer): Result<{ received: number; complete: boolean }, 'bad_chunk'> {
    if (offset !== upload.received) {
      return err('bad_chunk', `Chunk at byte ${offset} of ${upload.fileName} arrived, but ${upload.received} bytes were received so far. Send the chunk that starts at byte ${upload.received}.`);
    }
    if (data.length === 0 || data.length > IMPORT_CHUNK_BYTES || upload.received + data.length > upload.size) {
      return err('bad_chunk', `That chunk of ${upload.fileName} does not fit: ${upload.received} + ${data.length} bytes of ${upload.size}. Start the upload again.`);
    }
    fs.appendFileSync(upload.file, data);
    upload.received += data.length;
    return ok({ received: upload.received, complete: upload.received === upload.size });
  }

  /** The whole file, once every byte is in. */
  read(upload: Upload): Buffer {
    return fs.readFileSync(upload.file);
  }

  /** Forgets an upload and deletes its file. */
  remove(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    upload.cancelled = true;
    upload.cache.clear();
    this.uploads.delete(id);
    fs.rmSync(upload.file, { force: true });
  }

  /** Removes idle uploads, and on first use of an event folder, files a crash left behind. */
  sweep(eventDir: string): void {
    const now = this.clock();
    for (const upload of [...this.uploads.values()]) {
      if (now - upload.touchedAt > IDLE_MS && !upload.writing) this.remove(upload.id);
    }
    if (this.swept.has(eventDir)) return;
    this.swept.add(eventDir);
    const dir = path.join(eventDir, UPLOAD_FOLDER);
    const known = new Set([...this.uploads.values()].map((u) => u.file));
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const file = path.join(dir, entry);
      if (!known.has(file)) fs.rmSync(file, { force: true, recursive: true });
    }
  }

  /** Removes every upload (the host is closing). */
  clear(): void {
    for (const id of [...this.uploads.keys()]) this.remove(id);
  }
}

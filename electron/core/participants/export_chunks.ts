/**
 * Built export files waiting to be fetched chunk by chunk (participants.exportChunk). Kept in
 * memory for a few minutes at most, and only a few at a time: an export holds personal data,
 * and an abandoned download must not linger.
 */
import crypto from 'node:crypto';
import { EXPORT_CHUNK_BYTES, err, ok, type Result } from '../../contract';

const TTL_MS = 10 * 60 * 1000;
const MAX_WAITING = 4;

interface Waiting {
  bytes: Buffer;
  createdAt: number;
}

/** Export files waiting to be fetched, by id. */
export class ExportChunks {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Keeps a built file; returns its id and how many chunks it has. */
  put(bytes: Buffer): { exportId: string; chunkCount: number } {
    this.expire();
    while (this.waiting.size >= MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value as string);
    const exportId = crypto.randomBytes(18).toString('base64url');
    this.waiting.set(exportId, { bytes, createdAt: this.clock() });
    return { exportId, chunkCount: Math.max(1, Math.ceil(bytes.length / EXPORT_CHUNK_BYTES)) };
  }

  /** One chunk as base64; the file is forgotten once its last chunk was read. */
  chunk(exportId: string, index: number): Result<{ index: number; base64: string; last: boolean }, 'expired'> {
    this.expire();
    const file = this.waiting.get(exportId);
    const count = file ? Math.max(1, Math.ceil(file.bytes.length / EXPORT_CHUNK_BYTES)) : 0;
    if (!file || index >= count) {
      return err('expired', 'This export is no longer available (exports are kept for ten minutes). Export the list again.');
    }
    const last = index === count - 1;
    const base64 = file.bytes.subarray(index * EXPORT_CHUNK_BYTES, (index + 1) * EXPORT_CHUNK_BYTES).toString('base64');
    if (last) this.waiting.delete(exportId);
    return ok({ index, base64, last });
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, file] of this.waiting) if (now - file.createdAt > TTL_MS) this.waiting.delete(id);
  }
}

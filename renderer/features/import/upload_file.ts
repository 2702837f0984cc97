import { IMPORT_CHUNK_BYTES, type ApiError } from '../../../electron/contract';
import type { ApiClient } from '../../api/client';

/** Base64 of a chunk, built in slices so no call gets too many arguments. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type UploadOutcome = { ok: true; uploadId: string } | { ok: false; error: ApiError } | { ok: false; cancelled: true };

/**
 * Sends a file to the host in chunks (API bodies are small), reading one slice at a time so
 * a 50 MB file never sits in memory whole. `stop()` returning true abandons the upload.
 */
export async function uploadFile(api: ApiClient, file: File, onProgress: (sent: number) => void, stop: () => boolean): Promise<UploadOutcome> {
  const begun = await api.call('import.begin', { fileName: file.name, size: file.size });
  if (!begun.ok) return { ok: false, error: begun.error };
  const { uploadId } = begun.value;
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    if (stop()) {
      await api.call('import.cancel', { uploadId });
      return { ok: false, cancelled: true };
    }
    const bytes = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    const sent = await api.call('import.chunk', { uploadId, offset, dataBase64: toBase64(bytes) });
    if (!sent.ok) return { ok: false, error: sent.error };
    onProgress(sent.value.received);
  }
  return { ok: true, uploadId };
}

/** A byte count for people, in the UI's language (12.5 MB, 812 KB). */
export function formatSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: mb >= 10 ? 0 : 1 });
  return mb >= 1 ? `${number.format(mb)} MB` : `${number.format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}

/** What the host answers when it has built an export: the file's name, type and chunk count. */
export interface BuiltExport {
  readonly fileName: string;
  readonly mimeType: string;
  readonly chunkCount: number;
}

type ChunkResult = { ok: true; value: { base64: string } } | { ok: false; error: { message: string } };

/**
 * Fetches a built export's base64 chunks, joins them into one Blob and saves it through a link,
 * the same on IPC and HTTP. Answers null when saved, or the host's message when a chunk failed.
 */
export async function saveChunkedExport(built: BuiltExport, fetchChunk: (index: number) => Promise<ChunkResult>): Promise<string | null> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; index < built.chunkCount; index++) {
    const chunk = await fetchChunk(index);
    if (!chunk.ok) return chunk.error.message;
    const binary = atob(chunk.value.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
  }
  const url = URL.createObjectURL(new Blob(parts, { type: built.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = built.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

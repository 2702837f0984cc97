/**
 * The calling side of the writer thread (write_worker): rows are packed in chunks and posted
 * as they are planned; the thread writes them inside its own transaction and commits only
 * when told. If the thread fails or dies, its connection closes and SQLite rolls the open
 * transaction back, so the import is refused whole.
 */
import { Worker } from 'node:worker_threads';
import { WriteChunkPacker, type WriteChunk } from './write_chunk';
import type { WriteCounts, WriteOptions, WriteRow, WriteSummary } from './write_session';

/** What the thread is given when it starts. */
export interface WriteThreadData {
  readonly file: string;
  readonly options: WriteOptions;
}

/** Messages to the thread. */
export type WriteThreadMessage = { readonly type: 'rows'; readonly chunk: WriteChunk } | { readonly type: 'finish'; readonly commit: boolean; readonly counts: WriteCounts };

/** The thread's one answer. */
export type WriteThreadReply = { readonly type: 'done'; readonly summary: WriteSummary } | { readonly type: 'failed'; readonly message: string };

// Rows per message: big enough that posting costs little, small enough that writing starts early.
const CHUNK_ROWS = 2000;

/** A started writer thread. */
export interface WriteThread {
  add(row: WriteRow): void;
  /** Posts the rows added so far. */
  flush(): void;
  finish(commit: boolean, counts: WriteCounts): Promise<WriteSummary>;
  close(): Promise<void>;
}

/** Starts the thread on the database file `file`; `workerFile` is the built write_worker. */
export function startWriteThread(file: string, options: WriteOptions, workerFile: string): WriteThread {
  const data: WriteThreadData = { file, options };
  const worker = new Worker(workerFile, { workerData: data });
  const packer = new WriteChunkPacker();
  let finished = false;
  const answer = new Promise<WriteSummary>((resolve, reject) => {
    worker.once('message', (reply: WriteThreadReply) => (reply.type === 'done' ? resolve(reply.summary) : reject(new Error(reply.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the writer thread stopped (exit code ${code}) before it finished`)));
  });
  // Seen by finish; until then a failure must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  const post = (message: WriteThreadMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const flush = () => {
    if (packer.size === 0) return;
    const chunk = packer.take();
    post({ type: 'rows', chunk }, [chunk.lengths.buffer as ArrayBuffer, chunk.numbers.buffer as ArrayBuffer]);
  };
  return {
    add(row) {
      packer.add(row);
      if (packer.size >= CHUNK_ROWS) flush();
    },
    flush,
    async finish(commit, counts) {
      flush();
      finished = true;
      post({ type: 'finish', commit, counts });
      return answer;
    },
    async close() {
      if (!finished) await worker.terminate();
    },
  };
}

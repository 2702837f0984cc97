/**
 * The writer thread of a big file import (built on its own as out/workers/import_write.cjs):
 * opens its own connection to the event's file at once, so that is done while the caller
 * is still reading the file, then writes each chunk of rows as it arrives and commits (or
 * rolls back) when told. It answers once and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connect, type Db } from '../db/connection';
import { unpackWriteChunk } from './write_chunk';
import { ImportWriteSession } from './write_session';
import type { WriteThreadData, WriteThreadMessage, WriteThreadReply } from './write_thread';

const port = parentPort;
if (port) {
  const { file, options } = workerData as WriteThreadData;
  let db: Db | null = null;
  let session: ImportWriteSession | null = null;
  let failure: string | null = null;
  const end = (reply: WriteThreadReply) => {
    session?.abort();
    db?.close();
    port.postMessage(reply);
    port.close();
  };
  try {
    db = connect(file);
    session = new ImportWriteSession(db, options);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  port.on('message', (message: WriteThreadMessage) => {
    if (failure || !session) {
      if (message.type === 'finish') end({ type: 'failed', message: failure ?? 'the writer thread could not start' });
      return;
    }
    const writing = session;
    try {
      if (message.type === 'rows') unpackWriteChunk(message.chunk, (row) => writing.write(row));
      else end({ type: 'done', summary: writing.finish(message.commit, message.counts) });
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      writing.abort();
      if (message.type === 'finish') end({ type: 'failed', message: failure });
    }
  });
}

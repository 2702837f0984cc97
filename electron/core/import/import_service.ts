/**
 * The import as the API offers it: chunked upload, analysis (cached, so that changing the
 * mapping does not re-read a 100,000-row file), commit and cancel, with progress pushed to
 * every screen. Reading and checking yield to the event loop between batches of rows, so a
 * cancel (or any other request) is served meanwhile; the write itself is one transaction.
 */
import {
  err,
  ok,
  IMPORT_CHUNK_BYTES,
  IMPORT_MAX_BYTES,
  type Category,
  type ImportAnalysis,
  type ImportMapping,
  type ImportReadOptions,
  type ImportReport,
  type MethodParsedInput,
  type PushPayload,
  type Result,
} from '../../contract';
import type { Db } from '../db/connection';
import { listCategories, refreshSearchIndex } from '../participants';
import type { EventWorkspace } from '../workspace/event_workspace';
import { DEFAULT_CATEGORIES } from '../participants/default_categories';
import { getPreset } from './import_presets';
import { analyseImport, commitImport } from './import_results';
import { prepareImport, type ImportTick, type PreparedImport } from './prepare_import';
import { readTable, type SourceTable } from './read_table';
import { UploadStore, type Upload } from './upload_store';

export interface ImportServiceDeps {
  readonly workspace: () => EventWorkspace | null;
  readonly progress: (payload: PushPayload<'import.progress'>) => void;
  /** Runs after a real (not dry-run) import wrote: tell screens, refresh search. */
  readonly committed: (db: Db) => void;
  readonly now?: () => Date;
}

type UploadError = 'no_event' | 'upload_not_found';

class Cancelled extends Error {}

const NO_EVENT = 'No event is open. Open or create an event first.';
// Above this many changed people, rebuilding the search index is quicker than updating it.
const REFRESH_ONE_BY_ONE = 2000;

/** The event's categories, or the standard set an empty event will get on its first import. */
export function importCategories(db: Db): Category[] {
  const categories = listCategories(db);
  return categories.length ? categories : [...DEFAULT_CATEGORIES];
}

/** Chunked uploads, analysis and commit over the open event. */
export class ImportService {
  private readonly uploads: UploadStore;

  constructor(private readonly deps: ImportServiceDeps) {
    this.uploads = new UploadStore(() => (deps.now ?? (() => new Date()))().getTime());
  }

  /** Starts an upload. */
  begin(fileName: string, size: number): Result<{ uploadId: string; chunkBytes: number; maxBytes: number }, 'no_event' | 'file_too_large' | 'empty_file'> {
    const ws = this.deps.workspace();
    if (!ws) return err('no_event', NO_EVENT);
    const started = this.uploads.begin(ws.layout.dir, fileName, size);
    return started.ok ? ok({ uploadId: started.value.id, chunkBytes: IMPORT_CHUNK_BYTES, maxBytes: IMPORT_MAX_BYTES }) : started;
  }

  /** Appends a chunk. */
  chunk(uploadId: string, offset: number, dataBase64: string): Result<{ received: number; complete: boolean }, UploadError | 'bad_chunk'> {
    const found = this.find(uploadId);
    if (!found.ok) return found;
    return this.uploads.append(found.value.upload, offset, Buffer.from(dataBase64, 'base64'));
  }

  /** Analyses the uploaded file under the given options. */
  async analyse(input: MethodParsedInput<'import.analyse'>): Promise<Result<ImportAnalysis, UploadError | 'upload_incomplete' | 'cancelled'>> {
    const found = this.find(input.uploadId);
    if (!found.ok) return found;
    const { upload, ws } = found.value;
    const prepared = await this.prepared(upload, ws.db, input, input.mapping, input.preset);
    if (!prepared.ok) return prepared;
    return ok(analyseImport(ws.db, prepared.value, { uploadId: upload.id, size: upload.size, source: input.source, previewRows: input.previewRows }));
  }

  /** Imports the uploaded file; the upload is removed afterwards (also on a refusal). */
  async commit(input: MethodParsedInput<'import.commit'>): Promise<Result<ImportReport, UploadError | 'upload_incomplete' | 'cancelled' | 'not_importable'>> {
    const found = this.find(input.uploadId);
    if (!found.ok) return found;
    const { upload, ws } = found.value;
    const prepared = await this.prepared(upload, ws.db, input, input.mapping, undefined);
    if (!prepared.ok) return prepared;
    if (upload.cancelled) return err('cancelled', `The import of ${upload.fileName} was cancelled; nothing was written.`);
    const total = prepared.value.rows.length;
    const result = commitImport(ws.db, prepared.value, {
      source: input.source,
      skipRowsWithErrors: input.skipRowsWithErrors,
      dryRun: input.dryRun,
      now: this.now(),
      beforeWrite: () => {
        upload.writing = true;
        this.deps.progress({ uploadId: upload.id, phase: 'writing', done: 0, total });
      },
      // The search index sees only writes made through the participants store: tell it.
      // A few people are re-read; a big import rebuilds it once.
      written: (ids) => refreshSearchIndex(ws.db, ids.length <= REFRESH_ONE_BY_ONE ? ids : undefined),
    });
    upload.writing = false;
    if (result.ok && !input.dryRun) {
      this.uploads.remove(upload.id);
      this.deps.committed(ws.db);
    }
    this.deps.progress({ uploadId: upload.id, phase: 'done', done: total, total });
    return result;
  }

  /** Cancels an upload or a running analysis; too late once writing has started. */
  cancel(uploadId: string): Result<{ cancelled: boolean }, 'no_event'> {
    const ws = this.deps.workspace();
    if (!ws) return err('no_event', NO_EVENT);
    const upload = this.uploads.get(ws.layout.dir, uploadId);
    if (!upload || upload.writing) return ok({ cancelled: false });
    this.uploads.remove(uploadId);
    this.deps.progress({ uploadId, phase: 'cancelled', done: 0, total: 0 });
    return ok({ cancelled: true });
  }

  /** Removes every upload (the host is closing). */
  close(): void {
    this.uploads.clear();
  }

  private now(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  private find(uploadId: string): Result<{ upload: Upload; ws: EventWorkspace }, UploadError> {
    const ws = this.deps.workspace();
    if (!ws) return err('no_event', NO_EVENT);
    const upload = this.uploads.get(ws.layout.dir, uploadId);
    if (!upload) {
      return err('upload_not_found', 'That upload is gone (it was imported, cancelled, or left idle for an hour). Choose the file again.');
    }
    return ok({ upload, ws });
  }

  /** Reads (cached per read options) and prepares (cached per mapping) the upload's rows. */
  private async prepared(
    upload: Upload,
    db: Db,
    read: ImportReadOptions,
    mapping: ImportMapping | undefined,
    presetName: string | undefined,
  ): Promise<Result<PreparedImport, 'upload_incomplete' | 'cancelled'>> {
    if (upload.received < upload.size) {
      return err('upload_incomplete', `${upload.fileName} has not fully arrived (${upload.received} of ${upload.size} bytes). Choose the file again.`);
    }
    const tick: ImportTick = async (phase, done, total) => {
      this.deps.progress({ uploadId: upload.id, phase, done, total });
      await new Promise((resolve) => setImmediate(resolve));
      if (upload.cancelled) throw new Cancelled();
    };
    try {
      const tableKey = JSON.stringify(['table', read.encoding, read.delimiter, read.sheet]);
      let table = upload.cache.get(tableKey) as SourceTable | undefined;
      if (!table) {
        await tick('reading', 0, upload.size);
        table = await readTable(this.uploads.read(upload), upload.fileName, read);
        await tick('reading', upload.size, upload.size);
        upload.cache.clear();
        upload.cache.set(tableKey, table);
      }
      const preset = presetName ? getPreset(db, presetName) : null;
      const categories = importCategories(db);
      const preparedKey = JSON.stringify(['rows', tableKey, read.headerRow, mapping, preset, categories]);
      let prepared = upload.cache.get(preparedKey) as PreparedImport | undefined;
      if (!prepared) {
        prepared = await prepareImport(table, upload.fileName, { headerRow: read.headerRow, mapping, preset, categories }, tick);
        for (const key of [...upload.cache.keys()]) if (key !== tableKey) upload.cache.delete(key);
        upload.cache.set(preparedKey, prepared);
        // The commit names the mapping and header row the analysis settled on: same rows, no re-read.
        for (const headerRow of [read.headerRow, prepared.headerRow ?? undefined]) {
          upload.cache.set(JSON.stringify(['rows', tableKey, headerRow, prepared.mapping, null, categories]), prepared);
        }
      }
      return ok(prepared);
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      return err('cancelled', `The import of ${upload.fileName} was cancelled; nothing was written.`);
    }
  }
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BadgeFilter, BadgeTemplate, MethodResult, PrintJobStatus } from '../../../electron/contract';
import { useApi } from '../../api/api_context';

const POLL_MS = 300;

/** A finished PDF kept in the window, so it can be saved again without another batch. */
export interface PdfDownload {
  readonly url: string;
  readonly fileName: string;
  readonly bytes: number;
}

/** Offers a file to the person: the browser's download, or the desktop app's save dialog. */
function saveFile(download: PdfDownload): void {
  const link = document.createElement('a');
  link.href = download.url;
  link.download = download.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * One badge batch at a time: start it, follow its progress, cancel it, and fetch its PDF in
 * pieces when it is done. Every transport carries the pieces, so this works the same in the
 * desktop window and in a browser.
 */
export function usePrintJob(onFinished: () => void) {
  const api = useApi();
  const [status, setStatus] = useState<PrintJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<PdfDownload | null>(null);
  const alive = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url);
  }, [download]);

  const fetchPdf = useCallback(
    async (done: PrintJobStatus) => {
      if (!done.pdf) return;
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const chunk: MethodResult<'badges.printPdf'> = await api.call('badges.printPdf', { jobId: done.jobId, offset });
        if (!chunk.ok) throw new Error(chunk.error.message);
        parts.push(Uint8Array.from(atob(chunk.value.base64), (c) => c.charCodeAt(0)));
        offset = chunk.value.nextOffset;
      }
      const file: PdfDownload = {
        url: URL.createObjectURL(new Blob(parts, { type: 'application/pdf' })),
        fileName: done.pdf.fileName,
        bytes: done.pdf.bytes,
      };
      if (!alive.current) return URL.revokeObjectURL(file.url);
      setDownload(file);
      saveFile(file);
    },
    [api],
  );

  const follow = useCallback(
    async (jobId: string) => {
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!alive.current) return;
        const next = await api.call('badges.printStatus', { jobId });
        if (!next.ok) {
          setError(next.error.message);
          return;
        }
        setStatus(next.value);
        if (next.value.state !== 'running') {
          finished.current();
          if (next.value.state === 'done') await fetchPdf(next.value);
          return;
        }
      }
    },
    [api, fetchPdf],
  );

  const start = useCallback(
    async (filter: BadgeFilter, template: BadgeTemplate, output: 'pdf' | 'printer') => {
      setError(null);
      setDownload(null);
      const started = await api.call('badges.printStart', { filter, template, output });
      if (!started.ok) {
        setStatus(null);
        setError(started.error.message);
        return;
      }
      setStatus(started.value);
      await follow(started.value.jobId).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    [api, follow],
  );

  const cancel = useCallback(async () => {
    if (!status) return;
    const result = await api.call('badges.printCancel', { jobId: status.jobId });
    if (result.ok) setStatus(result.value);
  }, [api, status]);

  return { status, error, download, start, cancel, saveAgain: () => download && saveFile(download) };
}

/** A batch as the badges screen drives it. */
export type PrintJob = ReturnType<typeof usePrintJob>;

import { useEffect, useRef, useState } from 'react';
import type { BadgeSheet } from '../../../electron/contract';
import type { ApiClient } from '../../api/client';
import { BadgePages } from './badge_pages';
import { TEMPLATE_SPECS } from './badge_templates';
import { layOutForPrint, type LayoutReport, type Reporter } from './print_layout';

/** Reports the page's progress to the host; resolves false when the batch should stop. */
function reporterFor(api: ApiClient, jobId: string): Reporter {
  return async (report: LayoutReport) => {
    const answer = await api.call('badges.printReport', { jobId, ...report });
    return answer.ok && answer.value.proceed;
  };
}

/**
 * The page a print job opens in Chromium (hidden window, or headless): it fetches the
 * batch, lays the badges out and tells the host when it can be printed. Its words are for
 * the organiser reading a failed batch's message, in English like the host's messages.
 */
export function PrintPage({ api, jobId }: { api: ApiClient; jobId: string | null }) {
  const [sheet, setSheet] = useState<BadgeSheet | null>(null);
  const [problem, setProblem] = useState<string | null>(jobId ? null : 'This page prints a badge batch; open it from the Badges screen.');
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!jobId) return undefined;
    const report = reporterFor(api, jobId);
    const fail = (message: string) => {
      setProblem(message);
      void report({ laidOut: 0, ready: false, tight: [], problem: message.slice(0, 500) });
    };
    const onError = (event: ErrorEvent) => fail(event.message || 'a script error');
    const onRejection = (event: PromiseRejectionEvent) => fail(String((event.reason as Error | undefined)?.message ?? event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    void api.call('badges.printSheet', { jobId }).then((result) => {
      if (result.ok) setSheet(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [api, jobId]);

  useEffect(() => {
    if (!sheet || !jobId || !root.current) return;
    const spec = TEMPLATE_SPECS[sheet.design.template];
    const report = reporterFor(api, jobId);
    layOutForPrint(root.current, spec, report).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      setProblem(message);
      void report({ laidOut: 0, ready: false, tight: [], problem: message.slice(0, 500) });
    });
  }, [api, jobId, sheet]);

  if (problem) return <p className="print-problem" role="alert">{problem}</p>;
  return (
    <main ref={root} className="badge-print" data-template={sheet?.design.template}>
      {sheet ? <BadgePages sheet={sheet} spec={TEMPLATE_SPECS[sheet.design.template]} /> : null}
    </main>
  );
}

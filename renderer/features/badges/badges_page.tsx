import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeDesign, BadgeFilter, BadgeStatus } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { ErrorNotice, Page } from '../../ui/page';
import { EVERYONE, filterOf, SelectionPanel, type BadgeSelection } from './batch_panel';
import { BadgePreview } from './badge_preview';
import { TEMPLATE_SPECS } from './badge_templates';
import { DesignPanel } from './design_panel';
import { OutputPanel } from './output_panel';
import { StatusList } from './status_list';
import { usePrintJob, type PrintJob } from './use_print_job';
import './badges_page.css';

const SAVE_AFTER_MS = 500;
/** People listed (and offered to the preview) per selection. */
const LIST_LIMIT = 200;

/** Saves the design a moment after the last change, and at once before a batch or on leaving. */
function useDesignSaver() {
  const api = useApi();
  const pending = useRef<BadgeDesign | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    const design = pending.current;
    if (!design) return true;
    pending.current = null;
    setState('saving');
    const result = await api.call('badges.saveDesign', design);
    setState(result.ok ? 'saved' : 'idle');
    setError(result.ok ? null : result.error.message);
    return result.ok;
  }, [api]);
  const save = useCallback(
    (design: BadgeDesign) => {
      pending.current = design;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );
  useEffect(() => () => void flush(), [flush]);
  return { state, error, save, flush };
}

/** Live preview of the selection's people, a few at a time, optionally longest names first. */
function PreviewPane({ people, design }: { people: readonly BadgeStatus[]; design: BadgeDesign }) {
  const { t, i18n } = useTranslation();
  const spec = TEMPLATE_SPECS[design.template];
  const perPage = spec.layout === 'card' ? 6 : 4;
  const [start, setStart] = useState(0);
  const [longestFirst, setLongestFirst] = useState(false);
  const ordered = useMemo(() => {
    const length = (p: BadgeStatus) => Math.max(p.displayName.length, p.nativeName.length);
    return longestFirst ? [...people].sort((a, b) => length(b) - length(a)) : people;
  }, [people, longestFirst]);
  const from = start < ordered.length ? start : 0;
  const ids = ordered.slice(from, from + perPage).map((p) => p.participantId);
  const preview = useApiQuery('badges.preview', { participantIds: ids });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="badge-preview" aria-labelledby="badge-preview-title">
      <div className="preview-toolbar">
        <h2 id="badge-preview-title" className="panel-title">{t('badges.preview')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={longestFirst} onChange={(e) => setLongestFirst(e.target.checked)} data-testid="longest-first" />
          {t('badges.longestFirst')}
        </label>
        {ordered.length > perPage ? (
          <span className="pager">
            <button type="button" disabled={from === 0} onClick={() => setStart(Math.max(0, from - perPage))}>{t('badges.previous')}</button>
            <span>{t('badges.previewOf', { from: number.format(from + 1), to: number.format(Math.min(ordered.length, from + perPage)), total: number.format(ordered.length) })}</span>
            <button type="button" disabled={from + perPage >= ordered.length} onClick={() => setStart(from + perPage)} data-testid="preview-next">{t('badges.next')}</button>
          </span>
        ) : null}
      </div>
      {preview.status === 'error' ? <p className="notice notice-error" role="alert">{preview.error.message}</p> : null}
      {preview.value ? <BadgePreview items={preview.value.items} design={design} event={preview.value.event} spec={spec} /> : null}
    </section>
  );
}

/** The selection's people: the batch to print, the preview, and who has a badge. */
function SelectionWork({ filter, design, notPrintedOnly, outputs, onPrint, job }: {
  filter: BadgeFilter;
  design: BadgeDesign;
  notPrintedOnly: boolean;
  outputs: { pdf: boolean; printDialog: boolean; problem: string | null } | null;
  onPrint: (output: 'pdf' | 'printer') => void;
  job: PrintJob;
}) {
  const list = useApiQuery('badges.list', { filter, limit: LIST_LIMIT });
  const items = list.value?.items ?? [];
  return (
    <>
      <OutputPanel
        total={list.value?.total ?? null}
        printed={list.value?.printed ?? 0}
        notPrintedOnly={notPrintedOnly}
        outputs={outputs}
        job={job}
        items={items}
        onStart={onPrint}
      />
      {items.length ? <PreviewPane people={items} design={design} /> : null}
      {list.value && list.value.total > 0 ? <StatusList items={items} total={list.value.total} /> : null}
    </>
  );
}

/** Badges: design, live preview with real names, batches to PDF or printer, printed status. */
export function BadgesPage() {
  const { t } = useTranslation();
  const designQuery = useApiQuery('badges.design', {});
  const event = useApiQuery('event.current', {});
  const delegations = useApiQuery('delegations.list', {});
  const categories = useApiQuery('categories.list', {});
  const [draft, setDraft] = useState<BadgeDesign | null>(null);
  const [selection, setSelection] = useState<BadgeSelection>(EVERYONE);
  const saver = useDesignSaver();
  // Each finished batch changes serials and print times: the selection's view is read afresh.
  const [batches, setBatches] = useState(0);
  const job = usePrintJob(() => setBatches((n) => n + 1));
  const design = draft ?? designQuery.value?.design ?? null;
  const filter = filterOf(selection);

  const change = (next: BadgeDesign) => {
    setDraft(next);
    saver.save(next);
  };
  const print = (output: 'pdf' | 'printer') => {
    if (!design || !filter) return;
    void saver.flush().then((saved) => (saved ? job.start(filter, design.template, output) : undefined));
  };

  return (
    <Page
      title={t('badges.title')}
      subtitle={t('badges.subtitle')}
      actions={saver.state === 'idle' ? null : <span className="muted small" role="status">{t(saver.state === 'saving' ? 'badges.saving' : 'badges.saved')}</span>}
    >
      {designQuery.status === 'error' ? <ErrorNotice message={designQuery.error.message} onRetry={designQuery.reload} retryLabel={t('common.retry')} /> : null}
      {saver.error ? <p className="notice notice-error" role="alert">{saver.error}</p> : null}
      {design ? (
        <div className="badges-layout">
          <div className="badges-controls">
            <SelectionPanel selection={selection} onChange={setSelection} delegations={delegations.value ?? []} categories={categories.value ?? []} />
            <DesignPanel design={design} eventName={event.value?.name ?? ''} onChange={change} />
          </div>
          <div className="badges-work">
            {filter ? (
              <SelectionWork key={batches} filter={filter} design={design} notPrintedOnly={selection.notPrinted} outputs={designQuery.value?.outputs ?? null} onPrint={print} job={job} />
            ) : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}

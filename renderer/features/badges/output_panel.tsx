import { useTranslation } from 'react-i18next';
import type { BadgeStatus, PrintJobStatus } from '../../../electron/contract';
import type { PdfDownload, PrintJob } from './use_print_job';

/** A size in megabytes or kilobytes, in the UI's locale. */
function fileSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${number.format(bytes / 1024 / 1024)} MB` : `${number.format(Math.ceil(bytes / 1024))} KB`;
}

/** A running batch: where it is, with a way out. */
function Progress({ status, onCancel }: { status: PrintJobStatus; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = t(`badges.stage.${status.stage === 'finished' ? 'pdf' : status.stage}`, { done: status.laidOut, total: status.total });
  return (
    <div className="print-progress" role="status" aria-live="polite" data-testid="print-progress">
      {status.stage === 'layout' ? <progress value={status.laidOut} max={status.total} aria-label={label} /> : <progress aria-label={label} />}
      <span>{label}</span>
      <button type="button" onClick={onCancel} data-testid="print-cancel">{t('badges.cancel')}</button>
    </div>
  );
}

/** How a batch ended, what it changed, and what to look at. */
function Outcome({ status, download, names, onSaveAgain }: {
  status: PrintJobStatus;
  download: PdfDownload | null;
  names: ReadonlyMap<number, string>;
  onSaveAgain: () => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (status.state === 'cancelled') return <p className="notice" role="status">{status.message && status.output === 'printer' ? status.message : t('badges.cancelled')}</p>;
  if (status.state === 'failed') return <p className="notice notice-error" role="alert">{t('badges.failed', { message: status.message ?? '' })}</p>;
  const count = { count: status.total, formatted: number.format(status.total) };
  const tight = status.tight.map((id) => names.get(id) ?? `#${id}`);
  return (
    <div className="notice notice-ok" role="status" data-testid="print-done">
      <p>
        {status.pdf
          ? t('badges.done', { ...count, file: status.pdf.fileName, size: fileSize(status.pdf.bytes, i18n.language) })
          : t('badges.printed', count)}
        {download ? <> <button type="button" className="link" onClick={onSaveAgain}>{t('badges.downloadAgain')}</button></> : null}
      </p>
      {status.reprints ? <p>{t('badges.replaced', { count: status.reprints, formatted: number.format(status.reprints) })}</p> : null}
      {tight.length ? <p>{t('badges.tight', { names: tight.join(', ') })}</p> : null}
    </div>
  );
}

/** The batch's size, its warning about replaced badges, the buttons, and the batch's progress. */
export function OutputPanel({ total, printed, notPrintedOnly, outputs, job, items, onStart }: {
  total: number | null;
  printed: number;
  notPrintedOnly: boolean;
  outputs: { pdf: boolean; printDialog: boolean; problem: string | null } | null;
  job: PrintJob;
  items: readonly BadgeStatus[];
  onStart: (output: 'pdf' | 'printer') => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const running = job.status?.state === 'running';
  const empty = total === null || total === 0;
  const names = new Map(items.map((i) => [i.participantId, i.displayName]));
  return (
    <section className="badge-panel output-panel" aria-labelledby="badge-output-title">
      <h2 id="badge-output-title" className="panel-title" data-testid="badge-count">
        {total === null ? '…' : total === 0 ? t('badges.nobody') : t('badges.selection', { count: total, formatted: number.format(total) })}
      </h2>
      {printed > 0 && !notPrintedOnly ? (
        <p className="warning small" data-testid="reprint-warning">{t('badges.alreadyPrinted', { count: printed, formatted: number.format(printed) })}</p>
      ) : null}
      {outputs?.problem ? <p className="notice notice-error" role="alert">{t('badges.outputsProblem', { problem: outputs.problem })}</p> : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={empty || running || !outputs?.pdf} onClick={() => onStart('pdf')} data-testid="save-pdf">
          {t('badges.savePdf')}
        </button>
        {outputs?.printDialog ? (
          <button type="button" disabled={empty || running} onClick={() => onStart('printer')} data-testid="print-dialog">{t('badges.print')}</button>
        ) : null}
      </div>
      {job.error ? <p className="notice notice-error" role="alert">{job.error}</p> : null}
      {job.status && running ? <Progress status={job.status} onCancel={() => void job.cancel()} /> : null}
      {job.status && !running ? <Outcome status={job.status} download={job.download} names={names} onSaveAgain={job.saveAgain} /> : null}
    </section>
  );
}

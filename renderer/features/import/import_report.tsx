import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { ProblemList } from './problem_text';

/** What the import did; people missing from the file can be cancelled here, explicitly. */
export function ImportReportView({ report, onAnother, onDone }: { report: ImportReport; onAnother: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const n = new Intl.NumberFormat(i18n.language);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(() => new Set(report.missing.map((m) => m.id)));
  const [cancelled, setCancelled] = useState<number | null>(null);
  const [error, setError] = useState('');
  const counts: Array<[string, number]> = [
    ['rowsRead', report.rowsRead],
    ['added', report.added],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['skipped', report.skipped],
  ];
  const cancelMissing = async () => {
    const result = await api.call('import.cancelMissing', { ids: [...ticked] });
    if (result.ok) setCancelled(result.value.cancelled);
    else setError(result.error.message);
  };
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title" tabIndex={-1}>{t('import.report.title', { file: report.fileName })}</h2>
      {report.dryRun ? <p className="notice">{t('import.report.dryRun')}</p> : null}
      <dl className="import-plan">
        {counts.map(([key, value]) => (
          <div key={key} className="import-plan-item" data-testid={`import-report-${key}`}>
            <dt>{t(`import.report.${key}`)}</dt>
            <dd>{n.format(value)}</dd>
          </div>
        ))}
      </dl>
      {report.restored ? <p>{t('import.report.restored', { count: report.restored })}</p> : null}
      {report.delegationsCreated.length ? <p><bdi>{t('import.report.delegations', { names: report.delegationsCreated.map((n) => `\u2068${n}\u2069`).join(', ') })}</bdi></p> : null}

      {report.missingTotal ? (
        <section className="import-section" aria-labelledby="import-missing-title" data-testid="import-missing">
          <h3 id="import-missing-title">{t('import.report.missingTitle')}</h3>
          <p>{t('import.report.missingHint', { count: report.missingTotal, source: report.source })}</p>
          <ul className="import-missing-list">
            {report.missing.map((m) => (
              <li key={m.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={ticked.has(m.id)}
                    disabled={cancelled !== null}
                    onChange={(e) => {
                      const next = new Set(ticked);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      setTicked(next);
                    }}
                  />
                  <bdi>{m.displayName}</bdi>
                  {m.organisation ? <span className="muted"> · <bdi>{m.organisation}</bdi></span> : null}
                  {m.externalId ? <span className="muted"> · <bdi>{m.externalId}</bdi></span> : null}
                </label>
              </li>
            ))}
          </ul>
          {cancelled === null ? (
            <button type="button" disabled={ticked.size === 0} onClick={() => void cancelMissing()} data-testid="import-cancel-missing">
              {t('import.report.cancelMissing')}
            </button>
          ) : (
            <p role="status">{t('import.report.cancelledMissing', { count: cancelled })}</p>
          )}
          {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
        </section>
      ) : null}

      {report.likelyDuplicates.length ? (
        <section className="import-section" aria-labelledby="import-dupes-title" data-testid="import-duplicates">
          <h3 id="import-dupes-title">{t('import.report.duplicatesTitle')}</h3>
          <p className="muted">{t('import.report.duplicatesHint')}</p>
          <ul>
            {report.likelyDuplicates.map((d, i) => (
              <li key={i}>
                <bdi>{d.names.join(' / ')}</bdi>{' '}
                <span className="muted">({t(`import.report.reason.${d.reason}`)}{d.rows.length ? ` · ${t('import.report.rows', { rows: d.rows.join(', ') })}` : ''})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ProblemList problems={report.problems} total={report.problemTotal} fileName={report.fileName} testId="import-report-problems" />
      <div className="import-actions">
        <button type="button" className="primary" onClick={onDone} data-testid="import-to-participants">{t('import.report.toParticipants')}</button>
        <button type="button" onClick={onAnother}>{t('import.report.another')}</button>
      </div>
    </section>
  );
}

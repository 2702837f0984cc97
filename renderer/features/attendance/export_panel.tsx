import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendanceFormatSchema, AttendanceReportSchema, type AttendanceFormat, type AttendanceReport } from '../../../electron/contract';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/api_context';
import { saveChunkedExport } from '../../api/save_export';

/** Builds a report at the host, fetches its base64 chunks, and saves the file through a link. */
async function download(api: ApiClient, report: AttendanceReport, format: AttendanceFormat, sessionId: number | null): Promise<string | null> {
  const ready = await api.call('checkin.export', { report, format, sessionId });
  if (!ready.ok) return ready.error.message;
  return saveChunkedExport(ready.value, (index) => api.call('checkin.exportChunk', { exportId: ready.value.exportId, index }));
}

/**
 * The records, for per-diem claims, certificates and the commission's report: attendance,
 * arrival times, no-shows, scanned twice and the full scan log, of the event or the chosen
 * session, as CSV, XLSX or PDF. Personal data leaves the event here: the host's own screens only.
 */
export function ExportPanel({ sessionId }: { sessionId: number | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const [report, setReport] = useState<AttendanceReport>('attendance');
  const [busy, setBusy] = useState<AttendanceFormat | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (format: AttendanceFormat) => {
    setBusy(format);
    setMessage(null);
    const problem = await download(api, report, format, sessionId);
    setBusy(null);
    setMessage(problem ? { text: problem, error: true } : { text: t('attendance.exported', { report: t(`attendance.report.${report}`), format: format.toUpperCase() }), error: false });
  };
  return (
    <section className="card att-export" aria-labelledby="att-export-title">
      <h2 id="att-export-title">{t('attendance.exportTitle')}</h2>
      <div className="att-export-row">
        <label className="att-field">
          <span>{t('attendance.exportWhich')}</span>
          <select value={report} onChange={(e) => setReport(AttendanceReportSchema.parse(e.target.value))} data-testid="att-export-report">
            {AttendanceReportSchema.options.map((r) => (
              <option key={r} value={r}>{t(`attendance.report.${r}`)}</option>
            ))}
          </select>
        </label>
        <span className="att-button-group" role="group" aria-label={t('attendance.exportTitle')}>
          {AttendanceFormatSchema.options.map((f) => (
            <button key={f} type="button" onClick={() => void run(f)} disabled={busy !== null} data-testid={`att-export-${f}`}>
              {busy === f ? t('attendance.exporting') : f.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <p className="muted att-export-hint">{t(`attendance.reportHint.${report}`)}</p>
      {message ? (
        <p className={message.error ? 'notice notice-error' : 'att-export-done'} role={message.error ? 'alert' : 'status'} data-testid="att-export-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

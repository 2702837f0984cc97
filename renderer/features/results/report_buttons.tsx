import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountReportFormat } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { saveChunkedExport } from '../../api/save_export';

/**
 * The count sheet and result as CSV or PDF: the host builds the file (the PDF in its Chromium,
 * a few seconds) and the console fetches it in chunks, as the attendance exports do. A failure
 * (no Chromium on the host, an expired export) is handed to the controls' notice.
 */
export function ReportButtons({ roundId, onProblem }: { roundId: number; onProblem: (message: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<CountReportFormat | null>(null);
  const save = async (format: CountReportFormat) => {
    setBusy(format);
    onProblem(null);
    try {
      const ready = await api.call('count.report', { roundId, format });
      if (!ready.ok) return onProblem(ready.error.message);
      onProblem(await saveChunkedExport(ready.value, (index) => api.call('count.reportChunk', { exportId: ready.value.exportId, index })));
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="report-buttons" role="group" aria-label={t('countShow.controls.reports')}>
      <button type="button" onClick={() => void save('csv')} disabled={busy !== null} data-testid="report-csv">
        {busy === 'csv' ? t('countShow.controls.making') : t('countShow.controls.csv')}
      </button>
      <button type="button" onClick={() => void save('pdf')} disabled={busy !== null} aria-busy={busy === 'pdf'} data-testid="report-pdf">
        {busy === 'pdf' ? t('countShow.controls.making') : t('countShow.controls.pdf')}
      </button>
    </span>
  );
}

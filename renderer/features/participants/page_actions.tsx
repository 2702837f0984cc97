import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, Participant, ParticipantChange } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { saveChunkedExport } from '../../api/save_export';
import { useApiQuery } from '../../api/use_api_query';
import type { ListFilter } from './use_participant_rows';

/** The words for a change as undo offers it: "Undo: edited Kim Min-jun". */
function useChangeLabel(): (change: ParticipantChange) => string {
  const { t } = useTranslation();
  return (change) => {
    switch (change.kind) {
      case 'create':
        return t('people.undoCreate', { name: change.participantName });
      case 'update':
        return t('people.undoUpdate', { name: change.participantName });
      case 'cancel':
        return t('people.undoCancel', { name: change.participantName });
      case 'restore':
        return t('people.undoRestore', { name: change.participantName });
      case 'merge':
        return t('people.undoMerge', { name: change.participantName });
    }
  };
}

/**
 * Undo of this screen's last change, done by the host from the row it kept before the change.
 * Ctrl+Z (Cmd+Z) works too, when the focus is not in a text field.
 */
export function UndoButton({ onDone }: { onDone: (message: string, participant: Participant | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const last = useApiQuery('participants.lastChange', {});
  const label = useChangeLabel();
  const [busy, setBusy] = useState(false);
  const change = last.value ?? null;

  const undo = async () => {
    if (!change || busy) return;
    setBusy(true);
    const result = await api.call('participants.undo', { changeId: change.id });
    setBusy(false);
    last.reload();
    onDone(result.ok ? t('people.undone', { what: label(change) }) : result.error.message, result.ok ? result.value.participant : null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!change) return null;
  return (
    <button type="button" className="pp-undo" onClick={() => void undo()} disabled={busy} data-testid="undo-button" title={t('people.undoHint')} aria-keyshortcuts="Control+Z">
      ↶ <bdi className="cell-text">{label(change)}</bdi>
    </button>
  );
}

/** Has the host build the export of the list as shown, then saves it. */
async function download(api: ReturnType<typeof useApi>, format: ExportFormat, filter: ListFilter): Promise<string | null> {
  const ready = await api.call('participants.export', { ...filter, format });
  if (!ready.ok) return ready.error.message;
  return saveChunkedExport(ready.value, (index) => api.call('participants.exportChunk', { exportId: ready.value.exportId, index }));
}

/** Export of the list as shown (search, filters, order): CSV or XLSX, built by the host. */
export function ExportButtons({ filter, onDone }: { filter: ListFilter; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    const problem = await download(api, format, filter);
    setBusy(null);
    onDone(problem ?? t('people.exported', { format: format.toUpperCase() }));
  };
  return (
    <span className="pp-button-group" role="group" aria-label={t('people.export')}>
      <button type="button" onClick={() => void run('csv')} disabled={busy !== null} data-testid="export-csv">
        {busy === 'csv' ? t('people.exporting') : t('people.exportCsv')}
      </button>
      <button type="button" onClick={() => void run('xlsx')} disabled={busy !== null} data-testid="export-xlsx">
        {busy === 'xlsx' ? t('people.exporting') : t('people.exportXlsx')}
      </button>
    </span>
  );
}

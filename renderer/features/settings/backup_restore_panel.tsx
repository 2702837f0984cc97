import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupPreview } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { BackupFacts } from './backup_facts';
import { formatTakenAt, reasonKey } from './backup_format';

/**
 * One backup opened for a closer look: what it holds (read from the backup itself), and a
 * restore that asks once more and says what happens to the current state.
 */
export function BackupRestorePanel({ backup, onClose, onRestored }: { backup: BackupInfo; onClose: () => void; onRestored: (takenAt: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (loaded !== backup.name) {
    setLoaded(backup.name);
    setPreview(null);
    setProblem(null);
    setConfirming(false);
    void api.call('backup.preview', { name: backup.name }).then((r) => (r.ok ? setPreview(r.value.preview) : setProblem(r.error.message)));
  }

  async function restore() {
    setBusy(true);
    const r = await api.call('backup.restore', { name: backup.name });
    setBusy(false);
    if (r.ok) onRestored(r.value.restored.takenAt);
    else setProblem(r.error.message);
  }

  return (
    <section className="backup-panel" aria-label={t('backup.previewTitle')} data-testid="backup-preview">
      <h3>
        {t('backup.previewTitle')} · {formatTakenAt(backup.takenAt, i18n.language)} <span className="muted">({t(reasonKey(backup.reason))})</span>
      </h3>
      {problem ? (
        <p className="notice notice-error" role="alert">{problem}</p>
      ) : preview ? (
        <BackupFacts preview={preview} />
      ) : (
        <p className="muted">{t('backup.reading')}</p>
      )}
      <div className="toolbar backup-actions">
        {confirming ? (
          <>
            <p className="backup-warning">{t('backup.restoreConfirm')}</p>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore()} data-testid="backup-restore-confirm">
              {busy ? t('backup.restoring') : t('backup.restoreNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>{t('backup.cancel')}</button>
          </>
        ) : (
          <>
            <button type="button" className="primary" disabled={!preview} onClick={() => setConfirming(true)} data-testid="backup-restore">
              {t('backup.restore')}
            </button>
            <button type="button" onClick={onClose}>{t('backup.close')}</button>
          </>
        )}
      </div>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { BackupFacts } from './backup_facts';
import { formatSize, formatTakenAt } from './backup_format';

type Seen = MethodOutput<'backup.previewFile'>;

/** An event name inside a sentence, isolated so a Latin name keeps its order in an Arabic one (and the reverse). */
const isolate = (s: string) => `\u2068${s}\u2069`;

/**
 * "Restore from a file": a backup anywhere on the host (the USB stick it was written to,
 * another laptop's copy). The host reads it without writing to it and shows what it holds;
 * a backup of another event is named as such and cannot be restored here; restoring asks
 * once more and says what is replaced and where the current state is kept.
 */
export function BackupRestoreFile({ onRestored }: { onRestored: (path: string, takenAt: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [source, setSource] = useState('');
  const [seen, setSeen] = useState<Seen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  function edit(value: string) {
    // A preview belongs to the path it was read from: typing another one withdraws it.
    setSource(value);
    setSeen(null);
    setProblem(null);
    setConfirming(false);
  }

  async function preview(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSeen(null);
    setConfirming(false);
    const r = await api.call('backup.previewFile', { path: source.trim() });
    setBusy(false);
    if (r.ok) {
      setSeen(r.value);
      setProblem(null);
    } else setProblem(r.error.message);
  }

  async function restore() {
    if (!seen) return;
    setBusy(true);
    const r = await api.call('backup.restoreFile', { path: seen.path });
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      setSeen(null);
      setProblem(null);
      setSource('');
      onRestored(r.value.restored.path, r.value.restored.takenAt);
    } else setProblem(r.error.message);
  }

  const when = seen ? formatTakenAt(seen.takenAt, i18n.language) : '';
  return (
    <div className="backup-file" data-testid="backup-from-file">
      <form className="backup-to" onSubmit={(e) => void preview(e)}>
        <label>
          {t('backup.file.label')}
          <input value={source} onChange={(e) => edit(e.target.value)} placeholder={t('backup.toPlaceholder')} required maxLength={4096} dir="ltr" data-testid="backup-from-path" />
        </label>
        <button type="submit" disabled={busy || !source.trim()} data-testid="backup-from-preview">{t('backup.file.preview')}</button>
        <p className="muted">{t('backup.file.hint')}</p>
      </form>
      {problem ? (
        <p className="notice notice-error" role="alert" data-testid="backup-from-problem">
          <span>{problem}</span>
          <button type="button" onClick={() => setProblem(null)}>{t('common.dismiss')}</button>
        </p>
      ) : null}
      {seen ? (
        <section className="backup-panel" aria-label={t('backup.file.previewTitle')} data-testid="backup-file-preview">
          <h3>{t('backup.file.previewTitle')}</h3>
          {seen.sameEvent ? null : (
            <div className="notice notice-error backup-other-event" role="alert" data-testid="backup-file-other-event">
              <p>{t('backup.file.otherEvent', { name: isolate(seen.preview.eventName), open: isolate(seen.openEventName) })}</p>
              <code dir="ltr">delegate-desk restore &quot;{seen.path}&quot; --data-dir NEW-FOLDER</code>
            </div>
          )}
          <BackupFacts preview={seen.preview}>
            <dt>{t('backup.file.path')}</dt>
            <dd><code dir="ltr">{seen.path}</code></dd>
            <dt>{seen.takenAtFrom === 'name' ? t('backup.takenAt') : t('backup.file.savedAt')}</dt>
            <dd>{when}</dd>
            <dt>{t('backup.size')}</dt>
            <dd><span dir="ltr">{formatSize(seen.sizeBytes, i18n.language)}</span></dd>
          </BackupFacts>
          <div className="toolbar backup-actions">
            {confirming ? (
              <>
                <p className="backup-warning" data-testid="backup-file-confirm-text">{t('backup.file.confirm', { open: isolate(seen.openEventName), time: when })}</p>
                <button type="button" className="primary" disabled={busy} onClick={() => void restore()} data-testid="backup-file-restore-confirm">
                  {busy ? t('backup.restoring') : t('backup.restoreNow')}
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirming(false)}>{t('backup.cancel')}</button>
              </>
            ) : (
              <>
                <button type="button" className="primary" disabled={!seen.sameEvent || busy} onClick={() => setConfirming(true)} data-testid="backup-file-restore">
                  {t('backup.file.restore')}
                </button>
                <button type="button" onClick={() => setSeen(null)}>{t('backup.close')}</button>
              </>
            )}
          </div>
        </section>
      ) : null}
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { ErrorNotice } from '../../ui/page';
import { formatSize, formatTakenAt, reasonKey } from './backup_format';
import { BackupRestoreFile } from './backup_restore_file';
import { BackupRestorePanel } from './backup_restore_panel';
import './backup.css';

/**
 * Backups of the open event: when the last one was taken, back up now or to a file (a USB
 * stick), restore from such a file, every backup with a preview and restore, and, when the database failed its check at
 * open, the newest good backup offered at the top (never restored without being asked).
 */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const status = useApiQuery('backup.status', {}, ['event.changed', 'data.changed']);
  const [selected, setSelected] = useState<BackupInfo | null>(null);
  // Our own messages are kept as catalogue keys, so switching the language re-renders them.
  const [message, setMessage] = useState<{ key?: string; params?: Record<string, string>; text?: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState('');
  const { reload } = status;

  // Automatic backups happen without a push: look again every half minute while the screen is open.
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);

  async function backUpNow() {
    setBusy(true);
    const r = await api.call('backup.now', {});
    setBusy(false);
    setMessage(r.ok ? { key: 'backup.taken', params: { at: r.value.takenAt }, error: false } : { text: r.error.message, error: true });
    reload();
  }

  async function backUpTo(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.call('backup.toPath', { path: target.trim() });
    setBusy(false);
    setMessage(r.ok ? { key: 'backup.writtenTo', params: { path: r.value.path, bytes: String(r.value.sizeBytes) }, error: false } : { text: r.error.message, error: true });
  }

  const value = status.value;
  const damage = value?.damage ?? null;
  return (
    <div className="card" data-testid="backup-section">
      <h2>{t('backup.title')}</h2>
      {status.status === 'error' ? <ErrorNotice message={status.error.message} onRetry={reload} retryLabel={t('common.retry')} /> : null}
      {damage ? (
        <div className="notice notice-error backup-damage" role="alert" data-testid="backup-damage">
          <span>
            {t('backup.damaged')} {damage.offer ? t('backup.damagedOffer', { time: formatTakenAt(damage.offer.takenAt, i18n.language) }) : t('backup.damagedNoOffer')}
          </span>
          {damage.offer ? (
            <button type="button" onClick={() => setSelected(damage.offer)}>{t('backup.previewOffer')}</button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className={message.error ? 'notice notice-error' : 'notice backup-ok'} role={message.error ? 'alert' : 'status'}>
          <span>
            {message.key
              ? t(message.key, {
                  path: message.params?.['path'],
                  time: message.params?.['at'] ? formatTakenAt(message.params['at'], i18n.language) : undefined,
                  size: message.params?.['bytes'] ? formatSize(Number(message.params['bytes']), i18n.language) : undefined,
                })
              : message.text}
          </span>
          <button type="button" onClick={() => setMessage(null)}>{t('common.dismiss')}</button>
        </p>
      ) : null}
      {value ? (
        <p className="muted" data-testid="backup-summary">
          {value.lastBackupAt ? t('backup.last', { time: formatTakenAt(value.lastBackupAt, i18n.language) }) : t('backup.noneYet')}{' '}
          {t('backup.auto', { count: value.intervalMinutes })}{' '}
          {value.changedSinceBackup ? <span className="pill backup-changed">{t('backup.changed')}</span> : null}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()} data-testid="backup-now">{t('backup.now')}</button>
      </div>
      <form className="backup-to" onSubmit={(e) => void backUpTo(e)}>
        <label>
          {t('backup.toLabel')}
          <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={t('backup.toPlaceholder')} required maxLength={4096} dir="ltr" data-testid="backup-to-path" />
        </label>
        <button type="submit" disabled={busy || !target.trim()}>{t('backup.toButton')}</button>
        <p className="muted">{t('backup.toHint')}</p>
      </form>
      <BackupRestoreFile
        onRestored={(from, takenAt) => {
          setSelected(null);
          setMessage({ key: 'backup.file.restored', params: { path: from, at: takenAt }, error: false });
          reload();
        }}
      />
      {value && value.backups.length > 0 ? (
        <table className="backup-list" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('backup.takenAt')}</th>
              <th scope="col">{t('backup.why')}</th>
              <th scope="col">{t('backup.size')}</th>
              <th scope="col"><span className="visually-hidden">{t('backup.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {value.backups.map((b) => (
              <tr key={b.name} aria-selected={selected?.name === b.name}>
                <td>{formatTakenAt(b.takenAt, i18n.language)}</td>
                <td>{t(reasonKey(b.reason))}</td>
                <td><span dir="ltr">{formatSize(b.sizeBytes, i18n.language)}</span></td>
                <td><button type="button" onClick={() => setSelected(b)}>{t('backup.preview')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : value ? (
        <p className="muted">{t('backup.emptyList')}</p>
      ) : null}
      {selected ? (
        <BackupRestorePanel
          backup={selected}
          onClose={() => setSelected(null)}
          onRestored={(takenAt) => {
            setSelected(null);
            setMessage({ key: 'backup.restored', params: { at: takenAt }, error: false });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupPreview } from '../../../electron/contract';
import { formatTakenAt } from './backup_format';

/** What a backup holds, read from the backup itself; `children` adds rows (a file's path, size, time) first. */
export function BackupFacts({ preview, children }: { preview: BackupPreview; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <dl className="facts" data-testid="backup-facts">
      {children}
      <dt>{t('backup.event')}</dt>
      <dd><bdi>{preview.eventName}</bdi></dd>
      <dt>{t('backup.participants')}</dt>
      <dd>{count(preview.participants)}</dd>
      <dt>{t('backup.checkIns')}</dt>
      <dd>{count(preview.checkIns)}</dd>
      <dt>{t('backup.rounds')}</dt>
      <dd>{count(preview.rounds)}</dd>
      <dt>{t('backup.lastChange')}</dt>
      <dd>{preview.lastChangeAt ? formatTakenAt(preview.lastChangeAt, i18n.language) : t('backup.none')}</dd>
      <dt>{t('backup.schema')}</dt>
      <dd>{preview.schemaVersion}</dd>
    </dl>
  );
}

import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { LanguageSwitch } from '../../app/language_switch';
import { languageName } from '../../ui/names';
import { ErrorNotice, Page } from '../../ui/page';
import { EventSwitcher } from './event_switcher';
import { BackupSection } from './backup_section';
import { ErasePersonSection } from './erase_person_section';

/** Settings: the staff UI language, the open event's details and backups, switching or creating events, erasure on request. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const event = useApiQuery('event.current', {});
  return (
    <Page title={t('settings.title')}>
      <div className="card">
        <h2>{t('settings.language')}</h2>
        <p className="muted">{t('settings.languageHint')}</p>
        <LanguageSwitch />
      </div>
      <div className="card" data-testid="event-details">
        <h2>{t('settings.thisEvent')}</h2>
        {event.status === 'error' ? (
          <ErrorNotice message={event.error.message} onRetry={event.reload} retryLabel={t('common.retry')} />
        ) : null}
        {event.value ? (
          <dl className="facts">
            <dt>{t('settings.eventName')}</dt>
            <dd><bdi>{event.value.name}</bdi></dd>
            <dt>{t('settings.dates')}</dt>
            <dd>{event.value.startDate} – {event.value.endDate}</dd>
            <dt>{t('settings.timezone')}</dt>
            <dd>{event.value.timezone}</dd>
            <dt>{t('settings.eventLanguages')}</dt>
            <dd>{event.value.languages.map((l) => languageName(l, i18n.language)).join(', ')}</dd>
            <dt>{t('settings.folder')}</dt>
            <dd><code>{event.value.folderName}</code></dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{event.value.schemaVersion}</dd>
          </dl>
        ) : null}
      </div>
      <BackupSection />
      <EventSwitcher />
      <ErasePersonSection />
    </Page>
  );
}

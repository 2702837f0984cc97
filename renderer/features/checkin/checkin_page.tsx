import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/routes';
import { EmptyState, Page } from '../../ui/page';

/** The check-in desk. Scanning arrives with the badges and check-in features; until then it says so. */
export function CheckinPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('checkin.title')}>
      <EmptyState icon="checkin" title={t('checkin.emptyTitle')}>
        <p>{t('checkin.emptyBody')}</p>
        <button type="button" className="primary" onClick={() => navigate('participants')}>
          {t('checkin.goToParticipants')}
        </button>
      </EmptyState>
    </Page>
  );
}

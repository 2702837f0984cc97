import { useTranslation } from 'react-i18next';
import { EmptyState, Page } from '../../ui/page';

/** Results of counted rounds; empty until the experience room has counted one. */
export function ResultsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('results.title')}>
      <EmptyState icon="results" title={t('results.emptyTitle')}>
        <p>{t('results.emptyBody')}</p>
      </EmptyState>
    </Page>
  );
}

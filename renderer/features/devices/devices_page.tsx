import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, Page } from '../../ui/page';

/** Devices on the LAN. Only this host exists until pairing lands; the page says so. */
export function DevicesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const health = useApiQuery('health', {});
  const where = api.transport.kind === 'ipc' ? t('devices.desktopWindow') : window.location.origin;
  return (
    <Page title={t('devices.title')}>
      <div className="card" data-testid="this-host">
        <h2>{t('devices.thisHost')}</h2>
        <dl className="facts">
          <dt>{t('devices.connection')}</dt>
          <dd><bdi>{where}</bdi></dd>
          <dt>{t('devices.version')}</dt>
          <dd>{health.value?.version ?? '…'}</dd>
          <dt>{t('devices.reach')}</dt>
          <dd>{t('devices.loopbackOnly')}</dd>
        </dl>
      </div>
      <EmptyState icon="devices" title={t('devices.emptyTitle')}>
        <p>{t('devices.emptyBody')}</p>
      </EmptyState>
    </Page>
  );
}

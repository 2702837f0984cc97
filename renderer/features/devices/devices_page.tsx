import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushTopic } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';
import { ErrorNotice, Page } from '../../ui/page';
import { DeviceTable } from './device_table';
import { NetworkCard } from './network_card';
import { PairCard } from './pair_card';
import './devices.css';

const ON_DEVICES: readonly PushTopic[] = ['devices.changed', 'event.changed'];

/**
 * The devices screen (admin only): whether LAN devices can reach this host and at which
 * address, pairing new devices with a code, and every device with its state, live.
 */
export function DevicesPage() {
  const { t } = useTranslation();
  const network = useApiQuery('devices.network', {}, ON_DEVICES);
  const pairings = useApiQuery('devices.pairings', {}, ON_DEVICES);
  const devices = useApiQuery('devices.list', {}, ON_DEVICES);
  const [problem, setProblem] = useState<string | null>(null);
  const lanOn = network.value?.addresses.some((a) => a.kind === 'lan') ?? false;

  return (
    <Page title={t('devices.title')} subtitle={t('deviceAdmin.subtitle')}>
      {network.status === 'error' ? <ErrorNotice message={network.error.message} onRetry={network.reload} retryLabel={t('common.retry')} /> : null}
      {network.value ? <NetworkCard network={network.value} onChanged={network.reload} /> : null}
      <PairCard offers={pairings.value ?? []} lanOn={lanOn} onChanged={pairings.reload} />
      {problem ? (
        <div className="notice notice-error" role="alert">
          <span>{problem}</span>
          <button type="button" onClick={() => setProblem(null)}>{t('common.dismiss')}</button>
        </div>
      ) : null}
      {devices.status === 'error' ? <ErrorNotice message={devices.error.message} onRetry={devices.reload} retryLabel={t('common.retry')} /> : null}
      {devices.value ? (
        <DeviceTable
          devices={devices.value}
          onChanged={(p) => {
            setProblem(p);
            devices.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostNetwork } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { QrImage } from './qr_image';

/** The address devices should open: the first real LAN address (a test stand-in only if nothing else). */
export function primaryLanUrl(network: HostNetwork): string | null {
  const lan = network.addresses.filter((a) => a.kind === 'lan');
  return (lan.find((a) => a.interface !== 'test stand-in') ?? lan[0])?.url ?? null;
}

/**
 * Where this host can be reached: LAN on or off (remembered), the addresses to open with a
 * QR code, and what plain http means for tablets (no camera) or the certificate to trust.
 */
export function NetworkCard({ network, onChanged }: { network: HostNetwork; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const main = primaryLanUrl(network);

  const change = async (changes: { lan?: boolean; https?: boolean }) => {
    setBusy(true);
    setProblem(null);
    const result = await api.call('devices.setNetwork', changes);
    setBusy(false);
    if (!result.ok) setProblem(result.error.message);
    onChanged();
  };

  return (
    <div className="card network-card" data-testid="network-card">
      <div className="card-head">
        <div>
          <h2>{t('deviceAdmin.reachTitle')}</h2>
          <p className="muted" data-testid="network-state">
            {network.lan ? t('deviceAdmin.lanOn') : t('deviceAdmin.lanOff')}
          </p>
        </div>
        <button
          type="button"
          className={network.lan ? '' : 'primary'}
          disabled={busy || !network.canChange}
          onClick={() => void change({ lan: !network.lan })}
          data-testid="lan-toggle"
        >
          {network.lan ? t('deviceAdmin.lanSwitchOff') : t('deviceAdmin.lanSwitchOn')}
        </button>
      </div>
      {problem ?? network.problem ? (
        <div className="notice notice-error" role="alert">
          <span>{problem ?? network.problem}</span>
        </div>
      ) : null}
      <div className="network-body">
        <div>
          <h3>{t('deviceAdmin.addresses')}</h3>
          <ul className="address-list">
            {network.addresses.map((a) => (
              <li key={a.url}>
                <code dir="ltr">{a.url}</code>{' '}
                <span className="muted">{a.kind === 'loopback' ? t('deviceAdmin.thisComputer') : a.interface}</span>
              </li>
            ))}
          </ul>
          {network.httpsAvailable ? (
            <label className="https-switch">
              <input
                type="checkbox"
                checked={network.protocol === 'https'}
                disabled={busy || !network.canChange}
                onChange={(e) => void change({ https: e.target.checked })}
                data-testid="https-toggle"
              />
              <span>{t('deviceAdmin.httpsSwitch')}</span>
            </label>
          ) : null}
          {network.lan ? (
            network.protocol === 'https' ? (
              <details className="trust" open>
                <summary>{t('deviceAdmin.httpsTitle')}</summary>
                <p>{t('deviceAdmin.httpsBody')}</p>
                <p>
                  {t('deviceAdmin.fingerprint')} <code className="fingerprint" dir="ltr" data-testid="fingerprint">{network.certificateFingerprint}</code>
                </p>
              </details>
            ) : (
              <p className="muted hint">{t('deviceAdmin.httpNote')}</p>
            )
          ) : (
            <p className="muted hint">{t('deviceAdmin.lanOffHint')}</p>
          )}
        </div>
        {main ? (
          <figure className="qr-figure">
            <QrImage text={main} label={t('deviceAdmin.addressQr', { url: main })} size={168} testId="address-qr" />
            <figcaption><code dir="ltr">{main}</code></figcaption>
          </figure>
        ) : null}
      </div>
    </div>
  );
}

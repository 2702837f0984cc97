import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity } from '../../../electron/contract';
import { useApi, useConnected } from '../../api/api_context';
import { LanguageSwitch } from '../../app/language_switch';
import './kiosk.css';

/**
 * A booth tablet's only screen. There is no menu and no link: whatever URL is typed, a
 * booth sees this (the host refuses staff methods to it anyway). The ballot issued to this
 * booth appears here once the experience room lands; until then it waits, and says so.
 */
export function KioskScreen({ device }: { device: DeviceIdentity }) {
  const { t } = useTranslation();
  const api = useApi();
  const connected = useConnected();
  const [eventName, setEventName] = useState<string | null>(null);

  useEffect(() => {
    void api.call('health', {}).then((r) => setEventName(r.ok ? (r.value.event?.name ?? null) : null));
  }, [api]);

  // No context menu on a booth (the staff app and its shortcuts are not even loaded here).
  useEffect(() => {
    const block = (event: Event) => event.preventDefault();
    document.addEventListener('contextmenu', block);
    return () => document.removeEventListener('contextmenu', block);
  }, []);

  return (
    <main className="kiosk" data-testid="kiosk">
      <header className="kiosk-top">
        <span className="kiosk-device"><bdi>{device.name}</bdi></span>
        {!connected ? <span className="offline-badge" role="status">{t('kiosk.reconnecting')}</span> : null}
        <LanguageSwitch />
      </header>
      <section className="kiosk-body" aria-live="polite">
        {eventName ? <p className="kiosk-event"><bdi>{eventName}</bdi></p> : null}
        <h1>{t('kiosk.waitingTitle')}</h1>
        <p className="kiosk-hint">{t('kiosk.waitingBody')}</p>
      </section>
    </main>
  );
}

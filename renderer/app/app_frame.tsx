import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/use_api_query';
import { useConnected } from '../api/api_context';
import { Icon } from '../ui/icon';
import { LanguageSwitch } from './language_switch';
import type { DeviceIdentity } from '../../electron/contract';
import { navigate, type Route } from './routes';

/** Alt+digit moves between screens from anywhere, so desk staff never need the mouse. */
function useNavigationShortcuts(routes: readonly Route[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.code.replace('Digit', '')) - 1;
      const route = routes[index];
      if (event.code.startsWith('Digit') && route) {
        event.preventDefault();
        navigate(route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [routes]);
}

/** The staff app's frame: menu, event header, connection state, and the current screen. */
export function AppFrame({ route, routes, device, children }: {
  route: Route;
  /** The screens this role may open (the menu shows only these). */
  routes: readonly Route[];
  /** The paired device this browser is, or null on the host itself. */
  device: DeviceIdentity | null;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const event = useApiQuery('event.current', {});
  const connected = useConnected();
  useNavigationShortcuts(routes);

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('frame.skipToContent')}</a>
      <nav className="sidebar" aria-label={t('frame.menu')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">DD</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <ul>
          {routes.map((r, i) => (
            <li key={r}>
              <a
                href={`#/${r}`}
                className={r === route ? 'nav-item active' : 'nav-item'}
                aria-current={r === route ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${i + 1}`}
                title={`${t(`nav.${r}`)} (Alt+${i + 1})`}
                data-testid={`nav-${r}`}
              >
                <Icon name={r} />
                <span>{t(`nav.${r}`)}</span>
                <kbd className="nav-key" aria-hidden="true">{i + 1}</kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main-column">
        <header className="topbar">
          <div className="event-title" data-testid="event-name">
            {event.status === 'ok' ? (
              <>
                <bdi className="event-name">{event.value.name}</bdi>
                <span className="event-dates">
                  {formatDateRange(event.value.startDate, event.value.endDate, i18n.language)}
                  {event.value.city ? ` · ${event.value.city}` : ''}
                </span>
              </>
            ) : event.status === 'error' ? (
              <span>{event.error.message}</span>
            ) : (
              <span className="muted">{t('common.loading')}</span>
            )}
          </div>
          <div className="topbar-tools">
            {device ? (
              <span className="device-badge" data-testid="device-badge">
                <bdi>{device.name}</bdi> · {t(`pairing.role.${device.role}`)}
              </span>
            ) : null}
            {!connected ? (
              <span className="offline-badge" role="status">{t('frame.reconnecting')}</span>
            ) : null}
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" tabIndex={-1}>{children}</main>
      </div>
    </div>
  );
}

/** A compact date range in the UI's locale (1–4 Dec 2026). */
export function formatDateRange(start: string, end: string, locale: string): string {
  const toDate = (d: string) => new Date(`${d}T12:00:00Z`);
  try {
    const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return start === end ? format.format(toDate(start)) : format.formatRange(toDate(start), toDate(end));
  } catch {
    return `${start} – ${end}`;
  }
}

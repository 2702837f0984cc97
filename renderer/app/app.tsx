import { useTranslation } from 'react-i18next';
import { CheckinPage } from '../features/checkin';
import { DevicesPage } from '../features/devices';
import { ExperiencePage } from '../features/experience';
import { OverviewPage } from '../features/overview';
import { ParticipantsPage } from '../features/participants';
import { BadgesPage } from '../features/badges';
import { ProgrammePage } from '../features/programme';
import { ResultsPage } from '../features/results';
import { SettingsPage } from '../features/settings';
import { AppFrame } from './app_frame';
import { ErrorBoundary } from './error_boundary';
import { throwIllegalValue } from '../../electron/contract';
import { DeviceGate, type DeviceAccess } from '../features/pairing';
import { ImportPage } from '../features/import';
import { AttendancePage } from '../features/attendance';
import { menuRouteOf, routesFor, secondaryRoutesFor, useProjectorStage, useRoute, type AppRoute } from './routes';

function Screen({ route }: { route: AppRoute }) {
  switch (route) {
    case 'overview':
      return <OverviewPage />;
    case 'checkin':
      return <CheckinPage />;
    case 'participants':
      return <ParticipantsPage />;
    case 'badges':
      return <BadgesPage />;
    case 'import':
      return <ImportPage />;
    case 'attendance':
      return <AttendancePage />;
    case 'programme':
      return <ProgrammePage />;
    case 'experience':
      return <ExperiencePage />;
    case 'results':
      return <ResultsPage />;
    case 'devices':
      return <DevicesPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return throwIllegalValue(route);
  }
}

/**
 * The app: the device gate decides what this browser may see — the pairing page for an
 * unpaired one, the kiosk for a booth, and otherwise the staff app with its role's screens.
 */
export function App() {
  return <DeviceGate staff={(access) => <StaffApp access={access} />} />;
}

/** The staff app: the frame around the screen the URL names, if this role may open it. */
function StaffApp({ access }: { access: DeviceAccess }) {
  const asked = useRoute();
  const routes = routesFor(access.role);
  const allowed: readonly AppRoute[] = [...routes, ...secondaryRoutesFor(access.role)];
  const route = allowed.includes(asked) ? asked : (routes[0] ?? 'overview');
  const stage = useProjectorStage() && route === 'results';
  const { t } = useTranslation();
  const screen = (
    <ErrorBoundary
      key={route}
      fallback={(reset) => (
        <div className="notice notice-error" role="alert">
          <span>{t('common.screenFailed')}</span>
          <button type="button" onClick={reset}>{t('common.retry')}</button>
        </div>
      )}
    >
      <Screen route={route} />
    </ErrorBoundary>
  );
  // The projector's stage is shown to the room: no frame, so no menu and no Alt+digit shortcuts.
  if (stage) return <main id="main" className="projector-stage" tabIndex={-1}>{screen}</main>;
  return (
    <AppFrame route={menuRouteOf(route)} routes={routes} device={access.device}>
      {screen}
    </AppFrame>
  );
}

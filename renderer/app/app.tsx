import { useTranslation } from 'react-i18next';
import { CheckinPage } from '../features/checkin';
import { DevicesPage } from '../features/devices';
import { ExperiencePage } from '../features/experience';
import { OverviewPage } from '../features/overview';
import { ParticipantsPage } from '../features/participants';
import { ProgrammePage } from '../features/programme';
import { ResultsPage } from '../features/results';
import { SettingsPage } from '../features/settings';
import { AppFrame } from './app_frame';
import { ErrorBoundary } from './error_boundary';
import { throwIllegalValue } from '../../electron/contract';
import { useRoute, type Route } from './routes';

function Screen({ route }: { route: Route }) {
  switch (route) {
    case 'overview':
      return <OverviewPage />;
    case 'checkin':
      return <CheckinPage />;
    case 'participants':
      return <ParticipantsPage />;
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

/** The staff app: the frame around the screen the URL names. */
export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  return (
    <AppFrame route={route}>
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
    </AppFrame>
  );
}

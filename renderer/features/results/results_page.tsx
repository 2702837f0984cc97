import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, ErrorNotice } from '../../ui/page';
import { CountStage } from './count_screen';
import { PresenterControls } from './presenter_controls';
import { pick } from './show_text';
import './results.css';

const TOPICS = ['count.changed', 'voting.changed', 'event.changed'] as const;

/** `#/results/remote`: the controls alone; `#/results/projector`: the stage alone (the desktop app's projector window). */
type ResultsMode = 'console' | 'remote' | 'projector';

function useResultsMode(): ResultsMode {
  const read = (): ResultsMode => {
    const sub = window.location.hash.replace(/^#\/?/u, '').split('/')[1];
    return sub === 'remote' || sub === 'projector' ? sub : 'console';
  };
  const [mode, setMode] = useState(read);
  useEffect(() => {
    const on = () => setMode(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return mode;
}

/**
 * The results screen. On the projector: live turnout while polls are open, then the count as the
 * presenter drives it, then the result. For the presenter and the host: the same stage with the
 * controls under it; `#/results/remote` is the controls alone, for a phone in one hand;
 * `#/results/projector` is the stage alone, edge to edge, for the desktop app's second window
 * (which is the host's own window, so it could drive: the mode, not the role, hides the controls).
 */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const who = useApiQuery('devices.whoami', {});
  const turnout = useApiQuery('voting.turnout', {}, TOPICS);
  const count = useApiQuery('count.view', { roundId: null }, TOPICS);
  const mode = useResultsMode();
  const remote = mode === 'remote';
  const [problem, setProblem] = useState<string | null>(null);
  const canDrive = mode !== 'projector' && (who.value?.role === 'admin' || who.value?.role === 'presenter');
  // A paired projector (a LAN browser on the big screen) shows the stage edge to edge too.
  const stageAlone = mode === 'projector' || who.value?.role === 'projector';
  const round = turnout.value?.round ?? null;
  const view = count.value && (!round || round.status !== 'open') && (!round || count.value.roundId === round.id) ? count.value : null;
  const error = turnout.status === 'error' ? turnout.error : count.status === 'error' ? count.error : null;

  const start = () => round && void api.call('count.start', { roundId: round.id }).then((r) => setProblem(r.ok ? null : r.error.message));

  return (
    <div className={remote ? 'results-screen remote-screen' : stageAlone ? 'results-screen projector-window' : 'results-screen'} data-testid="results-screen">
      {/* The projector shows the stage, not a page title; screen readers still get one. */}
      <h1 className="visually-hidden">{t('nav.results')}</h1>
      {error ? <ErrorNotice message={error.message} onRetry={() => { turnout.reload(); count.reload(); }} retryLabel={t('common.retry')} /> : null}
      {view ? (
        <>
          {!remote ? <CountStage view={view} canDrive={canDrive} /> : <p className="remote-phase">{t(`countShow.phase.${view.show.phase}`)}</p>}
          {canDrive ? <PresenterControls view={view} remote={remote} /> : null}
        </>
      ) : round && turnout.value?.turnout ? (
        <section className="stage turnout-stage" data-testid="turnout-stage">
          <p className="stage-round">
            <bdi>{pick(turnout.value.electionTitle, i18n.language)}</bdi> · <bdi>{round.label}</bdi>
          </p>
          <h2>{t('countShow.turnout')}</h2>
          <p className="turnout-figure" data-testid="turnout-figure">
            {turnout.value.turnout.eligible > 0 ? `${((100 * turnout.value.turnout.cast) / turnout.value.turnout.eligible).toFixed(1)}%` : '—'}
          </p>
          <div className="turnout-track">
            <span className="turnout-fill" style={{ transform: `scaleX(${turnout.value.turnout.eligible > 0 ? turnout.value.turnout.cast / turnout.value.turnout.eligible : 0})` }} />
          </div>
          <p className="stage-sub">{t('countShow.castOfEligible', { cast: turnout.value.turnout.cast, eligible: turnout.value.turnout.eligible })}</p>
          <p className="polls-state">{round.status === 'open' ? t('countShow.pollsOpen') : t('countShow.pollsClosed')}</p>
          {canDrive && (round.status === 'closed' || round.status === 'archived') ? (
            <div className="start-count">
              <p>{t('countShow.startCountBody', { label: round.label })}</p>
              <button type="button" className="primary big" onClick={start} data-testid="start-count">{t('countShow.startCount')}</button>
            </div>
          ) : null}
          {problem ? <p className="notice notice-error" role="alert">{problem}</p> : null}
        </section>
      ) : turnout.status === 'ok' ? (
        <EmptyState icon="results" title={t('countShow.noRound')}>
          <p>{t('countShow.noRoundBody')}</p>
        </EmptyState>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SORT_SPEEDS, type CountView, type ShowControl } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { LoadBallotsPanel } from './load_ballots_panel';
import { ReportButtons } from './report_buttons';
import { pick } from './show_text';

const LANGS = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' },
  { code: 'ar', name: 'العربية' },
] as const;
/** The desktop app's own window (its preload bridge), where the menu opens the projector window. */
const isDesktop = () => typeof window !== 'undefined' && 'delegateDesk' in window;

const WHAT_IF = ['irv', 'plurality', 'dhondt', 'sainte-lague', 'hare'] as const;

/**
 * The presenter's controls: Back / Step / Play-Pause / Next as big buttons (one hand on a phone),
 * then speed, the projector's language, the sheet's signature, reports (CSV, PDF), the "what if"
 * recount and real ballot records loaded onto the projector.
 * A refusal (Next before the re-check tray is judged) is shown here, in the presenter's language.
 */
export function PresenterControls({ view, remote }: { view: CountView; remote: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [signer, setSigner] = useState('');
  const show = view.show;
  const roundId = view.roundId;
  const send = (control: ShowControl) =>
    void api.call('count.control', { roundId, control }).then((r) => setProblem(r.ok ? null : r.error.message));
  const sign = () => void api.call('count.signOff', { roundId, name: signer }).then((r) => setProblem(r.ok ? null : r.error.message));
  const [loading, setLoading] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const contest = view.contests[show.contestIndex];
  const whatIf = (method: string) =>
    contest && void api.call('count.recount', { roundId, contestId: contest.id, method: method === '' ? null : (method as (typeof WHAT_IF)[number]) }).then((r) => setProblem(r.ok ? null : r.error.message));

  return (
    <section className={remote ? 'presenter-controls remote' : 'presenter-controls'} aria-label={t('countShow.controls.label')} data-testid="presenter-controls">
      <div className="big-buttons">
        <button type="button" onClick={() => send({ action: 'back' })} data-testid="show-back">◀ {t('countShow.controls.back')}</button>
        <button type="button" onClick={() => send({ action: 'step' })} disabled={show.phase !== 'sorting' && show.phase !== 'recheck'} data-testid="show-step">
          {t('countShow.controls.step')}
        </button>
        <button type="button" onClick={() => send({ action: show.playing ? 'pause' : 'play' })} disabled={show.phase !== 'sorting'} data-testid="show-play">
          {show.playing ? `❚❚ ${t('countShow.controls.pause')}` : `▶ ${t('countShow.controls.play')}`}
        </button>
        <button type="button" className="primary" onClick={() => send({ action: 'next' })} data-testid="show-next">{t('countShow.controls.next')} ▶</button>
      </div>
      {problem ? <p className="notice notice-error" role="alert" data-testid="control-problem">{problem}</p> : null}
      <div className="small-controls">
        <label>
          {t('countShow.controls.speed')}
          <select value={show.speed} onChange={(e) => send({ action: 'speed', speed: Number(e.target.value) })} data-testid="show-speed">
            {SORT_SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <label>
          {t('countShow.controls.language')}
          <select value={show.language} onChange={(e) => send({ action: 'language', language: e.target.value as 'en' | 'ko' | 'ar' })} data-testid="show-language">
            {LANGS.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
          </select>
        </label>
        {view.contests.length > 1 ? (
          <label>
            {t('countShow.controls.contest')}
            <select value={show.contestIndex} onChange={(e) => send({ action: 'contest', contestIndex: Number(e.target.value) })}>
              {view.contests.map((c, i) => <option key={c.id} value={i}>{pick(c.title, i18n.language)}</option>)}
            </select>
          </label>
        ) : null}
        {show.phase === 'signoff' && !view.signedAt ? (
          <span className="sign-row">
            <input value={signer} onChange={(e) => setSigner(e.target.value)} placeholder={t('countShow.signName')} aria-label={t('countShow.signName')} data-testid="sign-name" />
            <button type="button" onClick={sign} disabled={signer.trim() === ''} data-testid="sign-button">{t('countShow.sign')}</button>
          </span>
        ) : null}
        {view.announcedAt && !remote ? (
          <>
            <ReportButtons roundId={roundId} onProblem={setProblem} />
            <button type="button" onClick={() => window.print()}>{t('countShow.controls.print')}</button>
            <label>
              {t('countShow.controls.recountWith')}
              <select value={view.alternative && !view.alternative.names ? view.alternative.result.method : ''} onChange={(e) => whatIf(e.target.value)} data-testid="what-if">
                <option value="">—</option>
                {WHAT_IF.map((m) => <option key={m} value={m}>{t(`countShow.method.${m}`)}</option>)}
              </select>
            </label>
          </>
        ) : null}
        {view.alternative && !remote ? (
          <button type="button" onClick={() => { whatIf(''); setShown(null); }} data-testid="back-to-round">{t('countShow.controls.backToRound')}</button>
        ) : null}
        {view.announcedAt && !remote && !loading ? (
          <button type="button" onClick={() => { setLoading(true); setShown(null); }} data-testid="load-ballots">
            {t('countShow.controls.loadBallots')}
          </button>
        ) : null}
        {!remote ? <a href="#/results/remote">{t('countShow.controls.remote')}</a> : null}
        {!remote && isDesktop() ? <span className="desktop-hint">{t('countShow.controls.projectorHint')}</span> : null}
      </div>
      {shown ? <p className="notice load-shown" role="status" data-testid="load-shown">{t('countShow.load.shown', { title: shown })}</p> : null}
      {loading ? <LoadBallotsPanel view={view} onClose={(title) => { setLoading(false); setShown(title); }} /> : null}
    </section>
  );
}

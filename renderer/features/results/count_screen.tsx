import { useTranslation } from 'react-i18next';
import type { CountView } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { RecheckStage } from './recheck_stage';
import { ResultsStage } from './results_stage';
import { BundlingStage, SheetStage } from './sheet_stage';
import { SortingStage } from './sorting_stage';
import { pick } from './show_text';

/** The stage the show is on, for one round's count, in the projector's language. */
export function CountStage({ view, canDrive }: { view: CountView; canDrive: boolean }) {
  const { t } = useTranslation(undefined, { lng: view.show.language });
  const api = useApi();
  const show = view.show;
  const contest = view.contests[show.contestIndex] ?? view.contests[0]!;
  const sheet = view.sheets.find((s) => s.contestId === contest.id);
  const lang = show.language;
  const signed = view.signedBy && view.signedAt ? t('countShow.signedBy', { name: view.signedBy, time: new Date(view.signedAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) }) : null;
  const judge = canDrive ? (paperId: number, verdict: string) => void api.call('count.judge', { roundId: view.roundId, paperId, verdict }) : null;
  const body = (() => {
    switch (show.phase) {
      case 'sorting':
        return <SortingStage contest={contest} papers={view.papers} show={show} hostNow={view.hostNow} />;
      case 'recheck':
        return <RecheckStage contest={contest} papers={view.papers} show={show} onJudge={judge} />;
      case 'bundling':
        return sheet ? <BundlingStage contest={contest} sheet={sheet} show={show} /> : null;
      case 'sheet':
      case 'signoff':
        return sheet ? <SheetStage contest={contest} sheet={sheet} show={show} fingerprint={view.fingerprint} signed={signed} /> : null;
      case 'results': {
        const result = view.results?.find((r) => r.contestId === contest.id);
        if (view.alternative) {
          const alt = view.alternative;
          const altContest = view.contests.find((c) => c.id === alt.result.contestId);
          // Loaded ballot records carry their own title and names; a recount is a "what if" of the contest.
          const altTitle = alt.names ? alt.title : t('countShow.whatIf', { method: t(`countShow.method.${alt.result.method}`, { defaultValue: alt.result.method }) });
          return <ResultsStage contest={altContest} result={alt.result} show={show} names={alt.names} title={altTitle} />;
        }
        return result ? <ResultsStage contest={contest} result={result} show={show} names={null} title={t('countShow.phase.results')} /> : null;
      }
    }
  })();
  return (
    <div className="count-stage" dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} data-phase={show.phase} data-testid="count-stage">
      <p className="stage-round">
        <bdi>{pick(view.electionTitle, lang)}</bdi> · <bdi>{view.roundLabel}</bdi>
      </p>
      <ol className="phase-track" aria-hidden="true">
        {(['sorting', 'recheck', 'bundling', 'sheet', 'signoff', 'results'] as const).map((p) => (
          <li key={p} className={p === show.phase ? 'current' : ''}>{t(`countShow.phase.${p}`)}</li>
        ))}
      </ol>
      {body}
    </div>
  );
}

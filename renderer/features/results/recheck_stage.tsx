import { useTranslation } from 'react-i18next';
import type { Contest, CountPaper, CountShowState } from '../../../electron/contract';
import { optionName, pick } from './show_text';

/** One re-check paper drawn as the paper ballot: symbol | party | name | box, with the stamp marks. */
function BigPaper({ contest, paper, lang }: { contest: Contest; paper: CountPaper; lang: string }) {
  const ranked = contest.type === 'ranked';
  return (
    <article className="big-paper" style={{ ['--paper' as string]: contest.ballotColour }} data-testid="recheck-paper">
      <h3>{pick(contest.title, lang)}</h3>
      <ol>
        {contest.options.map((o) => {
          const rank = paper.marks.indexOf(o.id) + 1;
          return (
            <li key={o.id} className={paper.judged === o.id ? 'judged-for' : undefined}>
              <span className="bp-symbol">{o.symbol}</span>
              <span className="bp-party">
                <span className="party-dot" style={{ backgroundColor: o.colour }} />
                <bdi>{o.party ? pick(o.party, lang) : ''}</bdi>
              </span>
              <bdi className="bp-name">{pick(o.name, lang)}</bdi>
              <span className="bp-box">{rank > 0 ? <Stamp rank={ranked ? rank : null} /> : null}</span>
            </li>
          );
        })}
      </ol>
    </article>
  );
}

/** The voting stamp (卜 in a circle), or a rank number for ranked ballots. */
function Stamp({ rank }: { rank: number | null }) {
  return (
    <svg viewBox="0 0 40 40" className="stamp" aria-hidden="true">
      <circle cx="20" cy="20" r="16" fill="none" stroke="#d0021b" strokeWidth="3" />
      {rank === null ? <path d="M20 8 v24 M20 17 l7 -4" stroke="#d0021b" strokeWidth="3" fill="none" strokeLinecap="round" /> : (
        <text x="20" y="27" textAnchor="middle" fontSize="20" fontWeight="700" fill="#d0021b">{rank}</text>
      )}
    </svg>
  );
}

/**
 * The re-check tray (재확인대상): the papers the sorter could not read, judged one at a time with
 * the group: valid for whom, or invalid. The presenter's buttons appear only where they may drive.
 */
export function RecheckStage({ contest, papers, show, onJudge }: {
  contest: Contest;
  papers: readonly CountPaper[];
  show: CountShowState;
  onJudge: ((paperId: number, verdict: string) => void) | null;
}) {
  const { t } = useTranslation(undefined, { lng: show.language });
  const lang = show.language;
  const tray = papers.filter((p) => p.tray === 'recheck');
  const index = Math.min(show.recheckIndex, Math.max(0, tray.length - 1));
  const paper = tray[index];
  return (
    <section className="stage recheck-stage" data-testid="recheck-stage">
      <header className="stage-head">
        <h2>{t('countShow.phase.recheck')}</h2>
        <p className="stage-sub">{pick(contest.title, lang)}</p>
        {paper ? <p className="stage-counter">{t('countShow.recheckPaper', { index: index + 1, total: tray.length })}</p> : null}
      </header>
      {!paper ? (
        <p className="stage-message">{t('countShow.recheckEmpty')}</p>
      ) : (
        <div className="recheck-body">
          <BigPaper contest={contest} paper={paper} lang={lang} />
          <div className="recheck-side">
            <p className="unclear-reason" data-testid="unclear-reason">{paper.unclear ? t(`countShow.unclear.${paper.unclear}`) : ''}</p>
            <p className={paper.judged === null ? 'verdict pending' : paper.judged === 'invalid' ? 'verdict invalid' : 'verdict valid'} data-testid="verdict">
              {paper.judged === null ? t('countShow.awaiting') : paper.judged === 'invalid' ? t('countShow.judgedInvalid') : t('countShow.judgedValid', { name: optionName(contest, paper.judged, lang) })}
            </p>
            {onJudge ? (
              <div className="judge-buttons">
                {paper.marks.filter((m) => contest.options.some((o) => o.id === m)).map((m) => (
                  <button key={m} type="button" className="judge-valid" onClick={() => onJudge(paper.id, m)} data-testid={`judge-valid-${m}`}>
                    {t('countShow.validFor', { name: optionName(contest, m, lang) })}
                  </button>
                ))}
                <button type="button" className="judge-invalid" onClick={() => onJudge(paper.id, 'invalid')} data-testid="judge-invalid">
                  {t('countShow.invalid')}
                </button>
              </div>
            ) : null}
            <ol className="recheck-strip" aria-hidden="true">
              {tray.map((p, i) => (
                <li key={p.id} className={[i === index ? 'current' : '', p.judged === null ? 'pending' : p.judged === 'invalid' ? 'invalid' : 'valid'].join(' ')} />
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}

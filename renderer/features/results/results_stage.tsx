import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest, ContestResult, CountShowState } from '../../../electron/contract';
import { Hemicycle } from './hemicycle';
import { optionColour, optionName, pick } from './show_text';

interface Bar {
  id: string;
  votes: number;
  note: string | null;
  out: boolean;
  won: boolean;
}

/** Bars that grow from zero (CSS transform; no motion when the viewer asked for less). */
function Bars({ bars, total, contest, lang, names }: { bars: readonly Bar[]; total: number; contest: Contest | undefined; lang: string; names: Readonly<Record<string, string>> | null }) {
  const { t } = useTranslation(undefined, { lng: lang });
  const [grown, setGrown] = useState(false);
  useEffect(() => {
    const f = requestAnimationFrame(() => setGrown(true));
    return () => cancelAnimationFrame(f);
  }, []);
  const max = Math.max(1, ...bars.map((b) => b.votes));
  return (
    <ol className="result-bars">
      {bars.map((b) => {
        const pct = total > 0 ? (100 * b.votes) / total : 0;
        return (
          <li key={b.id} className={[b.won ? 'won' : '', b.out ? 'out' : ''].join(' ')} data-testid={`result-${b.id}`}>
            <span className="bar-name">
              <span className="party-dot" style={{ backgroundColor: optionColour(contest, b.id, names) }} />
              <bdi>{optionName(contest, b.id, lang, names)}</bdi>
              {b.won ? <b className="won-badge">{t('countShow.elected')}</b> : null}
              {b.out ? <span className="out-badge">{t('countShow.eliminated')}</span> : null}
            </span>
            <span className="bar-track">
              <span className="bar-fill" style={{ backgroundColor: optionColour(contest, b.id, names), transform: `scaleX(${grown ? b.votes / max : 0})` }} />
            </span>
            <span className="bar-figures">
              <b>{t('countShow.votes', { count: b.votes })}</b> <span>{pct.toFixed(1)}%</span>
              {b.note ? <em>{b.note}</em> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A contest's result: bars with votes and percentages and the winner; party lists with their
 * seats as a hemicycle; ranked counts round by round (the presenter steps through the rounds,
 * each showing what moved from the eliminated); yes/no with passed or not.
 */
export function ResultsStage({ contest, result, show, title, names }: {
  contest: Contest | undefined;
  result: ContestResult;
  show: CountShowState;
  title: string;
  names: Readonly<Record<string, string>> | null;
}) {
  const { t } = useTranslation(undefined, { lng: show.language });
  const lang = show.language;
  // Loaded records have no ballot order: most votes first (first preferences for ranked counts).
  const firstRound = result.rounds?.[0]?.tallies ?? result.totals;
  const options = contest ? contest.options.map((o) => o.id) : Object.keys(result.totals).sort((a, b) => (firstRound[b] ?? 0) - (firstRound[a] ?? 0));
  const winners = new Set(result.winners);
  let bars: Bar[];
  let total = result.validBallots;
  let roundNote: string | null = null;
  if (result.rounds && result.rounds.length > 0) {
    const step = Math.min(show.resultStep, result.rounds.length - 1);
    const round = result.rounds[step]!;
    const previous = step > 0 ? result.rounds[step - 1] : null;
    const outBefore = new Set(result.rounds.slice(0, step).flatMap((r) => r.eliminated));
    const last = step === result.rounds.length - 1;
    bars = options.filter((id) => !outBefore.has(id)).map((id) => {
      const votes = round.tallies[id] ?? 0;
      const moved = previous ? votes - (previous.tallies[id] ?? 0) : 0;
      return { id, votes, note: moved > 0 ? `+${moved}` : null, out: round.eliminated.includes(id), won: last && winners.has(id) };
    });
    total = Object.values(round.tallies).reduce((s, n) => s + n, 0);
    roundNote = round.exhausted ? t('countShow.exhausted', { count: round.exhausted }) : null;
  } else {
    bars = options.map((id) => ({ id, votes: result.totals[id] ?? 0, note: result.seatsByOption ? t('countShow.seats', { count: result.seatsByOption[id] ?? 0 }) : null, out: false, won: !result.seatsByOption && winners.has(id) }));
  }
  return (
    <section className="stage results-stage" data-testid="results-stage">
      <header className="stage-head">
        <h2>{title}</h2>
        <p className="stage-sub">
          {t(`countShow.method.${result.method}`, { defaultValue: result.method })} · {t('countShow.validInvalid', { valid: result.validBallots, invalid: result.invalidBallots })}
        </p>
      </header>
      {result.rounds && result.rounds.length > 1 ? (
        <ol className="round-flow" aria-label={t('countShow.round', { round: show.resultStep + 1 })}>
          {result.rounds.map((r, i) => (
            <li key={r.round} className={i === Math.min(show.resultStep, result.rounds!.length - 1) ? 'current' : i < show.resultStep ? 'done' : ''}>
              {t('countShow.round', { round: r.round })}
            </li>
          ))}
        </ol>
      ) : null}
      <div className={result.seatsByOption ? 'results-body with-seats' : 'results-body'}>
        <Bars key={show.resultStep} bars={bars} total={total} contest={contest} lang={lang} names={names} />
        {result.seatsByOption ? (
          <Hemicycle parties={options.map((id) => ({ id, seats: result.seatsByOption?.[id] ?? 0, colour: optionColour(contest, id, names) }))} label={t('countShow.seats', { count: result.seats })} />
        ) : null}
      </div>
      {roundNote ? <p className="stage-note">{roundNote}</p> : null}
      {result.passed !== null ? <p className={result.passed ? 'verdict valid big' : 'verdict invalid big'}>{result.passed ? t('countShow.passed') : t('countShow.rejected')}</p> : null}
      {contest ? <p className="stage-note">{pick(contest.title, lang)}</p> : null}
    </section>
  );
}

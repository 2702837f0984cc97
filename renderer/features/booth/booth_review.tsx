import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../../electron/contract';
import { contestStatus, contestsNeedingAttention, type ContestStatus, type Selections } from './ballot_rules';
import { localText } from './booth_text';
import { StampMark } from './stamp_mark';

/** The line under a contest on the review screen: its marks, or what is missing or too much. */
function StatusLine({ status }: { status: ContestStatus }) {
  const { t } = useTranslation();
  switch (status.kind) {
    case 'blank':
      return <p className="review-status warn">{t('booth.review.blank')}</p>;
    case 'under':
      return <p className="review-status warn">{t('booth.review.under', { marked: status.marked, allowed: status.allowed })}</p>;
    case 'over':
      return <p className="review-status danger">{t('booth.review.over')}</p>;
    case 'complete':
      return null;
  }
}

/**
 * The review before cast: every paper with what is marked on it and a "Change" button that
 * opens it; blank and partly marked papers are pointed out and, at cast, asked about once
 * more (VxMark's pattern: casting an undervote is allowed, but never by accident).
 */
export function BoothReview({ contests, selections, language, casting, castError, onChange, onCast }: {
  contests: readonly Contest[];
  selections: Selections;
  language: string;
  casting: boolean;
  castError: string | null;
  onChange: (index: number) => void;
  onCast: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const attention = contestsNeedingAttention(contests, selections);

  return (
    <section className="review" aria-labelledby="review-title" data-testid="booth-review">
      <h1 id="review-title">{t('booth.review.title')}</h1>
      <p className="review-intro">{t('booth.review.intro')}</p>
      <ul className="review-list">
        {contests.map((contest, index) => {
          const marks = selections[contest.id] ?? [];
          const status = contestStatus(contest, marks);
          const title = localText(contest.title, language);
          return (
            <li
              key={contest.id}
              className={`review-item review-${status.kind}`}
              style={{ ['--paper' as string]: contest.ballotColour }}
              data-testid="review-contest"
              data-contest={contest.id}
              data-status={status.kind}
            >
              <div className="review-body">
                <h2><bdi lang={title.lang}>{title.text}</bdi></h2>
                <ol className="review-marks">
                  {marks.map((id, rank) => {
                    const option = contest.options.find((o) => o.id === id);
                    if (!option) return null;
                    const name = localText(option.name, language);
                    return (
                      <li key={id} data-testid="review-mark">
                        {contest.type === 'ranked' ? <span className="rank-mark small">{rank + 1}</span> : <StampMark size="1.3em" />}
                        <span className="review-symbol">{option.symbol}</span>
                        <bdi lang={name.lang}>{name.text}</bdi>
                      </li>
                    );
                  })}
                </ol>
                <StatusLine status={status} />
              </div>
              <button type="button" className="booth-button" data-testid="review-change" onClick={() => onChange(index)}>
                {t('booth.review.change')}
              </button>
            </li>
          );
        })}
      </ul>
      {castError ? <p className="booth-error" role="alert" data-testid="cast-error">{castError}</p> : null}
      {asking ? (
        <div className="review-warning" role="alertdialog" aria-labelledby="warning-title" aria-describedby="warning-body" data-testid="undervote-warning">
          <h2 id="warning-title">{t('booth.review.warningTitle')}</h2>
          <p id="warning-body">{t('booth.review.warningBody')}</p>
          <div className="booth-nav">
            <button type="button" className="booth-button" onClick={() => setAsking(false)} data-testid="warning-back">
              {t('booth.review.goBack')}
            </button>
            <button type="button" className="booth-button primary" disabled={casting} onClick={onCast} data-testid="cast-anyway">
              {casting ? t('booth.cast.casting') : t('booth.review.castAnyway')}
            </button>
          </div>
        </div>
      ) : (
        <div className="booth-nav end">
          <button
            type="button"
            className="booth-button primary cast"
            disabled={casting}
            data-testid="cast-ballot"
            onClick={() => (attention.length > 0 ? setAsking(true) : onCast())}
          >
            {casting ? t('booth.cast.casting') : t('booth.review.cast')}
          </button>
        </div>
      )}
    </section>
  );
}

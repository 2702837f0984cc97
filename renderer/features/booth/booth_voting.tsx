import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../../electron/contract';
import { contestStatus, marksAllowed, tapOption, type Selections } from './ballot_rules';
import { PaperBallot } from './paper_ballot';
import { BoothReview } from './booth_review';

type Step = { kind: 'contest'; index: number; fromReview: boolean } | { kind: 'review' };

/**
 * Marking one issued ballot: one paper at a time (Back / Next, as VxMark does), then the
 * review of every paper, from which any can be changed, then cast. The marks live only in
 * this component's memory and vanish with it: nothing is stored or logged on the booth.
 */
export function BoothVoting({ definition, language, hostLanguage, casting, castError, onCast }: {
  definition: { readonly contests: readonly Contest[] };
  language: string;
  hostLanguage: string;
  casting: boolean;
  /** Why the last cast failed, in the booth's words (null when it did not fail). */
  castError: string | null;
  onCast: (selections: Selections) => void;
}) {
  const { t } = useTranslation();
  const [selections, setSelections] = useState<Selections>({});
  const [step, setStep] = useState<Step>({ kind: 'contest', index: 0, fromReview: false });
  const [overvote, setOvervote] = useState<{ contestId: string; allowed: number } | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const contests = definition.contests;

  // Each new screen starts at its top, with focus there for a screen reader or a keypad.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
    top.current?.focus({ preventScroll: true });
  }, [step]);

  if (step.kind === 'review') {
    return (
      <div ref={top} tabIndex={-1} className="booth-focus">
        <BoothReview
          contests={contests}
          selections={selections}
          language={language}
          casting={casting}
          castError={castError}
          onChange={(index) => setStep({ kind: 'contest', index, fromReview: true })}
          onCast={() => onCast(selections)}
        />
      </div>
    );
  }

  const contest = contests[step.index];
  if (!contest) return null;
  const marks = selections[contest.id] ?? [];
  const allowed = marksAllowed(contest);
  const status = contestStatus(contest, marks);
  const left = Math.max(0, allowed - marks.length);
  const last = step.index === contests.length - 1;

  const tap = (optionId: string) => {
    const result = tapOption(contest, marks, optionId);
    if (result.kind === 'overvote') {
      setOvervote({ contestId: contest.id, allowed: result.allowed });
      return;
    }
    if (result.kind === 'unknown_option') return;
    setOvervote(null);
    setSelections((s) => ({ ...s, [contest.id]: result.next }));
  };
  const go = (next: Step) => {
    setOvervote(null);
    setStep(next);
  };

  return (
    <div ref={top} tabIndex={-1} className="booth-focus booth-contest">
      <div className="contest-guide">
        {contests.length > 1 ? (
          <p className="contest-progress">{t('booth.ballot.progress', { current: step.index + 1, total: contests.length })}</p>
        ) : null}
        <p className="contest-rule" data-testid="contest-rule">
          {contest.type === 'ranked' ? t('booth.ballot.rankAll') : allowed === 1 ? t('booth.ballot.voteForOne') : t('booth.ballot.voteForUpTo', { count: allowed })}
        </p>
        <p className="contest-hint">{contest.type === 'ranked' ? t('booth.ballot.rankHint') : t('booth.ballot.markHint')}</p>
        <p className="contest-left" role="status" data-testid="marks-left">
          {status.kind === 'complete' && contest.type !== 'ranked' ? t('booth.ballot.complete') : t('booth.ballot.marksLeft', { count: left })}
        </p>
        {contest.demonstrateInvalid ? <p className="contest-demo">{t('booth.ballot.invalidDemo')}</p> : null}
      </div>
      <div className="overvote-slot" aria-live="assertive">
        {overvote?.contestId === contest.id ? (
          <p className="overvote" role="alert" data-testid="overvote-message">
            {overvote.allowed === 1 ? t('booth.ballot.overvoteOne') : t('booth.ballot.overvoteMany', { count: overvote.allowed })}
          </p>
        ) : null}
      </div>
      <PaperBallot contest={contest} marks={marks} language={language} hostLanguage={hostLanguage} onTap={tap} />
      <nav className="booth-nav">
        {step.fromReview ? (
          <button type="button" className="booth-button primary" data-testid="back-to-review" onClick={() => go({ kind: 'review' })}>
            {t('booth.ballot.backToReview')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="booth-button"
              disabled={step.index === 0}
              data-testid="contest-back"
              onClick={() => go({ kind: 'contest', index: step.index - 1, fromReview: false })}
            >
              {t('booth.ballot.back')}
            </button>
            {last ? (
              <button type="button" className="booth-button primary" data-testid="to-review" onClick={() => go({ kind: 'review' })}>
                {t('booth.ballot.review')}
              </button>
            ) : (
              <button
                type="button"
                className={status.kind === 'complete' ? 'booth-button primary' : 'booth-button'}
                data-testid="contest-next"
                onClick={() => go({ kind: 'contest', index: step.index + 1, fromReview: false })}
              >
                {t('booth.ballot.next')}
              </button>
            )}
          </>
        )}
      </nav>
    </div>
  );
}

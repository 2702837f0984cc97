import { useTranslation } from 'react-i18next';
import type { Contest } from '../../../electron/contract';
import { localText, originalText, type PickedText } from './booth_text';
import { RankMark, StampMark } from './stamp_mark';

/** One line of text of the definition, in its own language (fonts and direction follow it). */
function Text({ value, className }: { value: PickedText; className?: string }) {
  return (
    <bdi className={className} lang={value.lang}>
      {value.text}
    </bdi>
  );
}

/**
 * One contest as its paper ballot: the paper's colour, the title (and district or question),
 * then one row per option as the real ballot prints it — symbol number | party | name |
 * marking box — each row one large touch target that stamps or unstamps on release.
 */
export function PaperBallot({ contest, marks, language, hostLanguage, onTap }: {
  contest: Contest;
  /** Marked option ids (in rank order for a ranked contest). */
  marks: readonly string[];
  language: string;
  /** The language the host country prints its ballots in (shown under translated names). */
  hostLanguage: string;
  onTap: (optionId: string) => void;
}) {
  const { t } = useTranslation();
  const title = localText(contest.title, language);
  const district = contest.district ? localText(contest.district, language) : null;
  const question = contest.question ? localText(contest.question, language) : null;
  const ranked = contest.type === 'ranked';
  const hasPartyColumn = contest.type !== 'party_list' && contest.type !== 'yes_no';

  return (
    <article
      className="paper"
      style={{ ['--paper' as string]: contest.ballotColour }}
      data-testid="paper-ballot"
      data-contest={contest.id}
      aria-labelledby={`paper-title-${contest.id}`}
    >
      <header className="paper-head">
        <p className="paper-kind">{t('booth.ballot.paper')}</p>
        <h2 id={`paper-title-${contest.id}`}>
          <Text value={title} />
        </h2>
        {district ? <p className="paper-district"><Text value={district} /></p> : null}
        {question ? <p className="paper-question"><Text value={question} /></p> : null}
      </header>
      <div className={hasPartyColumn ? 'paper-columns' : 'paper-columns no-party'} aria-hidden="true">
        <span>{t('booth.ballot.symbol')}</span>
        {hasPartyColumn ? <span>{t('booth.ballot.party')}</span> : null}
        <span>{contest.type === 'party_list' ? t('booth.ballot.party') : contest.type === 'yes_no' ? t('booth.ballot.answer') : t('booth.ballot.candidate')}</span>
        <span>{t('booth.ballot.markColumn')}</span>
      </div>
      <ol className="paper-rows">
        {contest.options.map((option) => {
          const name = localText(option.name, language);
          const nameOriginal = originalText(option.name, hostLanguage, name);
          const party = option.party ? localText(option.party, language) : null;
          const rank = marks.indexOf(option.id) + 1;
          const marked = rank > 0;
          const partyLabel = party?.text ?? t('booth.ballot.independent');
          const state = marked ? (ranked ? t('booth.ballot.rank', { rank }) : t('booth.ballot.marked')) : t('booth.ballot.notMarked');
          return (
            <li key={option.id}>
              <button
                type="button"
                className={hasPartyColumn ? 'paper-row' : 'paper-row no-party'}
                aria-pressed={marked}
                data-testid="ballot-option"
                data-option={option.id}
                onClick={() => onTap(option.id)}
              >
                <span className="paper-symbol">{option.symbol}</span>
                {hasPartyColumn ? (
                  <span className="paper-party">
                    <span className="party-dot" style={{ backgroundColor: option.colour }} />
                    {party ? <Text value={party} /> : <bdi>{partyLabel}</bdi>}
                  </span>
                ) : null}
                <span className="paper-name">
                  {option.image ? <img className="paper-image" src={option.image} alt="" /> : null}
                  <span className="paper-name-text">
                    <Text value={name} className="name-main" />
                    {nameOriginal ? <Text value={nameOriginal} className="name-original" /> : null}
                  </span>
                </span>
                <span className={marked ? 'paper-box marked' : 'paper-box'}>
                  {marked ? ranked ? <RankMark rank={rank} /> : <StampMark size="2.4em" /> : null}
                  {/* Said after the row's visible text, so the spoken name starts as the eye reads it. */}
                  <span className="visually-hidden">{state}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </article>
  );
}

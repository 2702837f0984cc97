import { useTranslation } from 'react-i18next';
import type { Election, LocalizedText } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, ErrorNotice, Page } from '../../ui/page';

/** A definition's text in the UI language, falling back to English (every definition has it). */
export function pickText(text: LocalizedText, language: string): { text: string; lang: string } {
  const own = text[language];
  return own ? { text: own, lang: language } : { text: text['en'] ?? '', lang: 'en' };
}

/** One contest drawn as its ballot paper: colour, symbol numbers, candidates and parties. */
function BallotPreview({ election }: { election: Election }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {election.definition.contests.map((contest) => {
        const title = pickText(contest.title, i18n.language);
        return (
          <figure key={contest.id} className="ballot" style={{ backgroundColor: contest.ballotColour }} data-testid="ballot-preview">
            <figcaption lang={title.lang}>{title.text}</figcaption>
            <ol className="ballot-options">
              {contest.options.map((option) => {
                const name = pickText(option.name, i18n.language);
                const party = option.party ? pickText(option.party, i18n.language) : null;
                return (
                  <li key={option.id} className="ballot-option">
                    <span className="ballot-symbol" style={{ backgroundColor: option.colour }}>{option.symbol}</span>
                    <span className="ballot-party" lang={party?.lang}>{party?.text ?? ''}</span>
                    <span className="ballot-name" lang={name.lang}>{name.text}</span>
                    <span className="ballot-mark" aria-hidden="true" />
                  </li>
                );
              })}
            </ol>
            <p className="ballot-rule">{t('experience.rule', { count: contest.seats })}</p>
          </figure>
        );
      })}
    </>
  );
}

/** The election experience room: the elections defined for the event, shown as their ballots. */
export function ExperiencePage() {
  const { t, i18n } = useTranslation();
  const elections = useApiQuery('elections.list', {});
  return (
    <Page title={t('experience.title')}>
      {elections.status === 'error' ? (
        <ErrorNotice message={elections.error.message} onRetry={elections.reload} retryLabel={t('common.retry')} />
      ) : null}
      {elections.value?.length === 0 ? (
        <EmptyState icon="experience" title={t('experience.noElection')} />
      ) : null}
      {elections.value?.map((election) => {
        const title = pickText(election.definition.title, i18n.language);
        return (
          <article key={election.id} className="card election">
            <h2 lang={title.lang}>{title.text}</h2>
            <p className="fingerprint">
              {t('experience.fingerprint')}: <code>{election.fingerprint.slice(0, 16)}</code>
            </p>
            <BallotPreview election={election} />
          </article>
        );
      })}
      <EmptyState icon="experience" title={t('experience.roundsTitle')}>
        <p>{t('experience.roundsBody')}</p>
      </EmptyState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import type { ProgrammeSession } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, ErrorNotice, Page } from '../../ui/page';

/** Groups sessions by day, keeping the host's order (day, then start time). */
function byDay(sessions: ProgrammeSession[]): Array<[string, ProgrammeSession[]]> {
  const days = new Map<string, ProgrammeSession[]>();
  for (const s of sessions) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  return [...days.entries()];
}

/** The programme: days, sessions with times, venues, types and how many people are expected. */
export function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const sessions = useApiQuery('sessions.list', {});
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <Page title={t('programme.title')}>
      {sessions.status === 'error' ? (
        <ErrorNotice message={sessions.error.message} onRetry={sessions.reload} retryLabel={t('common.retry')} />
      ) : null}
      {sessions.value?.length === 0 ? (
        <EmptyState icon="programme" title={t('programme.emptyTitle')}><p>{t('programme.emptyBody')}</p></EmptyState>
      ) : null}
      {sessions.value
        ? byDay(sessions.value).map(([day, list]) => (
            <section key={day} className="day">
              <h2 className="section-title">{dayFormat.format(new Date(`${day}T12:00:00Z`))}</h2>
              <ol className="session-list" data-testid="session-list">
                {list.map((s) => (
                  <li key={s.id} className="session">
                    <span className="session-time">{s.startsAt}–{s.endsAt}</span>
                    <span className="session-main">
                      <bdi className="session-title">{s.title}</bdi>
                      <span className="sub"><bdi>{s.venue}</bdi></span>
                    </span>
                    <span className={`session-type type-${s.type}`}>{t(`sessionType.${s.type}`)}</span>
                    <span className="session-expected">{t('programme.expected', { count: s.expectedCount })}</span>
                  </li>
                ))}
              </ol>
            </section>
          ))
        : null}
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { CategoryTag } from '../../ui/names';
import { ErrorNotice, Page, Stat } from '../../ui/page';
import { AttendanceOverview } from '../attendance';

/** The event at a glance: who is here now (live), who is registered, from where, and what is on the programme. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const summary = useApiQuery('event.summary', {});
  const event = useApiQuery('event.current', {});
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <Page
      title={t('overview.title')}
      subtitle={event.status === 'ok' ? [event.value.venue, event.value.city].filter(Boolean).join(', ') : undefined}
    >
      {summary.status === 'error' ? (
        <ErrorNotice message={summary.error.message} onRetry={summary.reload} retryLabel={t('common.retry')} />
      ) : null}
      <AttendanceOverview />
      {summary.value ? (
        <>
          <h2 className="section-title">{t('attendance.registeredTitle')}</h2>
          <div className="stats">
            <Stat testId="stat-participants" label={t('overview.participants')} value={number.format(summary.value.participants)} />
            <Stat testId="stat-delegations" label={t('overview.delegations')} value={number.format(summary.value.delegations)} />
            <Stat testId="stat-countries" label={t('overview.countries')} value={number.format(summary.value.countries)} />
            <Stat testId="stat-sessions" label={t('overview.sessions')} value={number.format(summary.value.sessions)} />
            <Stat testId="stat-elections" label={t('overview.elections')} value={number.format(summary.value.elections)} />
          </div>
          <h2 className="section-title">{t('overview.byCategory')}</h2>
          <ul className="category-list">
            {summary.value.byCategory.map((c) => (
              <li key={c.code}>
                <CategoryTag name={t(`category.${c.code}`, { defaultValue: c.name })} colour={c.colour} />
                <span className="count">{number.format(c.count)}</span>
              </li>
            ))}
          </ul>
          {summary.value.cancelled > 0 ? (
            <p className="muted">{t('overview.cancelled', { count: summary.value.cancelled })}</p>
          ) : null}
        </>
      ) : summary.status === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </Page>
  );
}

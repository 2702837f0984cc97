import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { Icon } from '../../ui/icon';
import { ErrorNotice, Page } from '../../ui/page';
import { DelegationList } from './delegation_list';
import { ParticipantTable } from './participant_table';

/** Focuses the search box on "/" as in most staff tools, unless the user is typing already. */
function useSlashToSearch(input: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/** Everyone registered for the event: search, filter by category, and delegations. */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [view, setView] = useState<'people' | 'delegations'>('people');
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const categories = useApiQuery('categories.list', {});
  const people = useApiQuery('participants.list', {
    query,
    limit: 500,
    ...(category ? { categoryCode: category } : {}),
  });
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <Page
      title={t('participants.title')}
      subtitle={people.value ? t('participants.count', { count: people.value.total, formatted: number.format(people.value.total) }) : undefined}
    >
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'people'} onClick={() => setView('people')}>
          {t('participants.people')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'delegations'} onClick={() => setView('delegations')} data-testid="tab-delegations">
          {t('participants.delegations')}
        </button>
      </div>
      {view === 'delegations' ? (
        <DelegationList />
      ) : (
        <>
          <div className="toolbar">
            <label className="search">
              <Icon name="search" />
              <span className="visually-hidden">{t('participants.search')}</span>
              <input
                ref={search}
                type="search"
                value={query}
                placeholder={t('participants.searchPlaceholder')}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="participant-search"
                autoComplete="off"
                spellCheck={false}
              />
              <kbd aria-hidden="true">/</kbd>
            </label>
            <label>
              <span className="visually-hidden">{t('participants.category')}</span>
              <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="category-filter">
                <option value="">{t('participants.allCategories')}</option>
                {categories.value?.map((c) => (
                  <option key={c.code} value={c.code}>{t(`category.${c.code}`, { defaultValue: c.name })}</option>
                ))}
              </select>
            </label>
          </div>
          {people.status === 'error' ? (
            <ErrorNotice message={people.error.message} onRetry={people.reload} retryLabel={t('common.retry')} />
          ) : null}
          {people.value ? (
            people.value.items.length ? (
              <ParticipantTable items={people.value.items} categories={categories.value ?? []} />
            ) : (
              <p className="muted" role="status">{t('participants.noMatch', { query })}</p>
            )
          ) : null}
        </>
      )}
    </Page>
  );
}

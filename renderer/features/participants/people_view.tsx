import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Delegation, Participant, ParticipantChange, ParticipantSort } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { Icon } from '../../ui/icon';
import { ErrorNotice } from '../../ui/page';
import { ParticipantEditor, type EditorTarget } from './participant_editor';
import { ParticipantGrid } from './participant_grid';
import { useParticipantRows, type ListFilter } from './use_participant_rows';
import { useCountryOptions } from './editor_fields';

/** The list's filters and order, shared with the export so that it exports what is shown. */
export interface PeopleFilter {
  query: string;
  categoryCode: string;
  delegationId: string;
  country: string;
  status: '' | 'registered' | 'cancelled';
  /** Arrival at the event desk: anyone, checked in, or not checked in yet. */
  arrival: '' | 'in' | 'out';
  sort: ParticipantSort | undefined;
  direction: 'asc' | 'desc';
}

/** The filter as the API takes it (empty choices left out). */
export function toListFilter(f: PeopleFilter, locale: string): ListFilter {
  return {
    query: f.query,
    direction: f.direction,
    locale,
    ...(f.categoryCode ? { categoryCode: f.categoryCode } : {}),
    ...(f.delegationId ? { delegationId: Number(f.delegationId) } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.arrival ? { checkedIn: f.arrival === 'in' } : {}),
    ...(f.sort ? { sort: f.sort } : {}),
  };
}

/** Focuses the search box on "/" as in most staff tools, unless the user is typing already. */
function useSlashToSearch(input: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/**
 * The people of the event: one search box over every name in every script, filters, the
 * virtualised list, and the side panel to edit a person or add a walk-in.
 */
export function PeopleView({ filter, setFilter, categories, delegations, editor, setEditor, onChanged, canMerge }: {
  filter: PeopleFilter;
  setFilter: (update: Partial<PeopleFilter>) => void;
  categories: readonly Category[];
  delegations: readonly Delegation[];
  editor: EditorTarget | null;
  setEditor: (target: EditorTarget | null) => void;
  onChanged: (participant: Participant, change: ParticipantChange | null) => void;
  canMerge: boolean;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const rows = useParticipantRows(toListFilter(filter, i18n.language));
  // The selection belongs to one list: a new search or filter selects its best match (the
  // first row), so that Enter opens it straight away.
  const listKey = JSON.stringify(filter);
  const [selection, setSelection] = useState({ key: listKey, index: 0 });
  const facets = useApiQuery('participants.facets', {});
  const allCountries = useCountryOptions(t('people.allCountries'));
  const present = new Set(facets.value?.countries.map((c) => c.code) ?? []);
  const countryOptions = allCountries.filter((o) => o.value === '' || present.has(o.value));
  const number = new Intl.NumberFormat(i18n.language);

  const total = rows.total;
  const selected = selection.key === listKey ? Math.min(selection.index, (total ?? 0) - 1) : total ? 0 : -1;
  const setSelected = (index: number) => setSelection({ key: listKey, index });

  const open = async (index: number) => {
    const p = rows.rowAt(index);
    if (!p) return;
    // Notes are not in list answers' freshness guarantee: open the person as stored now.
    const fresh = await api.call('participants.get', { id: p.id });
    setEditor({ kind: 'edit', participant: fresh.ok ? fresh.value : p });
  };

  // Enter pressed before the answer to the last keystroke arrived opens the best match when it does.
  const openWhenReady = useRef(false);
  const firstRow = total ? rows.rowAt(0) : undefined;
  useEffect(() => {
    if (openWhenReady.current && firstRow) {
      openWhenReady.current = false;
      void open(0);
    }
  });

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && (total === null || (total > 0 && !rows.rowAt(Math.max(0, selected))))) {
      e.preventDefault();
      openWhenReady.current = true;
      return;
    }
    if (!total) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected(Math.min(total - 1, Math.max(0, selected + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && selected >= 0) {
      e.preventDefault();
      void open(selected);
    }
  };

  const sortBy = (sort: ParticipantSort) =>
    setFilter(filter.sort === sort ? { direction: filter.direction === 'asc' ? 'desc' : 'asc' } : { sort, direction: 'asc' });

  return (
    <div className={editor ? 'people with-panel' : 'people'}>
      <div className="people-main">
        <div className="toolbar">
          <label className="search">
            <Icon name="search" />
            <span className="visually-hidden">{t('participants.search')}</span>
            <input
              ref={search}
              type="search"
              value={filter.query}
              placeholder={t('people.searchPlaceholder')}
              onChange={(e) => {
                openWhenReady.current = false;
                setFilter({ query: e.target.value });
              }}
              onKeyDown={onSearchKey}
              data-testid="participant-search"
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              dir="auto"
              aria-controls="participant-grid"
            />
            <kbd aria-hidden="true">/</kbd>
          </label>
          <label>
            <span className="visually-hidden">{t('participants.category')}</span>
            <select value={filter.categoryCode} onChange={(e) => setFilter({ categoryCode: e.target.value })} data-testid="category-filter">
              <option value="">{t('participants.allCategories')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>{t(`category.${c.code}`, { defaultValue: c.name })}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('participants.delegation')}</span>
            <select value={filter.delegationId} onChange={(e) => setFilter({ delegationId: e.target.value })} data-testid="delegation-filter">
              <option value="">{t('people.allDelegations')}</option>
              <option value="0">{t('people.noDelegation')}</option>
              {delegations.map((d) => (
                <option key={d.id} value={String(d.id)}>{d.name}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('participants.country')}</span>
            <select value={filter.country} onChange={(e) => setFilter({ country: e.target.value })} data-testid="country-filter">
              {countryOptions.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('people.status')}</span>
            <select value={filter.status} onChange={(e) => setFilter({ status: e.target.value as PeopleFilter['status'] })} data-testid="status-filter">
              <option value="">{t('people.allStatuses')}</option>
              <option value="registered">{t('people.registered')}</option>
              <option value="cancelled">{t('people.cancelled')}</option>
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('people.arrival')}</span>
            <select value={filter.arrival} onChange={(e) => setFilter({ arrival: e.target.value as PeopleFilter['arrival'] })} data-testid="arrival-filter">
              <option value="">{t('people.anyArrival')}</option>
              <option value="in">{t('people.checkedIn')}</option>
              <option value="out">{t('people.notCheckedIn')}</option>
            </select>
          </label>
        </div>
        <p className="list-count" role="status" data-testid="participant-count">
          {total === null ? t('common.loading') : total === 0 && filter.query.trim() ? t('participants.noMatch', { query: filter.query.trim() }) : t('participants.count', { count: total, formatted: number.format(total) })}
        </p>
        {rows.error ? <ErrorNotice message={rows.error.message} onRetry={rows.reload} retryLabel={t('common.retry')} /> : null}
        <div id="participant-grid">
          <ParticipantGrid
            rows={rows}
            categories={categories}
            selected={selected}
            onSelect={setSelected}
            onOpen={(i) => void open(i)}
            sort={filter.sort}
            direction={filter.direction}
            onSort={sortBy}
          />
        </div>
      </div>
      {editor ? (
        <ParticipantEditor
          key={editor.kind === 'edit' ? `edit-${editor.participant.id}-${editor.participant.updatedAt}` : 'create'}
          target={editor}
          categories={categories}
          delegations={delegations}
          canMerge={canMerge}
          onClose={() => {
            setEditor(null);
            search.current?.focus();
          }}
          onSaved={(p, change) => {
            setEditor(null);
            onChanged(p, change);
          }}
        />
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeFilter, Category, Delegation, Participant } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';

/** Who a batch is for, as the person chose it on screen. */
export interface BadgeSelection {
  readonly mode: 'all' | 'delegation' | 'category' | 'person';
  readonly delegationId: number | null;
  readonly categoryCode: string | null;
  readonly person: Pick<Participant, 'id' | 'displayName' | 'nativeName'> | null;
  readonly notPrinted: boolean;
}

export const EVERYONE: BadgeSelection = { mode: 'all', delegationId: null, categoryCode: null, person: null, notPrinted: false };

/** The API filter of a selection; null while a choice is still missing (no person picked yet). */
export function filterOf(selection: BadgeSelection): BadgeFilter | null {
  const base = { notPrinted: selection.notPrinted };
  switch (selection.mode) {
    case 'all':
      return base;
    case 'delegation':
      return selection.delegationId ? { ...base, delegationId: selection.delegationId } : null;
    case 'category':
      return selection.categoryCode ? { ...base, categoryCode: selection.categoryCode } : null;
    case 'person':
      return selection.person ? { ...base, participantIds: [selection.person.id] } : null;
  }
}

/** Finds one person by any of their names, for "print this one badge again". */
function PersonPicker({ selection, onChange }: { selection: BadgeSelection; onChange: (s: BadgeSelection) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useApiQuery('participants.list', { query, limit: 8, status: 'registered' });
  return (
    <div className="person-picker">
      <label className="stacked">
        <span>{t('badges.personSearch')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('badges.personSearchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="badge-person-search"
          maxLength={200}
        />
      </label>
      {query && found.value ? (
        found.value.items.length ? (
          <ul className="person-results" role="listbox" aria-label={t('badges.personSearch')}>
            {found.value.items.map((p) => (
              <li key={p.id} role="option" aria-selected={selection.person?.id === p.id}>
                <button type="button" onClick={() => onChange({ ...selection, person: p })}>
                  <bdi>{p.displayName}</bdi>
                  {p.nativeName && p.nativeName !== p.displayName ? <bdi className="muted" lang={p.nativeNameLang ?? undefined}> {p.nativeName}</bdi> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small" role="status">{t('badges.noPerson', { query })}</p>
        )
      ) : null}
    </div>
  );
}

/** The "who" of a batch: everyone, a delegation, a category or one person; optionally only new badges. */
export function SelectionPanel({ selection, onChange, delegations, categories }: {
  selection: BadgeSelection;
  onChange: (s: BadgeSelection) => void;
  delegations: readonly Delegation[];
  categories: readonly Category[];
}) {
  const { t } = useTranslation();
  const modes: ReadonlyArray<[BadgeSelection['mode'], string]> = [
    ['all', t('badges.whoAll')],
    ['delegation', t('badges.whoDelegation')],
    ['category', t('badges.whoCategory')],
    ['person', t('badges.whoPerson')],
  ];
  return (
    <fieldset className="badge-panel">
      <legend>{t('badges.who')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('badges.who')}>
        {modes.map(([mode, label]) => (
          <label key={mode} className={selection.mode === mode ? 'selected' : undefined} data-testid={`who-${mode}`}>
            <input type="radio" name="badge-who" checked={selection.mode === mode} onChange={() => onChange({ ...selection, mode })} />
            {label}
          </label>
        ))}
      </div>
      {selection.mode === 'delegation' ? (
        <label className="stacked">
          <span>{t('badges.delegation')}</span>
          <select
            value={selection.delegationId ?? ''}
            onChange={(e) => onChange({ ...selection, delegationId: e.target.value ? Number(e.target.value) : null })}
            data-testid="badge-delegation"
          >
            <option value="">—</option>
            {delegations.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      ) : null}
      {selection.mode === 'category' ? (
        <label className="stacked">
          <span>{t('badges.category')}</span>
          <select value={selection.categoryCode ?? ''} onChange={(e) => onChange({ ...selection, categoryCode: e.target.value || null })} data-testid="badge-category">
            <option value="">—</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{t(`category.${c.code}`, { defaultValue: c.name })}</option>)}
          </select>
        </label>
      ) : null}
      {selection.mode === 'person' ? <PersonPicker selection={selection} onChange={onChange} /> : null}
      <label className="checkbox">
        <input type="checkbox" checked={selection.notPrinted} onChange={(e) => onChange({ ...selection, notPrinted: e.target.checked })} data-testid="badge-not-printed" />
        {t('badges.notPrinted')}
      </label>
    </fieldset>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpectedAudience } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';

/** People picked for a "list" audience, found by the participants search (any script). */
function PeoplePicker({ ids, onChange }: { ids: readonly number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const found = useApiQuery('participants.list', { query, limit: 8, status: 'registered' }, []);

  // Names of people already on the list when editing (the search has not shown them yet).
  useEffect(() => {
    const unknown = ids.filter((id) => !names.has(id));
    if (unknown.length === 0) return;
    let live = true;
    void Promise.all(unknown.map((id) => api.call('participants.get', { id }))).then((results) => {
      if (!live) return;
      setNames((prev) => {
        const next = new Map(prev);
        results.forEach((r, i) => next.set(unknown[i] ?? 0, r.ok ? r.value.displayName : `#${unknown[i]}`));
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [api, ids, names]);

  const add = (id: number, name: string) => {
    setNames((prev) => new Map(prev).set(id, name));
    if (!ids.includes(id)) onChange([...ids, id]);
    setQuery('');
  };
  return (
    <div className="prog-people">
      <ul className="prog-chips" aria-label={t('programmeEdit.listChosen')}>
        {ids.map((id) => (
          <li key={id}>
            <bdi>{names.get(id) ?? '…'}</bdi>
            <button type="button" onClick={() => onChange(ids.filter((x) => x !== id))} aria-label={t('programmeEdit.removePerson', { name: names.get(id) ?? '' })}>×</button>
          </li>
        ))}
      </ul>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('programmeEdit.findPerson')} aria-label={t('programmeEdit.findPerson')} maxLength={200} data-testid="session-person-search" />
      {query.trim() && found.value ? (
        <ul className="prog-found" role="listbox" aria-label={t('programmeEdit.findPerson')}>
          {found.value.items.map((p) => (
            <li key={p.id} role="option" aria-selected={ids.includes(p.id)}>
              <button type="button" onClick={() => add(p.id, p.displayName)}>
                <bdi className="strong">{p.displayName}</bdi>
                {p.nativeName && p.nativeName !== p.displayName ? <bdi lang={p.nativeNameLang ?? undefined}> {p.nativeName}</bdi> : null}
                {p.delegationName ? <span className="sub"><bdi>{p.delegationName}</bdi></span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Who a session expects: everyone, some delegations, or a list of people. */
export function AudienceFields({ value, onChange }: { value: ExpectedAudience; onChange: (value: ExpectedAudience) => void }) {
  const { t } = useTranslation();
  const delegations = useApiQuery('delegations.list', {});
  const chosen = value.kind === 'delegations' ? value.delegationIds : [];
  return (
    <fieldset className="prog-audience">
      <legend>{t('programmeEdit.expected')}</legend>
      <div className="prog-radios" role="radiogroup">
        {(['all', 'delegations', 'list'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="audience"
              checked={value.kind === kind}
              onChange={() => onChange(kind === 'all' ? { kind } : kind === 'delegations' ? { kind, delegationIds: [] } : { kind, participantIds: [] })}
              data-testid={`audience-${kind}`}
            />
            {t(`programmeEdit.audience.${kind}`)}
          </label>
        ))}
      </div>
      {value.kind === 'delegations' ? (
        <ul className="prog-delegations" data-testid="audience-delegations">
          {(delegations.value ?? []).map((d) => (
            <li key={d.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(d.id)}
                  onChange={(e) => onChange({ kind: 'delegations', delegationIds: e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id) })}
                />
                <bdi>{d.name}</bdi> <span className="muted">({d.memberCount})</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {value.kind === 'list' ? <PeoplePicker ids={value.participantIds} onChange={(participantIds) => onChange({ kind: 'list', participantIds })} /> : null}
    </fieldset>
  );
}

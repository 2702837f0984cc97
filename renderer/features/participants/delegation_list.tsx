import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegation, Participant } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { countryName } from '../../ui/names';
import { ErrorNotice } from '../../ui/page';
import { useCountryOptions } from './editor_fields';

/** One delegation being changed: its name, country and head (chosen among its members). */
function DelegationEditRow({ d, onDone }: { d: Delegation; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const members = useApiQuery('participants.list', { query: '', delegationId: d.id, sort: 'protocol', limit: 500 });
  const countries = useCountryOptions(t('people.none'));
  const [name, setName] = useState(d.name);
  const [country, setCountry] = useState(d.country ?? '');
  const [head, setHead] = useState(d.headParticipantId === null ? '' : String(d.headParticipantId));
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    const saved = await api.call('delegations.save', { id: d.id, name: name.trim(), country: country || null });
    if (!saved.ok) return setProblem(saved.error.message);
    if (head !== (d.headParticipantId === null ? '' : String(d.headParticipantId))) {
      const headed = await api.call('delegations.setHead', { delegationId: d.id, participantId: head ? Number(head) : null });
      if (!headed.ok) return setProblem(headed.error.message);
    }
    onDone(t('people.delegationSaved', { name: name.trim() }));
    return undefined;
  };

  return (
    <tr className="editing">
      <td />
      <td>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('participants.delegation')} dir="auto" data-testid="delegation-name-input" />
        {problem ? <span className="field-error" role="alert">{problem}</span> : null}
      </td>
      <td>
        <select value={country} onChange={(e) => setCountry(e.target.value)} aria-label={t('participants.country')}>
          {countries.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </td>
      <td>
        <select value={head} onChange={(e) => setHead(e.target.value)} aria-label={t('participants.head')} data-testid="head-select">
          <option value="">{t('participants.noHead')}</option>
          {(members.value?.items ?? []).map((m: Participant) => (
            <option key={m.id} value={String(m.id)}>{m.displayName}</option>
          ))}
        </select>
      </td>
      <td className="num">{d.memberCount}</td>
      <td className="row-actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="delegation-save">{t('people.save')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('people.discard')}</button>
      </td>
    </tr>
  );
}

/** A form that adds a delegation at the end of the protocol order. */
function AddDelegation({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const countries = useCountryOptions(t('people.none'));
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const add = async () => {
    if (!name.trim()) return;
    const saved = await api.call('delegations.save', { name: name.trim(), country: country || null });
    if (saved.ok) {
      setName('');
      setCountry('');
    }
    onDone(saved.ok ? t('people.delegationSaved', { name: saved.value.name }) : saved.error.message);
  };
  return (
    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('people.newDelegation')} aria-label={t('people.newDelegation')} dir="auto" />
      <select value={country} onChange={(e) => setCountry(e.target.value)} aria-label={t('participants.country')}>
        {countries.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <button type="submit" disabled={!name.trim()}>{t('people.addDelegation')}</button>
    </form>
  );
}

/**
 * Delegations in protocol order with their heads and sizes. The host's own screen may rename
 * them, name a head among the members (who then comes first), move them up or down in protocol
 * order, add one and remove an empty one; every desk sees the list.
 */
export function DelegationList({ canManage, onShowMembers, onMessage }: { canManage: boolean; onShowMembers: (id: number) => void; onMessage: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delegations = useApiQuery('delegations.list', {});
  const [editing, setEditing] = useState<number | null>(null);
  if (delegations.status === 'error') {
    return <ErrorNotice message={delegations.error.message} onRetry={delegations.reload} retryLabel={t('common.retry')} />;
  }
  const list = delegations.value ?? [];

  const move = async (index: number, by: -1 | 1) => {
    const ids = list.map((d) => d.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    const result = await api.call('delegations.reorder', { ids });
    if (!result.ok) onMessage(result.error.message);
  };
  const remove = async (d: Delegation) => {
    const result = await api.call('delegations.delete', { id: d.id });
    onMessage(result.ok ? t('people.delegationRemoved', { name: d.name }) : result.error.message);
  };

  return (
    <>
      <table className="data-table delegation-table" data-testid="delegation-table">
        <thead>
          <tr>
            <th scope="col" className="num">{t('people.protocolOrder')}</th>
            <th scope="col">{t('participants.delegation')}</th>
            <th scope="col">{t('participants.country')}</th>
            <th scope="col">{t('participants.head')}</th>
            <th scope="col" className="num">{t('participants.members')}</th>
            <th scope="col"><span className="visually-hidden">{t('people.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((d, i) =>
            editing === d.id ? (
              <DelegationEditRow key={d.id} d={d} onDone={(m) => { setEditing(null); if (m) onMessage(m); }} />
            ) : (
              <tr key={d.id}>
                <td className="num">
                  {canManage ? (
                    <span className="order-buttons">
                      <button type="button" className="icon-button" disabled={i === 0} onClick={() => void move(i, -1)} aria-label={t('people.moveUp', { name: d.name })}>▲</button>
                      <button type="button" className="icon-button" disabled={i === list.length - 1} onClick={() => void move(i, 1)} aria-label={t('people.moveDown', { name: d.name })}>▼</button>
                    </span>
                  ) : null}
                  {d.protocolOrder}
                </td>
                <td><bdi className="cell-text" title={d.name}>{d.name}</bdi></td>
                <td>{countryName(d.country, i18n.language)}</td>
                <td><bdi className="cell-text">{d.headName ?? t('participants.noHead')}</bdi></td>
                <td className="num">
                  {d.memberCount}
                  {d.cancelledCount ? <span className="muted"> {t('people.plusCancelled', { count: d.cancelledCount })}</span> : null}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => onShowMembers(d.id)}>{t('people.showMembers')}</button>
                  {canManage ? <button type="button" onClick={() => setEditing(d.id)} data-testid="delegation-edit">{t('people.edit')}</button> : null}
                  {canManage && d.memberCount + (d.cancelledCount ?? 0) === 0 ? (
                    <button type="button" className="danger" onClick={() => void remove(d)}>{t('people.remove')}</button>
                  ) : null}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {canManage ? <AddDelegation onDone={onMessage} /> : null}
    </>
  );
}

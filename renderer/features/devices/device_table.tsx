import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, PairedRole } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { PAIRED_ROLES } from './pair_card';
import { timeAgo, useNow } from './time_ago';

/** One device's row: state, name (renamable), role (changeable), where and when last seen, revoke. */
function DeviceRow({ device, onChanged }: { device: Device; onChanged: (problem: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const now = useNow(15_000);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(device.name);
  const [confirming, setConfirming] = useState(false);
  const revoked = device.revokedAt !== null;

  const update = async (changes: { name?: string; role?: PairedRole }) => {
    const result = await api.call('devices.update', { id: device.id, ...changes });
    onChanged(result.ok ? null : result.error.message);
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    setRenaming(false);
    if (name.trim() && name.trim() !== device.name) void update({ name: name.trim() });
  };
  const revoke = async () => {
    setConfirming(false);
    const result = await api.call('devices.revoke', { id: device.id });
    onChanged(result.ok ? null : result.error.message);
  };

  return (
    <tr data-testid="device-row" data-device={device.name} className={revoked ? 'revoked' : undefined}>
      <td>
        <span className={device.online ? 'presence online' : 'presence'} data-testid="device-presence">
          {revoked ? t('deviceAdmin.revoked') : device.online ? t('deviceAdmin.online') : t('deviceAdmin.offline')}
        </span>
      </td>
      <td>
        {renaming ? (
          <form className="inline-form" onSubmit={rename}>
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} aria-label={t('deviceAdmin.name')} autoFocus />
            <button type="submit">{t('deviceAdmin.save')}</button>
            <button type="button" onClick={() => setRenaming(false)}>{t('deviceAdmin.keep')}</button>
          </form>
        ) : (
          <bdi className="strong">{device.name}</bdi>
        )}
        <span className="sub">{t('deviceAdmin.pairedAt', { when: timeAgo(device.pairedAt, now, i18n.language, t('deviceAdmin.justNow')) })}</span>
      </td>
      <td>
        {revoked ? (
          t(`pairing.role.${device.role}`)
        ) : (
          <select value={device.role} onChange={(e) => void update({ role: e.target.value as PairedRole })} aria-label={t('deviceAdmin.roleOf', { name: device.name })} data-testid="device-role">
            {PAIRED_ROLES.map((r) => (
              <option key={r} value={r}>{t(`pairing.role.${r}`)}</option>
            ))}
          </select>
        )}
      </td>
      <td><code dir="ltr">{device.lastAddress ?? device.pairedFrom}</code></td>
      <td>
        {revoked && device.revokedAt
          ? t('deviceAdmin.revokedAt', { when: timeAgo(device.revokedAt, now, i18n.language, t('deviceAdmin.justNow')) })
          : device.online
            ? t('deviceAdmin.connectedNow', { count: device.connections })
            : device.lastSeenAt
              ? timeAgo(device.lastSeenAt, now, i18n.language, t('deviceAdmin.justNow'))
              : '—'}
      </td>
      <td className="row-actions">
        {revoked ? null : confirming ? (
          <span className="confirm" role="group" aria-label={t('deviceAdmin.revokeQuestion', { name: device.name })}>
            <span>{t('deviceAdmin.revokeQuestion', { name: device.name })}</span>
            <button type="button" className="danger" onClick={() => void revoke()} data-testid="revoke-confirm">{t('deviceAdmin.revoke')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('deviceAdmin.keep')}</button>
          </span>
        ) : (
          <>
            <button type="button" onClick={() => { setName(device.name); setRenaming(true); }}>{t('deviceAdmin.rename')}</button>
            <button type="button" className="danger-outline" onClick={() => setConfirming(true)} data-testid="revoke">{t('deviceAdmin.revoke')}</button>
          </>
        )}
      </td>
    </tr>
  );
}

/** The table of devices: active ones, and a folded list of revoked ones for the record. */
export function DeviceTable({ devices, onChanged }: { devices: readonly Device[]; onChanged: (problem: string | null) => void }) {
  const { t } = useTranslation();
  const active = devices.filter((d) => d.revokedAt === null);
  const revoked = devices.filter((d) => d.revokedAt !== null);
  const head = (
    <thead>
      <tr>
        <th>{t('deviceAdmin.state')}</th>
        <th>{t('deviceAdmin.name')}</th>
        <th>{t('deviceAdmin.role')}</th>
        <th>{t('deviceAdmin.address')}</th>
        <th>{t('deviceAdmin.lastSeen')}</th>
        <th><span className="visually-hidden">{t('deviceAdmin.actions')}</span></th>
      </tr>
    </thead>
  );
  return (
    <>
      <h2 className="section-title">{t('deviceAdmin.pairedCount', { count: active.length })}</h2>
      {active.length ? (
        <table className="data-table device-table" data-testid="device-table">
          {head}
          <tbody>{active.map((d) => <DeviceRow key={d.id} device={d} onChanged={onChanged} />)}</tbody>
        </table>
      ) : (
        <p className="muted">{t('deviceAdmin.none')}</p>
      )}
      {revoked.length ? (
        <details className="revoked-list">
          <summary>{t('deviceAdmin.revokedCount', { count: revoked.length })}</summary>
          <table className="data-table device-table">
            {head}
            <tbody>{revoked.map((d) => <DeviceRow key={d.id} device={d} onChanged={onChanged} />)}</tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerRole, DeviceIdentity } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { wasDeviceCutOff } from '../../api/device_token';
import { KioskScreen } from '../kiosk';
import { PairingPage } from './pairing_page';
import './pairing.css';

/** What this browser is to the host: its role, and the device it was paired as (none on the host itself). */
export interface DeviceAccess {
  readonly role: CallerRole;
  readonly device: DeviceIdentity | null;
}

type GateState =
  | { kind: 'loading' }
  | { kind: 'ready'; access: DeviceAccess }
  | { kind: 'unpaired'; lost: boolean }
  | { kind: 'error'; message: string };

/**
 * Asks the host who this browser is, and shows only what that role may see: the pairing
 * page when unpaired, the kiosk when a booth, the staff app otherwise. It follows the host:
 * a role change re-renders at once, and a revoked device drops to the "no longer paired" page.
 */
export function DeviceGate({ staff }: { staff: (access: DeviceAccess) => ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  const check = useCallback(() => {
    void api.call('devices.whoami', {}).then((result) => {
      if (!result.ok) {
        // A refused token means the host revoked or forgot this device.
        setState(result.error.code === 'forbidden' ? { kind: 'unpaired', lost: true } : { kind: 'error', message: result.error.message });
        return;
      }
      const { role, device } = result.value;
      setState((previous) =>
        role === 'unpaired'
          ? { kind: 'unpaired', lost: (previous.kind === 'unpaired' && previous.lost) || wasDeviceCutOff() }
          : { kind: 'ready', access: { role, device } },
      );
    });
  }, [api]);

  useEffect(check, [check]);
  useEffect(() => api.transport.onUnpaired(() => setState({ kind: 'unpaired', lost: true })), [api]);

  // A paired device listens for changes to itself (new role or name) and follows them.
  const deviceId = state.kind === 'ready' ? state.access.device?.id : undefined;
  useEffect(() => {
    if (!deviceId) return undefined;
    return api.transport.listen((message) => {
      const changed = (message.payload as { deviceId?: unknown } | null)?.deviceId;
      if ((message.topic === 'devices.changed' && changed === deviceId) || message.topic === 'event.changed') check();
    });
  }, [api, deviceId, check]);

  switch (state.kind) {
    case 'loading':
      return <div className="gate-loading" role="status">{t('common.loading')}</div>;
    case 'error':
      return (
        <div className="gate-error" role="alert">
          <p>{state.message}</p>
          <button type="button" onClick={check}>{t('common.retry')}</button>
        </div>
      );
    case 'unpaired':
      return <PairingPage lost={state.lost} onPaired={check} />;
    case 'ready':
      if (state.access.role === 'booth' && state.access.device) return <KioskScreen device={state.access.device} />;
      return <>{staff(state.access)}</>;
  }
}

import { ok } from '../../../contract';
import type { DeviceService } from '../../devices/device_service';
import type { FeatureHandlers } from './handler_kit';

type DeviceMethod =
  | 'devices.whoami'
  | 'devices.pair'
  | 'devices.list'
  | 'devices.pairingStart'
  | 'devices.pairings'
  | 'devices.pairingCancel'
  | 'devices.update'
  | 'devices.revoke'
  | 'devices.network'
  | 'devices.setNetwork';

/** Pairing, the device list, roles, revocation and the host's LAN switch. */
export function deviceHandlers(devices: DeviceService): FeatureHandlers<DeviceMethod> {
  return {
    'devices.whoami': (_input, caller) => ok({ role: caller.role, device: devices.identity(caller.deviceId) }),
    // The address is the rate limit's key; in-process callers (IPC, CLI) never pair.
    'devices.pair': (input, caller) => devices.pair(input.code, caller.address ?? caller.transport),
    'devices.list': () => devices.list(),
    'devices.pairingStart': (input) => devices.startPairing(input.role, input.name),
    'devices.pairings': () => ok(devices.pairings()),
    'devices.pairingCancel': (input) => ok({ cancelled: devices.cancelPairing(input.code) }),
    'devices.update': (input) => devices.update(input.id, { name: input.name, role: input.role }),
    'devices.revoke': (input) => devices.revoke(input.id),
    'devices.network': () => ok(devices.networkInfo()),
    'devices.setNetwork': (input) => devices.setNetwork(input),
  };
}

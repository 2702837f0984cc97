import crypto from 'node:crypto';
import {
  err,
  ok,
  type Device,
  type DeviceIdentity,
  type HostNetwork,
  type PairedRole,
  type PairingOffer,
  type Result,
} from '../../contract';
import type { Db } from '../db/connection';
import { AttemptLimiter, type LimitRule } from './attempt_limiter';
import { hashToken, looksLikeToken, newDeviceToken } from './device_tokens';
import {
  findDeviceByTokenHash,
  getDevice,
  insertDevice,
  isNameTaken,
  listDevices,
  revokeDevice,
  touchDevice,
  updateDevice,
  type StoredDevice,
} from './device_store';
import { PairingCodes, type OpenCode } from './pairing_codes';
import { Presence } from './presence';

/** Failed pairing attempts allowed from one address: 5 per 10 minutes. */
export const PAIR_LIMIT_PER_CLIENT: LimitRule = { max: 5, windowMs: 10 * 60 * 1000 };
/** Failed pairing attempts allowed from everyone together: 20 per minute. */
export const PAIR_LIMIT_GLOBAL: LimitRule = { max: 20, windowMs: 60 * 1000 };
/** "Last seen" is written at most this often per device; the screen shows the fresher memory copy. */
const TOUCH_WRITE_MS = 30 * 1000;

/** What staff can switch about the web server: LAN reach, and HTTPS for LAN devices. */
export interface NetworkChanges {
  readonly lan?: boolean;
  readonly https?: boolean;
}

/** How the running web server is reached and switched between this machine and the LAN. */
export interface NetworkControl {
  info(): HostNetwork;
  configure(changes: NetworkChanges): Promise<Result<HostNetwork, 'listen_failed' | 'unavailable'>>;
}

export interface DeviceServiceOptions {
  /** The open event's database, or null when none is open. */
  readonly db: () => Db | null;
  /** Tells every screen that the device list changed (the `devices.changed` push). */
  readonly publish: (deviceId: string | null) => void;
  readonly now?: () => Date;
  readonly limits?: { perClient: LimitRule; global: LimitRule };
}

const NO_EVENT = err('no_event', 'No event is open. Open or create an event first.');

/**
 * Devices paired to the open event: pairing codes, token checks, roles, presence and
 * revocation. Devices belong to an event; switching the host to another event cuts them off.
 */
export class DeviceService {
  readonly presence = new Presence();
  private readonly codes: PairingCodes;
  private readonly limiter: AttemptLimiter;
  private readonly seen = new Map<string, { at: string; address: string; written: number }>();
  private network: NetworkControl | null = null;
  private networkProblem: string | null = null;

  constructor(private readonly options: DeviceServiceOptions) {
    const nowMs = () => this.now().getTime();
    this.codes = new PairingCodes(nowMs);
    const limits = options.limits ?? { perClient: PAIR_LIMIT_PER_CLIENT, global: PAIR_LIMIT_GLOBAL };
    this.limiter = new AttemptLimiter(limits.perClient, limits.global, nowMs);
  }

  /** Connects the running web server, so pairing links and the LAN switch work. */
  attachNetwork(control: NetworkControl | null, problem: string | null = null): void {
    this.network = control;
    this.networkProblem = problem;
  }

  /** Where the host listens (or why it does not). */
  networkInfo(): HostNetwork {
    if (this.network) return this.network.info();
    return {
      lan: false,
      bind: '',
      port: 0,
      protocol: 'http',
      httpsAvailable: false,
      addresses: [],
      certificateFingerprint: null,
      canChange: false,
      problem: this.networkProblem ?? 'No web server runs in this process, so devices cannot connect.',
    };
  }

  /** Switches LAN reach and HTTPS; remembered by the control for the next start. */
  async setNetwork(changes: NetworkChanges): Promise<Result<HostNetwork, 'unavailable' | 'listen_failed'>> {
    if (!this.network) return err('unavailable', this.networkInfo().problem ?? 'No web server runs in this process.');
    return this.network.configure(changes);
  }

  /**
   * The paired device a token belongs to, or null (unknown, malformed or revoked). Every
   * successful check counts as the device being seen at that address.
   */
  authenticate(token: string, address: string): StoredDevice | null {
    const db = this.options.db();
    if (!db || !looksLikeToken(token)) return null;
    const device = findDeviceByTokenHash(db, hashToken(token));
    if (device) this.touch(db, device.id, address);
    return device;
  }

  /** Who the caller is, as a device. */
  identity(deviceId: string | undefined): DeviceIdentity | null {
    const db = this.options.db();
    const d = db && deviceId ? getDevice(db, deviceId) : null;
    return d && !d.revokedAt ? { id: d.id, name: d.name, role: d.role } : null;
  }

  /** Opens a pairing code for a new device. */
  startPairing(role: PairedRole, name: string): Result<PairingOffer, 'no_event' | 'too_many_codes' | 'name_taken'> {
    const db = this.options.db();
    if (!db) return NO_EVENT;
    if (isNameTaken(db, name) || this.codes.hasName(name)) {
      return err('name_taken', `A device called "${name}" is paired or being paired already. Choose another name.`);
    }
    const opened = this.codes.create(role, name);
    if (!opened.ok) return opened;
    this.options.publish(null);
    return ok(this.offer(opened.value));
  }

  /** The open pairing codes. */
  pairings(): PairingOffer[] {
    return this.codes.list().map((c) => this.offer(c));
  }

  /** Withdraws one open code or all. */
  cancelPairing(code?: string): number {
    const n = this.codes.cancel(code);
    if (n) this.options.publish(null);
    return n;
  }

  /**
   * Redeems a code from `address`. Refused before the code is looked at when this address,
   * or everyone together, has failed too often lately.
   */
  pair(code: string, address: string): Result<{ token: string; device: DeviceIdentity }, 'code_unknown' | 'code_expired' | 'code_used' | 'rate_limited' | 'no_event'> {
    const db = this.options.db();
    if (!db) return NO_EVENT;
    const verdict = this.limiter.check(address);
    if (!verdict.allowed) {
      const minutes = Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000));
      return err('rate_limited', `Too many wrong codes. Pairing is paused; try again in ${minutes} min, or ask staff for help.`);
    }
    const redeemed = this.codes.redeem(code);
    if (!redeemed.ok) {
      this.limiter.fail(address);
      return redeemed;
    }
    const { role, name } = redeemed.value;
    const token = newDeviceToken();
    const id = crypto.randomUUID();
    const at = this.now().toISOString();
    // A device paired under a name that another one took meanwhile gets a distinct name.
    const finalName = isNameTaken(db, name) ? `${name} (${id.slice(0, 4)})` : name;
    insertDevice(db, { id, name: finalName, role, tokenSha256: hashToken(token), pairedAt: at, pairedFrom: address });
    this.options.publish(id);
    return ok({ token, device: { id, name: finalName, role } });
  }

  /** Every device, with whether it is online now. */
  list(): Result<Device[], 'no_event'> {
    const db = this.options.db();
    if (!db) return NO_EVENT;
    const devices = listDevices(db).map((d) => this.view(d));
    // Online devices first, then by name (the store already put revoked ones last).
    return ok(devices.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || Number(b.online) - Number(a.online)));
  }

  /** Renames a device or changes its role; live connections follow the new role at once. */
  update(id: string, changes: { name?: string; role?: PairedRole }): Result<Device, 'no_event' | 'not_found' | 'revoked' | 'name_taken'> {
    const db = this.options.db();
    if (!db) return NO_EVENT;
    const device = getDevice(db, id);
    if (!device) return err('not_found', 'That device is not paired to this event. Refresh the list.');
    if (device.revokedAt) return err('revoked', `"${device.name}" was revoked; pair it again instead.`);
    if (changes.name !== undefined && (isNameTaken(db, changes.name, id) || this.codes.hasName(changes.name))) {
      return err('name_taken', `Another device is called "${changes.name}" already. Choose another name.`);
    }
    updateDevice(db, id, changes);
    if (changes.role) this.presence.setRole(id, changes.role);
    this.options.publish(id);
    return ok(this.view(getDevice(db, id) as StoredDevice));
  }

  /** Cuts a device off: the token hash is erased and its live connections are closed now. */
  revoke(id: string): Result<Device, 'no_event' | 'not_found'> {
    const db = this.options.db();
    if (!db) return NO_EVENT;
    const device = getDevice(db, id);
    if (!device) return err('not_found', 'That device is not paired to this event. Refresh the list.');
    revokeDevice(db, id, this.now().toISOString());
    this.seen.delete(id);
    this.presence.closeDevice(id, 'revoked');
    this.options.publish(id);
    return ok(this.view(getDevice(db, id) as StoredDevice));
  }

  /** The host opened another event: that event's devices are not this one's. */
  eventChanged(): void {
    this.codes.cancel();
    this.seen.clear();
    this.presence.closeAllDevices('event_changed');
  }

  /** A device's push connection opened or closed: the devices screen shows it live. */
  connectionChanged(deviceId: string | null): void {
    if (deviceId) this.options.publish(deviceId);
  }

  private touch(db: Db, id: string, address: string): void {
    const nowDate = this.now();
    const t = nowDate.getTime();
    const previous = this.seen.get(id);
    const write = !previous || previous.address !== address || t - previous.written >= TOUCH_WRITE_MS;
    if (write) touchDevice(db, id, nowDate.toISOString(), address);
    this.seen.set(id, { at: nowDate.toISOString(), address, written: write ? t : (previous?.written ?? t) });
  }

  private view(d: StoredDevice): Device {
    const fresh = this.seen.get(d.id);
    const connections = d.revokedAt ? 0 : this.presence.count(d.id);
    return {
      id: d.id,
      name: d.name,
      role: d.role,
      pairedAt: d.pairedAt,
      pairedFrom: d.pairedFrom,
      lastSeenAt: fresh?.at ?? d.lastSeenAt,
      lastAddress: fresh?.address ?? d.lastAddress,
      online: connections > 0,
      connections,
      revokedAt: d.revokedAt,
    };
  }

  private offer(c: OpenCode): PairingOffer {
    const info = this.networkInfo();
    const fp = info.certificateFingerprint ? `&fp=${info.certificateFingerprint.replace(/:/gu, '')}` : '';
    return {
      code: c.code,
      role: c.role,
      name: c.name,
      createdAt: new Date(c.createdAt).toISOString(),
      expiresAt: new Date(c.expiresAt).toISOString(),
      pairUrls: info.addresses.filter((a) => a.kind === 'lan').map((a) => `${a.url}#pair=${c.code}${fp}`),
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

import crypto from 'node:crypto';
import type { Socket } from 'node:net';
import os from 'node:os';
import { err, ok, type HostAddress, type HostNetwork, type Result } from '../../contract';
import type { HostCore } from '../api/host_core';
import type { NetworkChanges, NetworkControl } from '../devices/device_service';
import type { TlsMaterial } from '../devices/lan_certificate';
import { lanAddresses, type ExtraListeners, type LanAddress } from './lan_listeners';
import { isLoopback, normalizeAddress } from './request_auth';
import { loopbackHosts } from './security_headers';
import type { PushEndpoint } from './ws_push';

export interface LanControlOptions {
  readonly core: HostCore;
  readonly extras: ExtraListeners;
  readonly push: PushEndpoint;
  /** The admin's loopback listener: its bind address, port and URL. */
  readonly bind: string;
  readonly port: number;
  readonly url: string;
  readonly https: boolean;
  readonly tls: ((addresses: readonly string[]) => Promise<TlsMaterial>) | null;
  readonly onNetworkChange?: (settings: { lan: boolean; https: boolean }) => void;
  readonly rescanMs: number;
}

/**
 * LAN reach of the running host: which network addresses get a listener, over http or
 * HTTPS, and under which Host names the server may be reached. Switching opens and closes
 * the LAN listeners beside the admin's loopback one, which never restarts.
 */
export class LanControl implements NetworkControl {
  private lan: { address: string | null } | null = null;
  private httpsOn: boolean;
  private tls: TlsMaterial | null = null;
  private problem: string | null = null;
  private allowed: Set<string>;
  private readonly rescan: NodeJS.Timeout;
  private readonly stopCertFollow: () => void;

  constructor(private readonly o: LanControlOptions) {
    this.httpsOn = o.https && o.tls !== null;
    this.allowed = new Set(loopbackHosts(o.port));
    this.refreshHosts();
    // A new certificate for each event: devices see which event's host they trust.
    this.stopCertFollow = o.core.bus.subscribe((m) => {
      if (m.topic === 'event.changed' && this.lan && this.httpsOn) void this.certificateFor(this.served().map((l) => l.address));
    });
    // The venue Wi-Fi may hand this machine a new address; follow it while LAN is on.
    this.rescan = setInterval(() => {
      if (!this.lan || this.lan.address) return;
      const before = this.served().map((l) => l.address).join();
      void this.syncLan().then(() => {
        if (this.served().map((l) => l.address).join() !== before) o.core.bus.publish('devices.changed', { deviceId: null });
      });
    }, o.rescanMs);
    this.rescan.unref();
  }

  /** The Host header values this server answers under (defeats DNS rebinding). */
  hosts(): ReadonlySet<string> {
    return this.allowed;
  }

  /** Where the host listens, as the devices screen shows it. */
  info(): HostNetwork {
    const lanListeners = this.o.extras.list().map<HostAddress>((l) => ({
      url: `${this.tls && !l.remote ? 'https' : 'http'}://${l.address}:${l.port}/`,
      interface: l.remote ? 'test stand-in' : l.iface,
      kind: 'lan',
    }));
    return {
      lan: this.lan !== null,
      bind: this.lan ? (this.lan.address ?? '0.0.0.0') : this.o.bind,
      port: this.o.port,
      protocol: this.httpsOn ? 'https' : 'http',
      httpsAvailable: this.o.tls !== null,
      addresses: [{ url: this.o.url, interface: 'loopback', kind: 'loopback' }, ...lanListeners],
      certificateFingerprint: this.tls && this.lan ? new crypto.X509Certificate(this.tls.cert).fingerprint256 : null,
      canChange: true,
      problem: this.problem,
    };
  }

  /** Applies staff's choice: LAN on or off, and http or HTTPS for LAN devices (their listeners reopen). */
  async configure(changes: NetworkChanges): Promise<Result<HostNetwork, 'listen_failed' | 'unavailable'>> {
    const wantHttps = changes.https ?? this.httpsOn;
    if (wantHttps && !this.o.tls) return err('unavailable', 'This host cannot make a certificate, so it serves LAN devices over http only.');
    if (wantHttps !== this.httpsOn) {
      this.httpsOn = wantHttps;
      // Devices on the old protocol lose their connection and must open the new address.
      await this.o.extras.retain(new Set());
      this.closeLanConnections('protocol_changed');
    }
    const wantLan = changes.lan ?? this.lan !== null;
    return this.setLan(wantLan, wantLan ? (this.lan?.address ?? null) : null);
  }

  /** Switches LAN reach; `remember` writes the choice for the next start (the starting choice is not). */
  async setLan(on: boolean, address: string | null, remember = true): Promise<Result<HostNetwork, 'listen_failed'>> {
    if (!on) {
      this.lan = null;
      this.problem = null;
      await this.o.extras.retain(new Set());
      this.refreshHosts();
      // Devices that came over the LAN lose their live connection; they come back when LAN does.
      this.closeLanConnections('lan_off');
    } else {
      this.lan = { address };
      const failures = await this.syncLan();
      const served = this.served().length > 0;
      this.problem = failures.length
        ? `Could not listen on ${failures.join(', ')}.`
        : served
          ? null
          : 'This computer has no network address: connect it to the venue network, then let devices connect again.';
      if (!served) {
        this.lan = null;
        this.refreshHosts();
        this.o.core.bus.publish('devices.changed', { deviceId: null });
        return err('listen_failed', this.problem ?? 'Could not listen on the network.');
      }
    }
    if (remember) this.o.onNetworkChange?.({ lan: on, https: this.httpsOn });
    this.o.core.bus.publish('devices.changed', { deviceId: null });
    return ok(this.info());
  }

  /** Stops following addresses and events (shutdown). */
  stop(): void {
    clearInterval(this.rescan);
    this.stopCertFollow();
  }

  private served() {
    return this.o.extras.list().filter((l) => !l.remote);
  }

  private closeLanConnections(reason: string): void {
    this.o.push.closeWhere((raw: Socket) => !isLoopback(normalizeAddress(raw.remoteAddress)), reason);
  }

  private async certificateFor(addresses: readonly string[]): Promise<void> {
    this.tls = this.httpsOn && this.o.tls ? await this.o.tls(addresses) : null;
    this.o.extras.setTls(this.tls);
  }

  /** Opens listeners on the LAN addresses not yet served and closes those that went away. */
  private async syncLan(): Promise<string[]> {
    if (!this.lan) return [];
    const wanted: LanAddress[] = this.lan.address ? [{ address: this.lan.address, iface: 'chosen' }] : lanAddresses();
    const failures: string[] = [];
    if (wanted.length) await this.certificateFor(wanted.map((w) => w.address));
    await this.o.extras.retain(new Set(wanted.map((w) => w.address)));
    for (const w of wanted) {
      const failure = await this.o.extras.add(w.address, this.o.port, { iface: w.iface });
      if (failure) failures.push(`${w.address} (${failure})`);
    }
    this.refreshHosts();
    return failures;
  }

  /** Recomputes the Host allowlist from the listeners actually open. */
  refreshHosts(): void {
    const next = new Set(loopbackHosts(this.o.port));
    for (const l of this.o.extras.list()) {
      next.add(`${l.address}:${l.port}`);
      if (l.remote) next.add(`localhost:${l.port}`);
    }
    if (this.lan) next.add(`${os.hostname().toLowerCase()}.local:${this.o.port}`);
    this.allowed = next;
  }
}

import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import type { Socket } from 'node:net';
import type { TlsMaterial } from '../devices/lan_certificate';

/** A network address of this machine that LAN devices can reach. */
export interface LanAddress {
  readonly address: string;
  readonly iface: string;
}

/** The machine's IPv4 addresses on real networks (no loopback, no link-local 169.254/16). */
export function lanAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): LanAddress[] {
  const out: LanAddress[] = [];
  for (const [iface, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      out.push({ address: info.address, iface });
    }
  }
  return out.sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true }));
}


interface Listener {
  readonly address: string;
  readonly iface: string;
  readonly port: number;
  /** Connections on it count as LAN devices even from loopback (the e2e stand-in for a tablet). */
  readonly remote: boolean;
  readonly server: http.Server | https.Server;
}

/**
 * Extra listening sockets beside the main (loopback) one, all feeding the same fastify
 * handler: one per LAN address while LAN is on, and optionally a loopback "LAN stand-in"
 * for tests. Switching LAN on and off opens and closes these, never the admin's own socket.
 */
export class ExtraListeners {
  private readonly listeners = new Map<string, Listener>();
  private readonly remoteSockets = new WeakSet<Socket>();

  constructor(
    private readonly handler: http.RequestListener,
    /** The main server: WebSocket upgrades are handed to it, where the WebSocket plugin listens. */
    private readonly upgradeTarget: http.Server,
    private tls: TlsMaterial | null,
  ) {}

  /** Opens a listener on `address:port`; resolves with the error code when the address cannot be bound. */
  async add(address: string, port: number, options: { iface: string; remote?: boolean }): Promise<string | null> {
    if (this.listeners.has(address + ':' + port)) return null;
    const server = this.tls ? https.createServer({ ...this.tls }, this.handler) : http.createServer(this.handler);
    const remote = options.remote ?? false;
    server.on('connection', (socket: Socket) => {
      if (remote) this.remoteSockets.add(socket);
    });
    if (this.tls) server.on('secureConnection', (socket: Socket) => remote && this.remoteSockets.add(socket));
    server.on('upgrade', (req, socket, head) => this.upgradeTarget.emit('upgrade', req, socket, head));
    const failure = await new Promise<string | null>((resolve) => {
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'listen_failed'));
      server.listen({ host: address, port }, () => resolve(null));
    });
    if (failure) return failure;
    server.on('error', () => undefined);
    const bound = server.address();
    const actualPort = typeof bound === 'object' && bound ? bound.port : port;
    this.listeners.set(address + ':' + actualPort, { address, iface: options.iface, port: actualPort, remote, server });
    return null;
  }

  /** Closes listeners whose address is not in `keep` (remote stand-ins are kept). */
  async retain(keep: ReadonlySet<string>): Promise<void> {
    const gone = [...this.listeners.values()].filter((l) => !l.remote && !keep.has(l.address));
    await Promise.all(gone.map((l) => this.closeOne(l)));
  }

  /** The open LAN listeners (and stand-ins), in address order. */
  list(): Listener[] {
    return [...this.listeners.values()].sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true }) || a.port - b.port);
  }

  /** Whether a connection came in on a listener that treats loopback callers as LAN devices. */
  isRemote(socket: Socket): boolean {
    return this.remoteSockets.has(socket);
  }

  /** Swaps the certificate on HTTPS listeners without dropping them; null makes new listeners plain http. */
  setTls(tls: TlsMaterial | null): void {
    this.tls = tls;
    if (!tls) return;
    for (const l of this.listeners.values()) if (l.server instanceof https.Server) l.server.setSecureContext({ ...tls });
  }

  /** Closes everything (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.listeners.values()].map((l) => this.closeOne(l)));
  }

  private closeOne(listener: Listener): Promise<void> {
    this.listeners.delete(listener.address + ':' + listener.port);
    return new Promise<void>((resolve) => {
      listener.server.close(() => resolve());
      // Keep-alive and upgraded sockets would hold close() open: cut them.
      listener.server.closeAllConnections();
      setTimeout(resolve, 1000).unref();
    });
  }
}

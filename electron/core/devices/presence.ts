import type { CallerRole } from '../../contract';

/** WebSocket close codes a device understands (4000–4999 are the application's own). */
export const CLOSE_NOT_PAIRED = 4401;

/** One live push connection, as the transport that holds it exposes it. */
export interface LiveConnection {
  /** The paired device behind it, or null for the host's own admin screens. */
  readonly deviceId: string | null;
  /** Changes when staff change the device's role; pushes are filtered by it. */
  role: CallerRole;
  close(code: number, reason: string): void;
}

/**
 * Who is connected right now. The devices screen shows it as "online", and revoking a
 * device closes its connections here, whichever server (or listener) holds them.
 */
export class Presence {
  private readonly connections = new Set<LiveConnection>();

  /** Registers a connection; returns the function that forgets it when it closes. */
  attach(connection: LiveConnection): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  /** How many live connections a device holds (more than one when it has several tabs open). */
  count(deviceId: string): number {
    let n = 0;
    for (const c of this.connections) if (c.deviceId === deviceId) n++;
    return n;
  }

  /** Every connection of one device. */
  of(deviceId: string): LiveConnection[] {
    return [...this.connections].filter((c) => c.deviceId === deviceId);
  }

  /** Applies a role change to a device's live connections. */
  setRole(deviceId: string, role: CallerRole): void {
    for (const c of this.of(deviceId)) c.role = role;
  }

  /** Closes every connection of one device (revocation). */
  closeDevice(deviceId: string, reason: string): number {
    const mine = this.of(deviceId);
    for (const c of mine) this.closeQuietly(c, reason);
    return mine.length;
  }

  /** Closes every paired device's connections (the host switched to another event). */
  closeAllDevices(reason: string): void {
    for (const c of [...this.connections]) if (c.deviceId !== null) this.closeQuietly(c, reason);
  }

  private closeQuietly(connection: LiveConnection, reason: string): void {
    this.connections.delete(connection);
    try {
      connection.close(CLOSE_NOT_PAIRED, reason);
    } catch {
      // a socket that is already gone needs no closing
    }
  }
}

const TOKEN_KEY = 'delegate-desk.device-token';
/** Set when the host cut this device off, so the page still says so after a reload. */
const LOST_KEY = 'delegate-desk.device-lost';

/**
 * The device token this browser was given when it was paired, kept in localStorage so a
 * reload keeps the device paired. It never goes into a URL; only the Authorization header
 * and the WebSocket subprotocol carry it.
 */
export function readDeviceToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token the host issued at pairing. */
export function writeDeviceToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.removeItem(LOST_KEY);
  } catch {
    // storage refused (private mode): the device stays paired until this tab reloads
  }
  memoryToken = token;
}

/** Forgets the token (the host revoked it or does not know it): the device is unpaired. */
export function clearDeviceToken(): void {
  memoryToken = null;
  try {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.setItem(LOST_KEY, '1');
  } catch {
    // nothing stored
  }
}

/** Whether this browser was paired once and the host has since cut it off. */
export function wasDeviceCutOff(): boolean {
  try {
    return localStorage.getItem(LOST_KEY) === '1';
  } catch {
    return false;
  }
}

// When storage is unavailable the token lives for this page only.
let memoryToken: string | null = null;

/** The token to send: stored, or held in memory when storage is unavailable. */
export function currentDeviceToken(): string | null {
  return readDeviceToken() ?? memoryToken;
}

/**
 * Headers for everything the host serves over HTTP: the same strict CSP as the desktop
 * window (plus the WebSocket endpoint of the address the page was loaded from), no framing,
 * no sniffing, no referrer.
 */
export function securityHeaders(origin: { secure: boolean; host: string } | null): Record<string, string> {
  const ws = origin ? ` ${origin.secure ? 'wss' : 'ws'}://${origin.host}` : '';
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src 'self'${ws}`,
      "media-src 'self' blob:",
      "worker-src 'self' blob:",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** The Host header values under which this machine's own (loopback) listener may be reached. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/**
 * Whether a request's Origin may call the API: absent (same-origin GETs, non-browser
 * clients) or exactly one of the addresses this server answers under (defeats CSRF).
 */
export function isAllowedOrigin(origin: string | undefined, hosts: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hosts.has(url.host);
  } catch {
    return false;
  }
}

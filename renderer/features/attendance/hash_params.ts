import { useEffect, useState } from 'react';

/** The query part of the hash route (#/attendance?session=3), as parameters. */
export function hashParams(hash = window.location.hash): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
}

/** A positive integer parameter of the hash route, or null. */
export function hashIdParam(name: string, hash = window.location.hash): number | null {
  const value = Number(hashParams(hash).get(name));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Follows one id parameter of the hash route, so Back and reload keep the choice. */
export function useHashIdParam(name: string): number | null {
  const [value, setValue] = useState(() => hashIdParam(name));
  useEffect(() => {
    const onChange = () => setValue(hashIdParam(name));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}

/** The hash for a screen with parameters; parameters that are null are left out. */
export function hashFor(route: string, params: Record<string, string | number | null>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null) query.set(k, String(v));
  const text = query.toString();
  return `#/${route}${text ? `?${text}` : ''}`;
}

import { useEffect, useState } from 'react';

/** The screens of the staff app, in menu order; Alt+1…Alt+8 reach them from anywhere. */
export const ROUTES = [
  'overview',
  'checkin',
  'participants',
  'programme',
  'experience',
  'results',
  'devices',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

/** Reads the route from the URL hash (#/participants); unknown hashes show the overview. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/u, '').split(/[/?]/u)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

/** Navigates by changing the hash, so Back works and a reload stays on the same screen. */
export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

import { useEffect, useState } from 'react';
import type { CallerRole } from '../../electron/contract';

/** The screens of the staff app, in menu order; Alt+1…Alt+9 reach the first nine from anywhere. */
export const ROUTES = [
  'overview',
  'checkin',
  'participants',
  'badges',
  'programme',
  'experience',
  'results',
  'devices',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

/** Screens opened from another screen, not from the menu (so no Alt+digit): the import, from participants; attendance, from the overview. */
export const SECONDARY_ROUTES = ['import', 'attendance'] as const;
export type SecondaryRoute = (typeof SECONDARY_ROUTES)[number];
/** Any screen the URL can name: a menu screen or a secondary one. */
export type AppRoute = Route | SecondaryRoute;

/** The menu entry a secondary screen belongs to, highlighted while it is open. */
export const PARENT_ROUTE: Record<SecondaryRoute, Route> = { import: 'participants', attendance: 'overview' };

/** The menu entry to highlight for a screen. */
export function menuRouteOf(route: AppRoute): Route {
  return (SECONDARY_ROUTES as readonly string[]).includes(route) ? PARENT_ROUTE[route as SecondaryRoute] : (route as Route);
}

// Importing is for the host's own admin; the attendance dashboard is for staff who see the overview.
const SECONDARY_ROLES: Record<SecondaryRoute, readonly CallerRole[]> = { import: ['admin'], attendance: ['admin', 'desk', 'presenter'] };

/** The secondary screens this role may open. */
export function secondaryRoutesFor(role: CallerRole): readonly SecondaryRoute[] {
  return SECONDARY_ROUTES.filter((r) => SECONDARY_ROLES[r].includes(role));
}

/**
 * The screens a paired device may open, by role (the API refuses the rest anyway; this
 * keeps them out of the menu). The admin console sees every screen; a booth never sees the
 * staff app at all, only its kiosk screen.
 */
const ROLE_ROUTES: Partial<Record<CallerRole, readonly Route[]>> = {
  // A desk reprints a lost badge on the spot; the host signs it and sends the PDF.
  desk: ['overview', 'checkin', 'participants', 'badges', 'programme'],
  presenter: ['overview', 'participants', 'programme', 'experience', 'results'],
  projector: ['results'],
};

/** The screens this role may open, in menu order. */
export function routesFor(role: CallerRole): readonly Route[] {
  return role === 'admin' ? ROUTES : (ROLE_ROUTES[role] ?? []);
}

/** Reads the route from the URL hash (#/participants); unknown hashes show the overview. */
export function parseRoute(hash: string): AppRoute {
  const name = hash.replace(/^#\/?/u, '').split(/[/?]/u)[0] ?? '';
  return ([...ROUTES, ...SECONDARY_ROUTES] as readonly string[]).includes(name) ? (name as AppRoute) : 'overview';
}

/**
 * Whether the URL is the results stage alone (`#/results/projector`), what the desktop app's
 * projector window shows on the public screen: it is drawn without the staff frame, so no menu
 * and no Alt+digit can turn the projector into an admin screen.
 */
export function isProjectorStage(hash: string): boolean {
  const [name, sub] = hash.replace(/^#\/?/u, '').split(/[/?]/u);
  return name === 'results' && sub === 'projector';
}

/** Whether the projector stage is showing, following hash changes. */
export function useProjectorStage(): boolean {
  const [stage, setStage] = useState(() => isProjectorStage(window.location.hash));
  useEffect(() => {
    const onChange = () => setStage(isProjectorStage(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return stage;
}

/** Navigates by changing the hash, so Back works and a reload stays on the same screen. */
export function navigate(route: AppRoute): void {
  window.location.hash = `#/${route}`;
}

/** The current route, following hash changes. */
export function useRoute(): AppRoute {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

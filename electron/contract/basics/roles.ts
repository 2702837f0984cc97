import { z } from 'zod';

/**
 * Who is calling. `admin` is the host's own window (IPC) or a browser on the host machine
 * itself; the others are LAN devices paired for one job. `unpaired` reaches only what is public.
 */
export const DeviceRoleSchema = z.enum(['admin', 'desk', 'booth', 'projector', 'presenter']);
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

export const CallerRoleSchema = z.enum([...DeviceRoleSchema.options, 'unpaired']);
export type CallerRole = z.infer<typeof CallerRoleSchema>;

/** Every role, for the few methods that anyone may call. */
export const ANY_ROLE: readonly CallerRole[] = CallerRoleSchema.options;
/** Staff roles that see the event's people and programme. */
export const STAFF_ROLES: readonly CallerRole[] = ['admin', 'desk', 'presenter'];

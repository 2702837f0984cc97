import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { TimestampSchema, UuidSchema, lineText } from '../basics/primitives';
import { ANY_ROLE, CallerRoleSchema } from '../basics/roles';

/** The jobs a LAN device can be paired for; `admin` is never given to a device. */
export const PairedRoleSchema = z.enum(['desk', 'booth', 'projector', 'presenter']);
export type PairedRole = z.infer<typeof PairedRoleSchema>;

/** What staff call a device ("Desk 2", "Booth A"); shown on the devices screen. */
export const DeviceNameSchema = lineText(60).min(1, 'a device needs a name');

/** A pairing code as staff read it out: six digits. */
export const PairingCodeSchema = z.string().trim().regex(/^\d{6}$/u, 'must be the 6-digit code shown on the host');

/** One paired (or formerly paired) device, as the devices screen shows it. */
export const DeviceSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  role: PairedRoleSchema,
  pairedAt: TimestampSchema,
  /** The network address it paired from and the one it was last seen at. */
  pairedFrom: z.string(),
  lastAddress: z.string().nullable(),
  lastSeenAt: TimestampSchema.nullable(),
  /** Whether it holds a live push connection right now, and how many (tabs). */
  online: z.boolean(),
  connections: z.number().int().nonnegative(),
  /** Set once revoked: the device is cut off for good and must be paired anew. */
  revokedAt: TimestampSchema.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** The device itself, as it sees itself after pairing. */
export const DeviceIdentitySchema = z.object({ id: UuidSchema, name: z.string(), role: PairedRoleSchema });
export type DeviceIdentity = z.infer<typeof DeviceIdentitySchema>;

/** An open pairing code: valid once, until it expires. */
export const PairingOfferSchema = z.object({
  code: z.string().regex(/^\d{6}$/u),
  role: PairedRoleSchema,
  name: z.string(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  /** Addresses a device opens to pair, each with the code in the URL fragment (never sent to a server). */
  pairUrls: z.array(z.string()),
});
export type PairingOffer = z.infer<typeof PairingOfferSchema>;

/** One address the host answers on. */
export const HostAddressSchema = z.object({
  url: z.string(),
  interface: z.string(),
  kind: z.enum(['loopback', 'lan']),
});
export type HostAddress = z.infer<typeof HostAddressSchema>;

/** Where the host listens, and whether LAN devices can reach it. */
export const HostNetworkSchema = z.object({
  lan: z.boolean(),
  /** The address bound: 127.0.0.1 for this machine only, 0.0.0.0 for every network. */
  bind: z.string(),
  port: z.number().int().min(0).max(65535),
  /** What LAN devices get: plain http, or HTTPS with the event's own certificate. */
  protocol: z.enum(['http', 'https']),
  /** Whether this host can serve HTTPS at all (it can make a certificate). */
  httpsAvailable: z.boolean(),
  addresses: z.array(HostAddressSchema),
  /** SHA-256 of the TLS certificate (hex pairs), when served over HTTPS. */
  certificateFingerprint: z.string().nullable(),
  /** Whether this host can switch LAN and HTTPS while running (false when no web server runs). */
  canChange: z.boolean(),
  /** Why the web server is not running, if it is not. */
  problem: z.string().nullable(),
});
export type HostNetwork = z.infer<typeof HostNetworkSchema>;

export const devicesWhoami = defineMethod({
  summary: 'Who the caller is: its role, and the device it was paired as. Needs no pairing.',
  input: z.object({}),
  output: z.object({ role: CallerRoleSchema, device: DeviceIdentitySchema.nullable() }),
  errors: [],
  roles: ANY_ROLE,
});

export const devicesPair = defineMethod({
  summary: 'Redeems a pairing code shown on the host; returns the device token to keep. Rate-limited.',
  input: z.object({ code: PairingCodeSchema }),
  output: z.object({ token: z.string().min(43), device: DeviceIdentitySchema }),
  errors: ['code_unknown', 'code_expired', 'code_used', 'rate_limited', 'no_event'],
  roles: ['unpaired'],
});

export const devicesList = defineMethod({
  summary: 'Every device paired to the open event, online ones first, revoked ones last.',
  input: z.object({}),
  output: z.array(DeviceSchema),
  errors: ['no_event'],
  roles: ['admin'],
});

export const devicesPairingStart = defineMethod({
  summary: 'Opens a short-lived, single-use pairing code for a new device with this role and name.',
  input: z.object({ role: PairedRoleSchema, name: DeviceNameSchema }),
  output: PairingOfferSchema,
  errors: ['no_event', 'too_many_codes', 'name_taken'],
  roles: ['admin'],
});

export const devicesPairings = defineMethod({
  summary: 'The pairing codes open right now.',
  input: z.object({}),
  output: z.array(PairingOfferSchema),
  errors: [],
  roles: ['admin'],
});

export const devicesPairingCancel = defineMethod({
  summary: 'Withdraws an open pairing code (or all of them) before it is used.',
  input: z.object({ code: z.string().regex(/^\d{6}$/u).optional() }),
  output: z.object({ cancelled: z.number().int().nonnegative() }),
  errors: [],
  roles: ['admin'],
});

export const devicesUpdate = defineMethod({
  summary: 'Renames a device or changes its role; the change applies to its very next call.',
  input: z.object({ id: UuidSchema, name: DeviceNameSchema.optional(), role: PairedRoleSchema.optional() }),
  output: DeviceSchema,
  errors: ['not_found', 'revoked', 'name_taken', 'no_event'],
  roles: ['admin'],
});

export const devicesRevoke = defineMethod({
  summary: 'Cuts a device off at once: its token stops working and its live connection is closed.',
  input: z.object({ id: UuidSchema }),
  output: DeviceSchema,
  errors: ['not_found', 'no_event'],
  roles: ['admin'],
});

export const devicesNetwork = defineMethod({
  summary: 'Where the host listens and the addresses LAN devices open.',
  input: z.object({}),
  output: HostNetworkSchema,
  errors: [],
  roles: ['admin'],
});

export const devicesSetNetwork = defineMethod({
  summary: 'Lets LAN devices reach the host (every network) or not, over http or HTTPS; remembered for the next start.',
  input: z.object({ lan: z.boolean().optional(), https: z.boolean().optional() }),
  output: HostNetworkSchema,
  errors: ['unavailable', 'listen_failed'],
  roles: ['admin'],
});

/** The device methods, keyed by their API names. */
export const DEVICE_METHODS = {
  'devices.whoami': devicesWhoami,
  'devices.pair': devicesPair,
  'devices.list': devicesList,
  'devices.pairingStart': devicesPairingStart,
  'devices.pairings': devicesPairings,
  'devices.pairingCancel': devicesPairingCancel,
  'devices.update': devicesUpdate,
  'devices.revoke': devicesRevoke,
  'devices.network': devicesNetwork,
  'devices.setNetwork': devicesSetNetwork,
} as const;

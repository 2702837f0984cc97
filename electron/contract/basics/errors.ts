/**
 * Error codes every method can return, whatever it declares: the dispatcher produces them
 * before or around the handler, on every transport alike.
 */
export const TRANSPORT_ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'forbidden',
  'payload_too_large',
  'internal',
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

import type { Category } from '../../contract';

/**
 * The categories an event without any gets on its first import (a new event starts with
 * none): the usual ones of an international programme, with the colours the badges use.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { code: 'delegate', name: 'Delegate', colour: '#1f5fbf', sortOrder: 10 },
  { code: 'observer', name: 'Observer', colour: '#2e8b3e', sortOrder: 20 },
  { code: 'speaker', name: 'Speaker', colour: '#7b3fb5', sortOrder: 30 },
  { code: 'staff', name: 'Staff', colour: '#6b7280', sortOrder: 40 },
  { code: 'press', name: 'Press', colour: '#c8262f', sortOrder: 50 },
  { code: 'interpreter', name: 'Interpreter', colour: '#0f8b8d', sortOrder: 60 },
  { code: 'vip', name: 'VIP', colour: '#c9a227', sortOrder: 70 },
  { code: 'guest', name: 'Guest', colour: '#5b6b7f', sortOrder: 80 },
];

import {
  checkBadgeCode,
  err,
  MAX_BADGE_PARTICIPANT_ID,
  MAX_BADGE_SERIAL,
  ok,
  type BadgeItem,
  type BadgeVerification,
  type Result,
} from '../../contract';
import type { Db } from '../db/connection';
import type { BadgeKeys } from './badge_keys';
import { getBadgeRow, nextSerials, type BadgeRow } from './badge_store';

/**
 * Signs the badges the next print of these people makes: each gets the serial after the
 * newest one ever printed. Nothing is recorded here; a batch records its serials only when
 * its output exists, so a cancelled batch never revokes the badges people are wearing.
 */
export function buildBadgeItems(db: Db, keys: BadgeKeys, rows: readonly BadgeRow[]): Result<BadgeItem[], 'no_key' | 'unavailable'> {
  const serials = nextSerials(db, rows.map((r) => r.participantId));
  const items: BadgeItem[] = [];
  for (const row of rows) {
    const serial = serials.get(row.participantId) ?? 1;
    if (row.participantId > MAX_BADGE_PARTICIPANT_ID || serial > MAX_BADGE_SERIAL) {
      return err('unavailable', `${row.displayName} cannot get another badge: the badge code has no room for participant ${row.participantId}, serial ${serial}.`);
    }
    const code = keys.sign({ participantId: row.participantId, serial });
    if (!code.ok) return code;
    items.push({
      participantId: row.participantId,
      serial,
      code: code.value,
      latinName: row.displayName,
      familyName: row.familyName,
      nativeName: row.nativeName,
      nativeNameLang: row.nativeNameLang,
      organisation: row.organisation,
      position: row.position,
      country: row.country,
      delegationName: row.delegationName,
      category: { code: row.categoryCode, name: row.categoryName, colour: row.categoryColour },
    });
  }
  return ok(items);
}

function holderOf(row: BadgeRow) {
  return {
    participantId: row.participantId,
    displayName: row.displayName,
    nativeName: row.nativeName,
    nativeNameLang: row.nativeNameLang,
    country: row.country,
    delegationName: row.delegationName,
    categoryCode: row.categoryCode,
  };
}

/** A print time as people at the event read it: their local time, with the date. */
export function formatPrintTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 16).replace('T', ' ');
  }
}

type Refusal = Extract<BadgeVerification, { valid: false }>;

function refuse(reason: Refusal['reason'], message: string, more: Partial<Omit<Refusal, 'valid' | 'reason' | 'message'>> = {}): Refusal {
  return { valid: false, reason, message, participantId: null, serial: null, replacedAt: null, holder: null, ...more };
}

/**
 * Checks a scanned code end to end: format, event, signature (with the public key only), then
 * the event's records: the person exists and is not cancelled, and this is their newest badge.
 */
export function verifyBadge(db: Db, keys: BadgeKeys, text: string, timeZone = 'UTC'): BadgeVerification {
  const checked = checkBadgeCode(text, keys);
  if (!checked.ok) return refuse(checked.problem, checked.message);
  const { participantId, serial } = checked.value;
  const row = getBadgeRow(db, participantId);
  if (!row) {
    return refuse('unknown_participant', 'This badge is genuine, but its holder is no longer registered for this event.', { participantId, serial });
  }
  const holder = holderOf(row);
  const who = { participantId, serial, holder };
  if (row.status === 'cancelled') {
    return refuse('cancelled', `${row.displayName}'s registration was cancelled: this badge is no longer valid.`, who);
  }
  if (row.serial === null || row.printedAt === null || serial > row.serial) {
    return refuse('not_issued', `This badge of ${row.displayName} was never issued: its print did not finish. Print the badge again.`, who);
  }
  if (serial < row.serial) {
    return refuse('replaced', `Replaced by a newer badge printed at ${formatPrintTime(row.printedAt, timeZone)}.`, { ...who, replacedAt: row.printedAt });
  }
  return { valid: true, participantId, serial, printedAt: row.printedAt, holder };
}

/**
 * What a LAN desk keeps to go on checking people in while the host is unreachable: everyone's
 * desk data (cancelled people too, so the desk says "cancelled" rather than "unknown"), each
 * person's current badge serial (older serials read as replaced, newer ones as not issued),
 * the event's public key and tag to check signatures, and who is already checked in at the
 * event desk. No contact details and no notes beyond the staff flags: a lost tablet should
 * leak as little as possible (domain-checkin §6, "data on desks").
 */
import { BADGE_CODE_PREFIX, type DeskSnapshot } from '../../contract';
import type { BadgeKeys } from '../badges';
import type { Db } from '../db/connection';
import { staffFlags } from './desk_person';

interface SnapshotRow {
  participantId: number;
  title: string;
  displayName: string;
  familyName: string;
  nativeName: string;
  nativeNameLang: string | null;
  country: string | null;
  delegationId: number | null;
  delegationName: string | null;
  isHead: number | null;
  categoryCode: string;
  status: 'registered' | 'cancelled';
  notes: string;
  languagesJson: string;
  badgeSerial: number | null;
  badgePrintedAt: string | null;
}

function languages(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

/** Builds the desk snapshot of the open event. */
export function buildDeskSnapshot(
  db: Db,
  keys: BadgeKeys,
  event: { eventId: string; name: string; timezone: string; languages: readonly string[] },
  now: string,
): DeskSnapshot {
  // The current badge counts only when printed after the holder's record was made (badge_store).
  const rows = db
    .prepare(
      `SELECT p.id AS participantId, p.title, p.display_name AS displayName, p.family_name AS familyName,
         p.native_name AS nativeName, p.native_name_lang AS nativeNameLang, p.country, p.delegation_id AS delegationId,
         d.name AS delegationName, (d.head_participant_id = p.id) AS isHead, p.category_code AS categoryCode, p.status,
         p.notes, p.languages_json AS languagesJson, cur.serial AS badgeSerial, bi.printed_at AS badgePrintedAt
       FROM participant p
         LEFT JOIN delegation d ON d.id = p.delegation_id
         LEFT JOIN (SELECT i.participant_id, max(i.serial) AS serial FROM badge_issue i
             JOIN participant owner ON owner.id = i.participant_id AND i.printed_at >= owner.created_at
             GROUP BY i.participant_id) cur ON cur.participant_id = p.id
         LEFT JOIN badge_issue bi ON bi.participant_id = cur.participant_id AND bi.serial = cur.serial
       ORDER BY p.id`,
    )
    .all() as SnapshotRow[];
  const checkedIn = db
    .prepare(`SELECT participant_id AS participantId, checked_in_at AS at, desk_name AS deskName FROM attendance WHERE scope = 0 AND undone_at IS NULL AND checked_out_at IS NULL`)
    .all() as DeskSnapshot['checkedIn'];
  return {
    eventId: event.eventId,
    eventName: event.name,
    timezone: event.timezone,
    eventTag: Buffer.from(keys.eventTag).toString('hex'),
    codePrefix: BADGE_CODE_PREFIX,
    publicKey: { algorithm: 'Ed25519', ...keys.publicKeyExport() },
    categories: db.prepare('SELECT code, name, colour FROM category ORDER BY sort_order, code').all() as DeskSnapshot['categories'],
    people: rows.map(({ isHead, notes, languagesJson, ...r }) => ({
      ...r,
      isHeadOfDelegation: isHead === 1,
      flags: staffFlags({ categoryCode: r.categoryCode, title: r.title, notes, languages: languages(languagesJson) }, event.languages),
    })),
    checkedIn,
    takenAt: now,
  };
}

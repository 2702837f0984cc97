/**
 * A person as the desk shows them, with the staff flags that matter at the door. Flags come
 * from what the secretariat already records (category, title, notes, languages), not from
 * extra fields nobody fills in: "VIP: notify protocol on arrival." in the notes is a VIP flag,
 * "Wheelchair user: step-free route" an accessibility flag, "Needs French interpretation" an
 * interpreter flag. The sentence that raised the flag is shown, so staff read the real note.
 */
import type { DeskPerson, StaffFlag } from '../../contract';
import type { Db } from '../db/connection';
import { statement } from '../db/statement_cache';

/** The columns a desk needs, read in one indexed lookup (the hot path of every scan). */
export const DESK_PERSON_SELECT = `SELECT p.id AS participantId, p.title, p.display_name AS displayName, p.family_name AS familyName,
    p.native_name AS nativeName, p.native_name_lang AS nativeNameLang, p.photo_file AS photoFile,
    p.organisation, p.position, p.country, p.delegation_id AS delegationId, d.name AS delegationName,
    (d.head_participant_id = p.id) AS isHead, p.category_code AS categoryCode, c.name AS categoryName,
    c.colour AS categoryColour, p.languages_json AS languagesJson, p.status, p.notes, p.phone, p.email
  FROM participant p
    JOIN category c ON c.code = p.category_code
    LEFT JOIN delegation d ON d.id = p.delegation_id`;

/** A row of DESK_PERSON_SELECT. */
export interface DeskPersonRow {
  participantId: number;
  title: string;
  displayName: string;
  familyName: string;
  nativeName: string;
  nativeNameLang: string | null;
  photoFile: string | null;
  organisation: string;
  position: string;
  country: string | null;
  delegationId: number | null;
  delegationName: string | null;
  isHead: number | null;
  categoryCode: string;
  categoryName: string;
  categoryColour: string;
  languagesJson: string;
  status: 'registered' | 'cancelled';
  notes: string;
  phone: string;
  email: string;
}

const VIP_NOTE = /\bVIP\b|\bprotocol\b|\bH\.?\s?E\.?(?=\s|$)|excellency|minister|ambassador/iu;
const VIP_TITLE = /^(H\.?\s?E\.?|Hon\.?|His Excellency|Her Excellency|Rt\.? Hon\.?)$/iu;
const INTERPRETER_NOTE = /interpret|translat|speaks little|no english|sign language/iu;
const ACCESS_NOTE = /wheelchair|step[- ]free|accessib|mobility|hearing|\bdeaf\b|\bblind\b|visual(ly)? impair|crutch|walking (aid|stick)|ramp|lift\b|elevator|seat(ed)? near|assistance/iu;

/** The sentence of the notes that matches, or null. */
function noteSentence(notes: string, pattern: RegExp): string | null {
  for (const sentence of notes.split(/(?<=[.!?])\s+|\n+/u)) {
    const text = sentence.trim();
    if (text && pattern.test(text)) return text;
  }
  return null;
}

/** Which staff flags a person carries; `eventLanguages` are the languages the programme runs in. */
export function staffFlags(
  p: { categoryCode: string; title: string; notes: string; languages: readonly string[] },
  eventLanguages: readonly string[],
): StaffFlag[] {
  const flags: StaffFlag[] = [];
  const vipNote = noteSentence(p.notes, VIP_NOTE);
  if (vipNote) flags.push({ kind: 'vip', text: vipNote });
  else if (p.categoryCode === 'vip' || VIP_TITLE.test(p.title.trim())) flags.push({ kind: 'vip', text: 'VIP: notify protocol on arrival.' });
  const interpreterNote = noteSentence(p.notes, INTERPRETER_NOTE);
  if (interpreterNote) flags.push({ kind: 'interpreter', text: interpreterNote });
  else if (p.languages.length > 0 && eventLanguages.length > 0 && !p.languages.some((l) => eventLanguages.includes(l))) {
    flags.push({ kind: 'interpreter', text: `Speaks ${p.languages.join(', ')}: needs interpretation.` });
  }
  const accessNote = noteSentence(p.notes, ACCESS_NOTE);
  if (accessNote) flags.push({ kind: 'accessibility', text: accessNote });
  return flags;
}

/** The languages column, re-validated loosely: a damaged value shows no languages, never crashes a scan. */
function languagesOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/u.test(l)) : [];
  } catch {
    return [];
  }
}

/** Turns a row into what the desk shows. */
export function toDeskPerson(row: DeskPersonRow, eventLanguages: readonly string[]): DeskPerson {
  const languages = languagesOf(row.languagesJson);
  return {
    participantId: row.participantId,
    title: row.title,
    displayName: row.displayName,
    familyName: row.familyName,
    nativeName: row.nativeName,
    nativeNameLang: row.nativeNameLang,
    photoFile: row.photoFile,
    organisation: row.organisation,
    position: row.position,
    country: row.country,
    delegationId: row.delegationId,
    delegationName: row.delegationName,
    isHeadOfDelegation: row.isHead === 1,
    category: { code: row.categoryCode, name: row.categoryName, colour: row.categoryColour },
    languages,
    status: row.status,
    notes: row.notes,
    flags: staffFlags({ categoryCode: row.categoryCode, title: row.title, notes: row.notes, languages }, eventLanguages),
  };
}

/** One person for the desk, or null when nobody has this id. */
export function getDeskPerson(db: Db, participantId: number, eventLanguages: readonly string[]): DeskPerson | null {
  const row = statement(db, `${DESK_PERSON_SELECT} WHERE p.id = ?`).get(participantId) as DeskPersonRow | undefined;
  return row ? toDeskPerson(row, eventLanguages) : null;
}

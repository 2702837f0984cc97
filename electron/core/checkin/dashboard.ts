/**
 * The live picture of a scope (the event desk or one session): here / expected / missing, by
 * delegation and category, arrivals over time, the missing list with contacts, the scanned-
 * twice list; and a session's roll call. Computed from the records on every call: a few
 * thousand rows at most, so a fresh answer costs milliseconds and can never drift.
 */
import type { Dashboard, AbsentPerson, ProgrammeSession, RollCall, ScannedTwice } from '../../contract';
import type { Db } from '../db/connection';
import { expectedIds } from './audience';

interface PersonRow {
  id: number;
  displayName: string;
  nativeName: string;
  nativeNameLang: string | null;
  delegationId: number | null;
  delegationName: string | null;
  delegationCountry: string | null;
  delegationOrder: number | null;
  headId: number | null;
  categoryCode: string;
  country: string | null;
  phone: string;
  email: string;
  protocolOrder: number;
}

/** The people a scope concerns, in protocol order (delegations, then people within). */
function people(db: Db): PersonRow[] {
  return db
    .prepare(
      `SELECT p.id, p.display_name AS displayName, p.native_name AS nativeName, p.native_name_lang AS nativeNameLang,
         p.delegation_id AS delegationId, d.name AS delegationName, d.country AS delegationCountry, d.protocol_order AS delegationOrder,
         d.head_participant_id AS headId, p.category_code AS categoryCode, p.country, p.phone, p.email, p.protocol_order AS protocolOrder
       FROM participant p LEFT JOIN delegation d ON d.id = p.delegation_id
       ORDER BY coalesce(d.protocol_order, 1e9), d.name, p.protocol_order, p.display_name, p.id`,
    )
    .all() as PersonRow[];
}

interface ScopeState {
  expected: Set<number>;
  here: Set<number>;
  /** Everyone with a visit that was not undone, and their first check-in. */
  firstIn: Map<number, string>;
  atEvent: Set<number>;
}

function scopeState(db: Db, session: ProgrammeSession | null): ScopeState {
  const visits = db
    .prepare(`SELECT participant_id AS id, min(checked_in_at) AS firstIn, max(checked_out_at IS NULL) AS open FROM attendance WHERE scope = ? AND undone_at IS NULL GROUP BY participant_id`)
    .all(session?.id ?? 0) as Array<{ id: number; firstIn: string; open: number }>;
  const atEvent = session
    ? new Set((db.prepare(`SELECT participant_id AS id FROM attendance WHERE scope = 0 AND undone_at IS NULL AND checked_out_at IS NULL`).all() as Array<{ id: number }>).map((r) => r.id))
    : new Set<number>();
  return {
    expected: expectedIds(db, session?.expected ?? null),
    here: new Set(visits.filter((v) => v.open === 1).map((v) => v.id)),
    firstIn: new Map(visits.map((v) => [v.id, v.firstIn])),
    atEvent,
  };
}

function missingPerson(p: PersonRow, atEvent: Set<number>, session: ProgrammeSession | null): AbsentPerson {
  return {
    participantId: p.id,
    displayName: p.displayName,
    nativeName: p.nativeName,
    nativeNameLang: p.nativeNameLang,
    delegationId: p.delegationId,
    delegationName: p.delegationName,
    isHeadOfDelegation: p.headId === p.id,
    categoryCode: p.categoryCode,
    country: p.country,
    phone: p.phone,
    email: p.email,
    arrivedAtEvent: session ? atEvent.has(p.id) : false,
  };
}

/** Later scans of someone already in (including a scan an earlier offline scan superseded). */
export function scannedTwice(db: Db, sessionId: number | null, limit = 200): ScannedTwice[] {
  return db
    .prepare(
      `SELECT s.id AS scanId, s.participant_id AS participantId, p.display_name AS displayName, d.name AS delegationName,
         s.scanned_at AS scannedAt, s.desk_name AS deskName, a.checked_in_at AS firstAt, a.desk_name AS firstDeskName
       FROM checkin_scan s
         JOIN attendance a ON a.id = s.attendance_id
         JOIN participant p ON p.id = s.participant_id
         LEFT JOIN delegation d ON d.id = p.delegation_id
       WHERE s.action = 'checkin' AND s.result IN ('welcome', 'already') AND a.scan_id IS NOT s.id
         AND a.undone_at IS NULL AND a.scope = ?
       ORDER BY s.scanned_at DESC, s.id DESC LIMIT ?`,
    )
    .all(sessionId ?? 0, limit) as ScannedTwice[];
}

/** Check-ins per bucket, from the first arrival's bucket to the last's. */
function arrivalBuckets(firstIns: readonly string[], bucketMinutes: number): Dashboard['arrivals'] {
  if (firstIns.length === 0) return [];
  const size = bucketMinutes * 60_000;
  const counts = new Map<number, number>();
  for (const at of firstIns) {
    const bucket = Math.floor(Date.parse(at) / size) * size;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  // A scope that spans days would make thousands of empty buckets: cap the chart at 500 bars.
  const step = Math.max(size, Math.ceil((last - first + size) / 500 / size) * size);
  const out: Dashboard['arrivals'] = [];
  for (let t = first; t <= last; t += step) {
    let count = 0;
    for (let u = t; u < t + step; u += size) count += counts.get(u) ?? 0;
    out.push({ from: new Date(t).toISOString(), count });
  }
  return out;
}

const REFUSED = `('replaced', 'cancelled', 'unknown', 'forged', 'wrong_event', 'not_issued')`;

/** The dashboard of the event desk (session null) or a session. */
export function buildDashboard(db: Db, session: ProgrammeSession | null, bucketMinutes: number, now: string): Dashboard {
  const state = scopeState(db, session);
  const all = people(db);
  const byDelegation = new Map<number | null, Dashboard['byDelegation'][number]>();
  const categories = db.prepare('SELECT code, name, colour FROM category ORDER BY sort_order, code').all() as Array<{ code: string; name: string; colour: string }>;
  const byCategory = new Map(categories.map((c) => [c.code, { ...c, expected: 0, here: 0 }]));
  const missingPeople: AbsentPerson[] = [];
  let here = 0;
  let unexpectedHere = 0;
  let checkedOut = 0;
  for (const p of all) {
    const isExpected = state.expected.has(p.id);
    const isHere = state.here.has(p.id);
    if (!isExpected && !isHere && !state.firstIn.has(p.id)) continue;
    if (state.firstIn.has(p.id) && !isHere) checkedOut++;
    if (isHere) {
      if (isExpected) here++;
      else unexpectedHere++;
    }
    const category = byCategory.get(p.categoryCode);
    if (category) {
      if (isExpected) category.expected++;
      if (isHere) category.here++;
    }
    if (!isExpected) continue;
    if (!isHere) missingPeople.push(missingPerson(p, state.atEvent, session));
    let tally = byDelegation.get(p.delegationId);
    if (!tally) {
      tally = { delegationId: p.delegationId, name: p.delegationName ?? '', country: p.delegationCountry, expected: 0, here: 0, complete: false, head: null };
      byDelegation.set(p.delegationId, tally);
    }
    tally.expected++;
    if (isHere) tally.here++;
    if (p.headId === p.id) tally.head = { participantId: p.id, displayName: p.displayName, arrived: isHere };
  }
  for (const tally of byDelegation.values()) tally.complete = tally.expected > 0 && tally.here === tally.expected;
  const refused = (db.prepare(`SELECT count(*) AS n FROM checkin_scan WHERE coalesce(session_id, 0) = ? AND result IN ${REFUSED}`).get(session?.id ?? 0) as { n: number }).n;
  return {
    session: session ? scopeSession(session) : null,
    expected: state.expected.size,
    here,
    unexpectedHere,
    missing: state.expected.size - here,
    checkedOut,
    byDelegation: [...byDelegation.values()],
    byCategory: [...byCategory.values()].filter((c) => c.expected > 0 || c.here > 0),
    arrivals: arrivalBuckets([...state.firstIn.values()], bucketMinutes),
    bucketMinutes,
    missingPeople,
    scannedTwice: scannedTwice(db, session?.id ?? null),
    refused,
    updatedAt: now,
  };
}

function scopeSession(s: ProgrammeSession): Dashboard['session'] & object {
  return { id: s.id, title: s.title, type: s.type, day: s.day, startsAt: s.startsAt, endsAt: s.endsAt, venue: s.venue };
}

/** A session's roll call: the expected group by delegation, who is still missing, with phones. */
export function buildRollCall(db: Db, session: ProgrammeSession, now: string): RollCall {
  const state = scopeState(db, session);
  const groups = new Map<number | null, RollCall['groups'][number]>();
  let here = 0;
  for (const p of people(db)) {
    if (!state.expected.has(p.id)) continue;
    let group = groups.get(p.delegationId);
    if (!group) {
      group = { delegationId: p.delegationId, name: p.delegationName ?? '', expected: 0, here: 0, missingPeople: [] };
      groups.set(p.delegationId, group);
    }
    group.expected++;
    if (state.here.has(p.id)) {
      group.here++;
      here++;
    } else group.missingPeople.push(missingPerson(p, state.atEvent, session));
  }
  // Groups with someone missing first: that is what the person at the bus door is looking for.
  const ordered = [...groups.values()].sort((a, b) => Number(b.missingPeople.length > 0) - Number(a.missingPeople.length > 0));
  return { session: scopeSession(session), expected: state.expected.size, here, missing: state.expected.size - here, groups: ordered, updatedAt: now };
}

import { type Issuance, type Participant, type Round, type VoterCard } from '../../contract';
import type { Db } from '../db/connection';
import { getParticipant, getParticipantsByIds, listParticipants } from '../participants';
import { issuanceRows, liveIssuance, toIssuance } from './issuance_rows';

/**
 * Checked in = an open visit at the event desk (scope 0): the same rule the check-in work
 * keeps in its `attendance_one_open_visit` index. Written as SQL here so the voters' list
 * and its count are one query, not a loop over people.
 */
const CHECKED_IN = `EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = p.id AND a.scope = 0
  AND a.undone_at IS NULL AND a.checked_out_at IS NULL)`;

function eligibilityWhere(round: Pick<Round, 'eligibility' | 'delegationIds'>): { sql: string; params: number[] } {
  const parts = [`p.status = 'registered'`];
  if (round.eligibility === 'checked_in') parts.push(CHECKED_IN);
  if (round.delegationIds.length) parts.push(`p.delegation_id IN (${round.delegationIds.map(() => '?').join(',')})`);
  return { sql: parts.join(' AND '), params: [...round.delegationIds] };
}

/** How many people are on this round's voters' list. */
export function countEligible(db: Db, round: Pick<Round, 'eligibility' | 'delegationIds'>): number {
  const where = eligibilityWhere(round);
  return (db.prepare(`SELECT COUNT(*) AS n FROM participant p WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

/** Whether a person is on the round's voters' list, and if not, why not (for the station). */
export function eligibility(db: Db, round: Pick<Round, 'eligibility' | 'delegationIds'>, person: Participant): string | null {
  if (person.status !== 'registered') return `${person.displayName}'s registration is cancelled, so they are not on the voters' list.`;
  if (round.delegationIds.length && (person.delegationId === null || !round.delegationIds.includes(person.delegationId))) {
    return `${person.displayName} is not in the group this round is for (${person.delegationName ?? 'no delegation'}).`;
  }
  if (round.eligibility === 'checked_in') {
    const where = eligibilityWhere({ eligibility: 'checked_in', delegationIds: [] });
    const found = db.prepare(`SELECT 1 FROM participant p WHERE p.id = ? AND ${where.sql}`).get(person.id);
    if (!found) return `${person.displayName} has not checked in at the event desk, and this round is for people who have. Send them to the desk first.`;
  }
  return null;
}

/** "already received a ballot at 14:03 at Station 1" (null when they have none). */
export function issuedNotice(person: Pick<Participant, 'displayName'>, ballot: Issuance | null): string | null {
  if (!ballot) return null;
  const what = ballot.status === 'cast' ? 'already received a ballot and voted' : 'already received a ballot';
  return `${person.displayName} ${what}: issued at ${ballot.issuedAtLocal} at ${ballot.station}.`;
}

/** The identity station's card for one voter in one round. */
export function voterCard(db: Db, round: Round, person: Participant, timeZone: string): VoterCard {
  const row = liveIssuance(db, round.id, person.id);
  const ballot = row ? toIssuance(row, person.displayName, timeZone) : null;
  const reason = eligibility(db, round, person);
  return {
    participantId: person.id,
    displayName: person.displayName,
    familyName: person.familyName,
    nativeName: person.nativeName,
    nativeNameLang: person.nativeNameLang,
    country: person.country,
    delegationName: person.delegationName,
    organisation: person.organisation,
    categoryCode: person.categoryCode,
    languages: person.languages,
    photoFile: person.photoFile,
    eligible: reason === null,
    ineligibleReason: reason,
    ballot,
    notice: issuedNotice(person, ballot),
  };
}

/** A voter card by participant id, or null when the person is not in the event. */
export function voterCardById(db: Db, round: Round, participantId: number, timeZone: string): VoterCard | null {
  const person = getParticipant(db, participantId);
  return person ? voterCard(db, round, person, timeZone) : null;
}

/** Voters found by a name in any script, best match first (the participants' search). */
export function searchVoters(db: Db, round: Round, query: string, limit: number, timeZone: string): VoterCard[] {
  const found = listParticipants(db, { query, limit, offset: 0, direction: 'asc', locale: 'en' });
  return found.items.map((p) => voterCard(db, round, p, timeZone));
}

/** Issue list entries for a round with the voters' names (newest first). */
export function listIssuances(db: Db, roundId: number, timeZone: string): Issuance[] {
  const rows = issuanceRows(db, roundId);
  const names = new Map(getParticipantsByIds(db, [...new Set(rows.map((r) => r.participantId))]).map((p) => [p.id, p.displayName]));
  return rows.map((r) => toIssuance(r, names.get(r.participantId) ?? `Participant ${r.participantId} (removed)`, timeZone));
}

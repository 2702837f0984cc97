import type { ElectionDefinitionInput, Selections } from '../../contract';
import { insertElection } from '../elections/election_store';
import { templateDefinition } from '../elections/election_templates';
import { assignBooth, boothBallot, cancelIssuance, castBallot, closeRound, createRound, issueBallot, openRound } from '../voting';
import type { RoomFixture } from '../voting/voting_test_helpers';

/** A template's definition with changes (e.g. a contest that demonstrates invalid ballots). */
export function definitionFrom(template: string, change: (d: ElectionDefinitionInput) => void = () => undefined): ElectionDefinitionInput {
  const d = structuredClone(templateDefinition(template));
  if (!d) throw new Error(`no template ${template}`);
  change(d);
  return d;
}

/**
 * Runs a round through real issue and cast calls: one voter per ballot in `ballots`, plus
 * `outstanding` voters who got a ballot and never cast and `cancelled` ballots cancelled.
 * Closes the round and returns its id.
 */
export function runRound(fx: RoomFixture, definition: ElectionDefinitionInput, ballots: readonly Selections[], extra: { outstanding?: number; cancelled?: number } = {}): number {
  const electionId = insertElection(fx.db, definition, '2026-12-01T00:00:00.000Z');
  const created = createRound(fx.db, { electionId, label: 'Count test, 15:00', eligibility: 'registered', delegationIds: [] }, '2026-12-02T05:00:00.000Z');
  if (!created.ok) throw new Error(created.error.message);
  const roundId = created.value.round.id;
  const opened = openRound(fx.db, roundId, '2026-12-02T05:00:01.000Z');
  if (!opened.ok) throw new Error(opened.error.message);
  const need = ballots.length + (extra.outstanding ?? 0) + (extra.cancelled ?? 0);
  if (fx.people.length < need) throw new Error(`the fixture has ${fx.people.length} people for ${need} ballots`);
  let person = 0;
  const issue = () => {
    const r = issueBallot(fx.db, { roundId, participantId: fx.people[person++]!, station: 'Station 1' }, '2026-12-02T05:01:00.000Z', fx.tz);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  };
  for (const selections of ballots) {
    const id = issue();
    const booth = fx.booths[0]!;
    const a = assignBooth(fx.db, id, booth, '2026-12-02T05:02:00.000Z', fx.tz);
    if (!a.ok) throw new Error(a.error.message);
    const b = boothBallot(fx.db, booth);
    if (b.state !== 'ballot') throw new Error('no ballot at the booth');
    const cast = castBallot(fx.db, booth, b.token, selections);
    if (!cast.ok) throw new Error(cast.error.message);
  }
  for (let i = 0; i < (extra.outstanding ?? 0); i++) issue();
  for (let i = 0; i < (extra.cancelled ?? 0); i++) {
    const c = cancelIssuance(fx.db, { issuanceId: issue(), reason: 'spoiled', note: '' }, '2026-12-02T05:03:00.000Z', fx.tz);
    if (!c.ok) throw new Error(c.error.message);
  }
  const closed = closeRound(fx.db, roundId, '2026-12-02T06:00:00.000Z');
  if (!closed.ok) throw new Error(closed.error.message);
  return roundId;
}

/**
 * The experience room under the crash harness: rounds of several elections (one paper or
 * four, plurality to ranked), identity stations issuing ballots, and booth tablets paired over
 * HTTP that are sent a ballot, fetch it with `voting.booth.current` and cast random valid
 * selections. What a station or booth heard back is recorded; what it never heard (the host
 * died mid-call) is retried after the restart the way the tablet does: the same cast with the
 * same token answers `ok` (it was not committed) or `already_cast` (it was), never twice.
 */
import net from 'node:net';
import { API, type Contest, type Selections } from '../../electron/contract';
import { votesAllowed } from '../../electron/core/elections/election_validation';
import type { callHost } from './host_process';

/** One API call to the running host, as the admin console (no token) or a paired device. */
export type HostCall = (method: string, input: unknown, token?: string) => ReturnType<typeof callHost>;

/** A cast as a booth sent it, and what became of it. */
export interface CastRecord {
  readonly roundId: number;
  readonly issuanceId: number;
  readonly selections: Selections;
  /** pending: no answer yet; acked: `ok`, or `already_cast` on the retry; refused: any other answer. */
  state: 'pending' | 'acked' | 'refused';
}

/** What the room recorded, for the checks after the restarts. */
export interface RoomLedger {
  readonly ackedIssues: Set<string>;
  readonly pendingIssues: Set<string>;
  readonly casts: CastRecord[];
  /** Casts whose answer was lost and that were sent again after a restart. */
  castsRetried: number;
  /** ...of which the first attempt had been committed (the retry answered `already_cast`). */
  castsFoundCommitted: number;
  /** Answers that must never happen: a first cast told `already_cast`, valid marks refused. */
  castAnomalies: number;
}

interface BoothTablet {
  readonly id: string;
  readonly token: string;
  busy: boolean;
  /** The ballot last sent here (its answer may have been lost). */
  sent: { issuanceId: number; roundId: number } | null;
  /** A cast sent but not answered, with the ballot token to send it again. */
  pending: { record: CastRecord; ballotToken: string } | null;
}

/** A free loopback port for the host's LAN stand-in listener (pairing must come from "the LAN"). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Random valid marks: per contest blank now and then, else 1..allowed distinct options (ranked: in random order). */
export function randomSelections(contests: readonly Contest[], random: () => number): Selections {
  const out: Selections = {};
  for (const contest of contests) {
    if (random() < 0.1) continue; // a contest left out is a blank paper
    const ids = contest.options.map((o) => o.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    }
    out[contest.id] = ids.slice(0, 1 + Math.floor(random() * votesAllowed(contest)));
  }
  return out;
}

/** What a paper of this contest holds for these selections, as the box stores it. */
export function paperOf(selections: Selections, contestId: string): string {
  return JSON.stringify(selections[contestId] ?? []);
}

/**
 * Sets up the room on a freshly started host: elections from templates, one open round, and
 * `booths` booth tablets paired through the LAN stand-in port. Null when voting is not in this build.
 */
export async function setupRoom(call: HostCall, lanUrl: string, booths: number, random: () => number) {
  if (!('voting.issue' in API)) return null;
  const listed = await call('elections.list', {});
  const electionIds = ((listed.value as Array<{ id: number }> | undefined) ?? []).map((e) => e.id);
  if (!listed.ok || electionIds.length === 0) return null;
  // Four papers per cast (kr-local, first) and ranked ballots too, not only the demo's one paper.
  for (const templateId of ['ranked-mayor', 'kr-local']) {
    const made = await call('elections.createFromTemplate', { templateId });
    if (made.ok) electionIds.unshift((made.value as { id: number }).id);
  }
  const tablets: BoothTablet[] = [];
  const castsCovered = 'voting.booth.cast' in API;
  for (let i = 0; castsCovered && i < booths; i++) {
    const offer = await call('devices.pairingStart', { role: 'booth', name: `Crash booth ${i + 1}` });
    const code = (offer.value as { code?: string } | undefined)?.code;
    const paired = code ? await callLan(lanUrl, 'devices.pair', { code }) : null;
    if (!paired?.ok) throw new Error(`a booth could not pair: ${JSON.stringify(paired ?? offer)}`);
    const value = paired.value as { token: string; device: { id: string } };
    tablets.push({ id: value.device.id, token: value.token, busy: false, sent: null, pending: null });
  }
  const ledger: RoomLedger = { ackedIssues: new Set(), pendingIssues: new Set(), casts: [], castsRetried: 0, castsFoundCommitted: 0, castAnomalies: 0 };
  let roundId = 0;
  let rounds = 0;
  let next: Promise<number> | null = null;
  // Closes whatever round is open (a kill may have left one open that we never heard of), then
  // opens a round of the next election in turn.
  const open = async () => {
    const list = await call('voting.rounds.list', {});
    for (const r of (list.value as Array<{ round: { id: number; status: string } }> | undefined) ?? []) {
      if (r.round.status === 'open') await call('voting.rounds.close', { roundId: r.round.id });
    }
    const electionId = electionIds[rounds++ % electionIds.length];
    const created = await call('voting.rounds.create', { electionId, label: `Crash round ${rounds}` });
    const id = (created.value as { round?: { id: number } } | undefined)?.round?.id;
    const opened = id ? await call('voting.rounds.open', { roundId: id }) : created;
    if (!id || !opened.ok) throw new Error(`cannot open a round: ${JSON.stringify(opened)}`);
    roundId = id;
    return id;
  };
  await open();
  /** Opens the next round once, however many clients ask at the same time. */
  const renew = async (seen: number) => {
    if (roundId !== seen) return roundId;
    next ??= open().finally(() => (next = null));
    return next;
  };

  /** Sends a cast and records the answer; the cast stays pending when the host dies before answering. */
  const send = async (booth: BoothTablet, record: CastRecord, ballotToken: string, retry: boolean): Promise<void> => {
    booth.pending = { record, ballotToken };
    const answer = await call('voting.booth.cast', { token: ballotToken, selections: record.selections }, booth.token);
    booth.pending = null;
    booth.sent = null;
    if (answer.ok) record.state = 'acked';
    else if (answer.error?.code === 'already_cast' && retry) {
      record.state = 'acked'; // the first attempt was committed before the kill: counted once
      ledger.castsFoundCommitted++;
    } else {
      record.state = 'refused'; // polls closed under it (checked: never counted)
      // Closed polls answer wrong_state, or no_ballot once the close took the ballot back; anything else is wrong.
      if (answer.error?.code !== 'wrong_state' && answer.error?.code !== 'no_ballot') ledger.castAnomalies++;
    }
  };

  /** The booth shows its ballot (as a tablet does on start and on each push) and casts it. */
  const castAt = async (booth: BoothTablet): Promise<void> => {
    const shown = await call('voting.booth.current', {}, booth.token);
    const ballot = shown.value as { state: string; token?: string; contests?: Contest[] } | undefined;
    if (!shown.ok) return;
    if (ballot?.state !== 'ballot' || !ballot.token) {
      booth.sent = null; // idle: the ballot never arrived, or polls closed
      return;
    }
    if (!booth.sent) {
      await call('voting.booths.release', { deviceId: booth.id }); // never ours: give it back
      return;
    }
    const record: CastRecord = { roundId: booth.sent.roundId, issuanceId: booth.sent.issuanceId, selections: randomSelections(ballot.contests ?? [], random), state: 'pending' };
    ledger.casts.push(record);
    await send(booth, record, ballot.token, false);
  };

  /** Issues the next voter's ballot at a station; the issuance, or null. Throws when the host died. */
  const issue = async (participantId: number) => {
    const current = roundId;
    const key = `${current}:${participantId}`;
    ledger.pendingIssues.add(key);
    const r = await call('voting.issue', { roundId: current, participantId, station: 'crash' });
    ledger.pendingIssues.delete(key);
    if (r.ok) {
      ledger.ackedIssues.add(key);
      return r.value as { id: number; roundId: number };
    }
    // Everyone has a ballot, or the round was closed under us: the next round.
    if (r.error?.code === 'already_issued' || r.error?.code === 'wrong_state') await renew(current);
    return null;
  };

  return {
    ledger,
    booths: tablets.length,
    castsCovered: castsCovered && tablets.length > 0,
    /** One voter: issued at a station, sent to a free booth, cast there. Throws when the host died. */
    vote: async (participantId: number) => {
      // A booth whose cast went unanswered waits for the restart to send it again.
      const booth = tablets.find((b) => !b.busy && !b.pending);
      if (!booth) {
        await issue(participantId);
        return;
      }
      booth.busy = true;
      try {
        const issued = await issue(participantId);
        if (!issued) return;
        booth.sent = { issuanceId: issued.id, roundId: issued.roundId };
        const assigned = await call('voting.booths.assign', { issuanceId: issued.id, deviceId: booth.id });
        if (assigned.ok) await castAt(booth);
        else booth.sent = null; // the ballot stays issued, outstanding
      } finally {
        booth.busy = false;
      }
    },
    /** After a restart, before anyone works: retry unanswered issues and casts, and booths cast what they show. */
    recover: async () => {
      for (const key of [...ledger.pendingIssues]) {
        const [round, participantId] = key.split(':').map(Number);
        const r = await call('voting.issue', { roundId: round, participantId, station: 'crash' });
        if (r.ok || r.error?.code === 'already_issued') {
          ledger.pendingIssues.delete(key);
          ledger.ackedIssues.add(key);
        }
      }
      for (const booth of tablets) {
        if (booth.pending) {
          ledger.castsRetried++;
          await send(booth, booth.pending.record, booth.pending.ballotToken, true);
        }
        // A booth starting again asks what it shows: a ballot sent before the kill is cast now.
        await castAt(booth);
        booth.busy = false;
      }
    },
  };
}

/** A call from "the LAN" (the stand-in listener): how a tablet redeems its pairing code. */
async function callLan(lanUrl: string, method: string, input: unknown) {
  const res = await fetch(new URL(`api/${method}`, lanUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** The room as the harness drives it. */
export type CrashRoom = NonNullable<Awaited<ReturnType<typeof setupRoom>>>;

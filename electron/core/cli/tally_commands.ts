/**
 * `delegate-desk tally`: replays an election from its records with the same engine as the room.
 * Ranked or single-choice ballot CSV (optionally .gz) for plurality, sntv, approval, irv, stv;
 * party totals CSV (party, votes[, district seats]) for the party-list methods and kr-mixed.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PARTY_LIST_METHODS, RANKED_METHODS, TALLY_METHODS, allocateSeats, readBallotCsv, readPartyCsv, tallyPacked, type TallyMethod, type TallyResult } from '../tally';

/** The options `tally` adds to the command line parser. */
export const TALLY_OPTIONS = {
  method: { type: 'string' },
  seats: { type: 'string' },
  threshold: { type: 'string' },
  ballots: { type: 'string' },
  'first-divisor': { type: 'string' },
  seed: { type: 'string' },
  batch: { type: 'boolean', default: false },
  'eliminate-first': { type: 'string', multiple: true },
  independents: { type: 'string' },
  'linked-cap': { type: 'string' },
} as const;

/** What `tally` was asked. */
export interface TallyCommandInput {
  readonly method?: string;
  readonly seats?: string;
  readonly threshold?: string;
  readonly ballots?: string;
  readonly firstDivisor?: string;
  readonly seed?: string;
  readonly batch: boolean;
  readonly eliminateFirst: readonly string[];
  readonly independents?: string;
  readonly linkedCap?: string;
  readonly json: boolean;
}

/** Runs `tally`; returns the exit code (1 with a message on stderr for bad input). */
export function runTallyCommand(input: TallyCommandInput, io: { out(text: string): void; err(text: string): void }): number {
  const fail = (message: string) => {
    io.err(`delegate-desk tally: ${message}\n`);
    return 1;
  };
  const method = input.method as TallyMethod | undefined;
  if (!method || !TALLY_METHODS.includes(method)) return fail(`--method is one of: ${TALLY_METHODS.filter((m) => m !== 'yes-no').join(', ')}`);
  if (!input.ballots) return fail('--ballots FILE is needed: a CSV of ballots (one a line, choices in rank order) or of party totals (party, votes[, district seats])');
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return { value: undefined };
    const n = Number(v);
    return Number.isFinite(n) ? { value: n } : { error: `--${name} must be a number (got "${v}")` };
  };
  const parsed = { seats: num('seats', input.seats), threshold: num('threshold', input.threshold), firstDivisor: num('first-divisor', input.firstDivisor), seed: num('seed', input.seed), independents: num('independents', input.independents), linkedCap: num('linked-cap', input.linkedCap) };
  for (const p of Object.values(parsed)) if ('error' in p) return fail(p.error!);
  let text: string;
  try {
    const raw = fs.readFileSync(input.ballots);
    text = (input.ballots.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  } catch (e) {
    return fail(`cannot read ${input.ballots}: ${(e as Error).message}`);
  }
  const spec = {
    method,
    seats: parsed.seats.value,
    thresholdPercent: parsed.threshold.value,
    firstDivisor: parsed.firstDivisor.value,
    seed: parsed.seed.value,
    batchElimination: input.batch,
    eliminateFirst: input.eliminateFirst,
    ...(method === 'kr-mixed' ? { krMixed: { assemblySize: 300, linkRatio: 0.5, independentSeats: parsed.independents.value ?? 0, linkedCap: parsed.linkedCap.value } } : {}),
  };
  let outcome;
  if (PARTY_LIST_METHODS.includes(method)) {
    const read = readPartyCsv(text);
    if (!read.ok) return fail(`${input.ballots}: ${read.message}`);
    outcome = allocateSeats({ ...spec, options: [] }, read.parties);
  } else {
    const read = readBallotCsv(text, RANKED_METHODS.includes(method));
    if (read.options.length === 0) return fail(`${input.ballots} has no ballots with a choice on them`);
    outcome = tallyPacked({ ...spec, options: read.options }, read.packed);
  }
  if (!outcome.ok) return fail(outcome.error.message);
  const r = outcome.value;
  if (input.json) io.out(`${JSON.stringify(asJson(r), null, 2)}\n`);
  else io.out(formatTally(r));
  return 0;
}

function asJson(r: TallyResult): object {
  return {
    method: r.method,
    seats: r.seatsByOption ?? null,
    seatsToFill: r.seats,
    winners: r.winners,
    totals: r.totals,
    rounds: r.rounds ?? null,
    quota: r.quota ?? null,
    validBallots: r.validBallots,
    invalidBallots: r.invalidBallots,
    emptyBallots: r.emptyBallots,
    seed: r.seed,
    steps: r.steps,
  };
}

/** The result as a readable table: rounds (ranked), seats (lists) or totals. */
export function formatTally(r: TallyResult): string {
  const lines: string[] = [];
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  if (r.rounds) {
    const names = Object.keys(r.rounds[0]!.tallies);
    const width = Math.min(32, Math.max(...names.map((n) => n.length)) + 2);
    for (const round of r.rounds) {
      lines.push(`Round ${round.round}`);
      const sorted = Object.entries(round.tallies).sort((a, b) => b[1] - a[1]);
      for (const [name, votes] of sorted) lines.push(`  ${pad(name, width)} ${String(votes).padStart(10)}`);
      lines.push(`  ${pad('(exhausted)', width)} ${String(round.exhausted).padStart(10)}`);
      if (round.eliminated.length) lines.push(`  eliminated: ${round.eliminated.join(', ')}`);
      if (round.elected.length) lines.push(`  elected: ${round.elected.join(', ')}`);
    }
  } else {
    const entries = Object.entries(r.totals).sort((a, b) => b[1] - a[1]);
    const width = Math.min(32, Math.max(...entries.map(([n]) => n.length)) + 2);
    lines.push(`${pad('Option', width)} ${'Votes'.padStart(12)}${r.seatsByOption ? '  Seats' : ''}`);
    for (const [name, votes] of entries) lines.push(`${pad(name, width)} ${String(votes).padStart(12)}${r.seatsByOption ? `  ${String(r.seatsByOption[name] ?? 0).padStart(5)}` : ''}`);
  }
  lines.push(`Winners: ${r.winners.join(', ') || '(none)'}`);
  lines.push(`Valid ${r.validBallots}, invalid ${r.invalidBallots}, blank ${r.emptyBallots}; lot seed ${r.seed}`);
  return `${lines.join('\n')}\n`;
}

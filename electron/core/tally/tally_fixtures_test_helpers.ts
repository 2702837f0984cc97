/** Reads the tally test fixtures (tests/fixtures/tally) for the engine and CLI tests. */
import fs from 'node:fs';
import path from 'node:path';
import { readPartyCsv, type CastBallot, type PartyVotes } from './index';

/** Where the tally fixtures live. */
export const TALLY_FIXTURES = path.join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'tally');

const FIXTURES = TALLY_FIXTURES;

/** The official round table: candidate → votes per round (absent once eliminated), plus active/inactive rows. */
export function officialMinneapolisRounds(): { byCandidate: Map<string, number[]>; active: number[]; inactive: number[] } {
  const byCandidate = new Map<string, number[]>();
  let active: number[] = [];
  let inactive: number[] = [];
  const lines = fs.readFileSync(path.join(FIXTURES, 'minneapolis_2013_mayor_official_rounds.csv'), 'utf8').trim().split(/\r?\n/u).slice(1);
  for (const line of lines) {
    const m = /^("(?:[^"]|"")*"|[^,]*),(.*)$/u.exec(line)!;
    const name = m[1]!.replace(/^"|"$/gu, '');
    const values = m[2]!.split(',').map(Number);
    if (name === '# active ballots') active = values;
    else if (name === '# inactive ballots') inactive = values;
    else byCandidate.set(name, values);
  }
  return { byCandidate, active, inactive };
}

/**
 * Reads a BLT ballot file (weight, preferences, 0 per line; then candidate names and the title).
 * Names are kept to the first quoted part: the scot-elex files write `"""Jim TODD"" ""SNP"" "`.
 */
export function readBlt(file: string): { options: string[]; seats: number; ballots: CastBallot[] } {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split(/\r?\n/u);
  const [candidates, seats] = lines[0]!.trim().split(/\s+/u).map(Number) as [number, number];
  const end = lines.findIndex((l) => l.trim() === '0');
  const options = lines.slice(end + 1, end + 1 + candidates).map((l) => /^"*([^"]+)/u.exec(l.trim())![1]!.trim());
  const ballots: CastBallot[] = [];
  for (const line of lines.slice(1, end)) {
    const [weight, ...prefs] = line.trim().split(/\s+/u).map(Number);
    const ranking = prefs.filter((p) => p > 0).map((p) => options[p - 1]!);
    for (let i = 0; i < weight!; i++) ballots.push(ranking);
  }
  return { options, seats, ballots };
}

/** Reads a `name,votes` fixture (candidates or parties) with the engine's own CSV reader. */
export function readTotals(file: string): PartyVotes[] {
  const read = readPartyCsv(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  if (!read.ok) throw new Error(`${file}: ${read.message}`);
  return read.parties;
}

/**
 * Reads ballot records and party totals from CSV text (pure: the caller reads the file, so this
 * runs anywhere). Ballot files: one ballot per line, choices in rank order (or the selections of a
 * non-ranked ballot); an optional header line ("choice1,choice2,…", "rank 1", "1st choice" …);
 * RFC 4180 quoting ("STROUD, JR.").
 *
 * Per-ballot rules, as Minneapolis applied them (Minneapolis ordinance ch. 167, and RCTab's
 * "Maine rules" in its regression test of the 2013 mayor race): an overvote marker ("overvote",
 * "OV") ends the ballot's rankings; one skipped rank (empty cell or "undervote") is passed over,
 * two consecutive skips end the rankings; a repeated candidate is passed over. A line whose only
 * cell is "invalid" is an invalid ballot. A line with no ranking at all is a blank ballot.
 */
import { PackedBallotsBuilder, type PackedBallots } from './packed_ballots';
import type { PartyVotes } from './tally_types';

/** Ballots read from CSV, with the options in order of first appearance. */
export interface ReadBallots {
  readonly options: string[];
  readonly packed: PackedBallots;
  readonly lines: number;
  readonly headerSkipped: boolean;
  /** Ballots whose rankings an overvote cut short (or emptied). */
  readonly overvotes: number;
}

const OVERVOTE = /^(overvote|ov|over)$/iu;
const UNDERVOTE = /^(undervote|uv|skip(ped)?|-)?$/iu;
const HEADER_CELL = /^((choice|rank|pref(erence)?|vote|selection)[\s_-]*\d*|\d+(st|nd|rd|th)?[\s_-]*(choice|rank|pref(erence)?)?)$/iu;

/** Splits CSV text into rows of cells (RFC 4180: quotes, doubled quotes, CRLF). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads ranked (or single-choice) ballots; `ranked` applies the skipped-rank rule. */
export function readBallotCsv(text: string, ranked: boolean): ReadBallots {
  const rows = parseCsvRows(text);
  const first = rows[0]?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
  const headerSkipped = first.length > 0 && first.every((c) => HEADER_CELL.test(c));
  const index = new Map<string, number>();
  const options: string[] = [];
  let invalid = 0;
  let overvotes = 0;
  const ballots: number[][] = [];
  for (const cells of headerSkipped ? rows.slice(1) : rows) {
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.length === 1 && /^invalid$/iu.test(trimmed[0]!)) {
      invalid++;
      continue;
    }
    const choices: number[] = [];
    let skips = 0;
    for (const cell of trimmed) {
      if (OVERVOTE.test(cell)) {
        overvotes++;
        break;
      }
      if (UNDERVOTE.test(cell)) {
        skips++;
        if (ranked && skips >= 2) break;
        continue;
      }
      // Skips before a later choice are passed over only one at a time (checked above).
      skips = 0;
      let at = index.get(cell);
      if (at === undefined) {
        at = options.length;
        index.set(cell, at);
        options.push(cell);
      }
      if (!choices.includes(at)) choices.push(at);
    }
    ballots.push(choices);
  }
  const builder = new PackedBallotsBuilder(options.length);
  for (const b of ballots) builder.add(b);
  for (let i = 0; i < invalid; i++) builder.addInvalid();
  return { options, packed: builder.build(), lines: rows.length, headerSkipped, overvotes };
}

/** Party totals read from CSV: party, votes[, district seats]; or a message saying which line is wrong. */
export function readPartyCsv(text: string): { ok: true; parties: PartyVotes[] } | { ok: false; message: string } {
  const rows = parseCsvRows(text).filter((r) => r.some((c) => c.trim() !== ''));
  const parties: PartyVotes[] = [];
  const number = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s.replace(/[\s,_]/gu, '')));
  for (let i = 0; i < rows.length; i++) {
    const [name, votesCell, seatsCell] = rows[i]!.map((c) => c.trim());
    const votes = number(votesCell);
    if (i === 0 && (votes === undefined || Number.isNaN(votes))) continue; // a header line
    if (!name) return { ok: false, message: `line ${i + 1}: the party name is empty` };
    if (votes === undefined || !Number.isFinite(votes) || votes < 0 || !Number.isInteger(votes)) {
      return { ok: false, message: `line ${i + 1}: "${votesCell ?? ''}" is not a number of votes for "${name}" (expected: party, votes[, district seats])` };
    }
    const districtSeats = number(seatsCell);
    if (districtSeats !== undefined && (!Number.isInteger(districtSeats) || districtSeats < 0)) {
      return { ok: false, message: `line ${i + 1}: "${seatsCell ?? ''}" is not a number of district seats for "${name}"` };
    }
    if (parties.some((p) => p.party === name)) return { ok: false, message: `line ${i + 1}: "${name}" is listed twice` };
    parties.push(districtSeats === undefined ? { party: name, votes } : { party: name, votes, districtSeats });
  }
  if (parties.length === 0) return { ok: false, message: 'the file has no party rows (expected: party, votes[, district seats])' };
  return { ok: true, parties };
}

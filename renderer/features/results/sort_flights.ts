import type { Contest, CountPaper, CountShowState } from '../../../electron/contract';
import { miniBallotSvg } from './mini_ballot';
import { BALLOTS_PER_SECOND, sortPosition } from './show_text';

/** How long one ballot takes from the sorter to its tray, in seconds (at every speed). */
export const FLIGHT_SECONDS = 0.8;
/** Flying papers' box on the stage, in CSS pixels (the `.flight` rule matches); a tilted paper fits inside. */
export const PAPER = { width: 58, height: 74 } as const;
/** The tilts papers fly at (degrees), drawn into their pictures; paper i takes TILTS[i % TILTS.length]. */
export const TILTS = [-9, 4, -3, 10, -12, 7] as const;

/** A point on the stage, in CSS pixels from its top-left corner. */
export interface Point {
  x: number;
  y: number;
}

/** Where the sorter is at one instant: what it reads, what has landed, what is still falling. */
export interface SortFrame {
  /** Papers the sorter has read (what the counter shows). */
  sorted: number;
  /** The paper shown in the reader, or -1 for none. */
  reading: number;
  /** Papers already lying in their trays (counted in the trays' figures). */
  landed: number;
  /** Papers through the sorter, fractional and uncapped while playing: paper i flies from raw = i to raw = i + span. */
  raw: number;
  /** Papers in flight at once at this speed. */
  span: number;
  /** Whether papers are in the air (playing, motion allowed, and the last one not landed yet). */
  flying: boolean;
}

/** The sorter's state at `now` (ms since the epoch), from the show state alone, so every screen agrees. */
export function sortFrame(show: CountShowState, total: number, now: number, reduced: boolean): SortFrame {
  const pos = sortPosition(show, total, now);
  // The sorter stops reading at the last paper, but the papers it read keep falling: flights run on the uncapped position.
  const raw = show.playing ? sortPosition(show, Number.POSITIVE_INFINITY, now) : pos;
  const span = Math.max(1, BALLOTS_PER_SECOND * show.speed * FLIGHT_SECONDS);
  const flying = show.playing && !reduced && raw < total + span;
  const landed = Math.min(total, flying ? Math.max(0, Math.floor(raw - span) + 1) : Math.floor(pos));
  const sorted = Math.floor(pos);
  const reading = Math.min(total - 1, show.playing ? sorted : sorted - 1);
  return { sorted, reading, landed, raw, span, flying };
}

/** Papers per tray among the first `landed` papers, every tray listed (0 when empty). */
export function trayCounts(papers: readonly CountPaper[], landed: number, trayIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>(trayIds.map((id) => [id, 0]));
  for (let i = 0; i < Math.min(landed, papers.length); i++) counts.set(papers[i]!.tray, (counts.get(papers[i]!.tray) ?? 0) + 1);
  return counts;
}

/**
 * One flight from the sorter's mouth to a tray as Web Animations keyframes of translate and
 * scale alone (no opacity, no rotation: on a software compositor each costs an extra render pass
 * per paper per frame; the papers' tilt is drawn into their pictures), so the compositor plays
 * it without the page's main thread. A short rise out of the machine, the fall into the tray,
 * and the paper shrinking as it drops in. Sampled finely
 * enough that the straight segments between samples are invisible at projector scale.
 */
export function flightKeyframes(from: Point, to: Point, samples = 16): Keyframe[] {
  const frames: Keyframe[] = [];
  for (let s = 0; s <= samples; s++) {
    const p = s / samples;
    const x = from.x + (to.x - from.x) * p - PAPER.width / 2;
    const y = from.y + (to.y - from.y) * p * p - 40 * Math.sin(Math.PI * p) - PAPER.height / 2;
    const size = p <= 0.85 ? 1 : 1 - (0.6 * (p - 0.85)) / 0.15;
    frames.push({ offset: p, transform: `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) scale(${size.toFixed(3)})` });
  }
  return frames;
}

/** The ballots' pictures: one image URL per distinct paper (same marks, same picture) and each paper's index into them. */
export interface BallotImages {
  urls: string[];
  of: number[];
}

/**
 * Each paper's miniature as an SVG data URL, shared by identical papers: 500 papers of a
 * plurality contest are a dozen pictures, which the browser decodes once and the flights reuse.
 */
export function ballotImages(contest: Contest, papers: readonly CountPaper[]): BallotImages {
  const byMarks = new Map<string, number>();
  const urls: string[] = [];
  const of = papers.map((p) => {
    const key = p.marks.join('\u0000');
    let index = byMarks.get(key);
    if (index === undefined) {
      index = urls.length;
      byMarks.set(key, index);
      urls.push(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(miniBallotSvg(contest, p.marks))}`);
    }
    return index;
  });
  return { urls, of };
}

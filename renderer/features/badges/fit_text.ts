/**
 * Long names fit: first shrink on one line, then wrap, never cut and never overflow. Text is
 * measured in the browser, with the real fonts and shaping (Arabic joining makes text
 * narrower, Thai and Tamil marks make it taller), and the size steps down until it fits.
 *
 * Markup: a box `.fit[data-fit=<field>]` with a fixed size (CSS) holding one `.fit-text`.
 * Sizes are read with offsetWidth/offsetHeight, which ignore transforms, so a preview scaled
 * down on screen fits exactly like the printed page.
 */
import type { FitField, FitRange, TemplateSpec } from './badge_templates';

const PX_PER_PT = 96 / 72;
/** The precision of the search; half a point is below what a reader can tell apart. */
const STEP_PT = 0.5;
/** Layout rounding: a fraction of a pixel is not overflow. */
const SLACK_PX = 0.5;

/** How one field ended up. */
export interface FitResult {
  readonly sizePt: number;
  readonly wrapped: boolean;
  /** At the smallest size allowed (worth a look), or still too big there (a real problem). */
  readonly state: 'fits' | 'tight' | 'overflow';
}

function setSize(text: HTMLElement, pt: number): void {
  text.style.fontSize = `${pt}pt`;
}

/** Whether the text fits its box at the size currently set. */
function fits(box: HTMLElement, text: HTMLElement): boolean {
  return (
    text.offsetWidth <= box.clientWidth + SLACK_PX &&
    text.offsetHeight <= box.clientHeight + SLACK_PX &&
    text.scrollWidth <= text.clientWidth + SLACK_PX
  );
}

/** The largest size in [lo, hi] (in steps) at which the text fits, or null if none does. */
function largestFitting(box: HTMLElement, text: HTMLElement, lo: number, hi: number): number | null {
  const steps = Math.round((hi - lo) / STEP_PT);
  setSize(text, lo);
  if (!fits(box, text)) return null;
  let good = 0;
  let bad = steps + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    setSize(text, lo + mid * STEP_PT);
    if (fits(box, text)) good = mid;
    else bad = mid;
  }
  const size = lo + good * STEP_PT;
  setSize(text, size);
  return size;
}

/** Fits one box: one line from `max` down to `shrinkTo`, else wrapped from `max` down to `floor`. */
export function fitBox(box: HTMLElement, text: HTMLElement, range: FitRange): FitResult {
  text.classList.remove('fit-wrap');
  setSize(text, range.max);
  if (fits(box, text)) return { sizePt: range.max, wrapped: false, state: 'fits' };
  // Width is nearly proportional to size: start the search near the answer.
  const guess = Math.floor(((range.max * box.clientWidth) / Math.max(1, text.offsetWidth)) / STEP_PT) * STEP_PT;
  const oneLine = largestFitting(box, text, range.shrinkTo, Math.max(range.shrinkTo, Math.min(range.max, guess + STEP_PT)));
  if (oneLine !== null) return { sizePt: oneLine, wrapped: false, state: 'fits' };
  text.classList.add('fit-wrap');
  const wrapped = largestFitting(box, text, range.floor, range.max);
  if (wrapped !== null) return { sizePt: wrapped, wrapped: true, state: wrapped <= range.floor ? 'tight' : 'fits' };
  setSize(text, range.floor);
  return { sizePt: range.floor, wrapped: true, state: 'overflow' };
}

/** Remembers results for repeated text in the same box (the title and organisations repeat). */
export type FitCache = Map<string, FitResult>;

function apply(text: HTMLElement, result: FitResult): void {
  text.classList.toggle('fit-wrap', result.wrapped);
  setSize(text, result.sizePt);
}

/**
 * Fits every field of one badge. Returns the worst state, so the page can name the badges
 * whose names needed the smallest size.
 */
export function fitBadge(badge: HTMLElement, spec: TemplateSpec, cache: FitCache = new Map()): FitResult['state'] {
  let worst: FitResult['state'] = 'fits';
  for (const box of badge.querySelectorAll<HTMLElement>('.fit[data-fit]')) {
    const text = box.querySelector<HTMLElement>('.fit-text');
    const field = box.dataset['fit'] as FitField | undefined;
    if (!text || !field || !(field in spec.fit)) continue;
    const key = `${spec.id}|${field}|${box.clientWidth}x${box.clientHeight}|${text.lang}|${text.textContent ?? ''}`;
    let result = cache.get(key);
    if (result) apply(text, result);
    else {
      result = fitBox(box, text, spec.fit[field]);
      cache.set(key, result);
    }
    box.dataset['fitState'] = result.state;
    // Names decide whether a badge is "tight"; a small organisation line is normal.
    if ((field === 'native' || field === 'latin') && result.state !== 'fits' && worst !== 'overflow') worst = result.state;
    if (result.state === 'overflow') worst = 'overflow';
  }
  return worst;
}

/** Points to CSS pixels (for tests and measurements). */
export function ptToPx(pt: number): number {
  return pt * PX_PER_PT;
}

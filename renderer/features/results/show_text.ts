import type { Contest, CountShowState, LocalizedText } from '../../../electron/contract';

/** A definition text in the projector's language, else English, else whatever it has. */
export function pick(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

/** An option's display name ("1 Han Do-yoon"), or the id when the contest does not have it (loaded records). */
export function optionName(contest: Contest | undefined, optionId: string, language: string, names?: Readonly<Record<string, string>> | null): string {
  if (names?.[optionId]) return names[optionId]!;
  const option = contest?.options.find((o) => o.id === optionId);
  return option ? pick(option.name, language) : optionId;
}

// Loaded records have no party colours: distinct, readable on the dark stage, in file order.
const LOADED_PALETTE = ['#4fc3f7', '#ff8a65', '#aed581', '#ba68c8', '#ffd54f', '#4db6ac', '#f06292', '#90a4ae'];

/** An option's colour: the contest's, a palette colour for loaded records (by `names` order), else grey. */
export function optionColour(contest: Contest | undefined, optionId: string, names?: Readonly<Record<string, string>> | null): string {
  const own = contest?.options.find((o) => o.id === optionId)?.colour;
  if (own) return own;
  const index = names ? Object.keys(names).indexOf(optionId) : -1;
  return index >= 0 ? LOADED_PALETTE[index % LOADED_PALETTE.length]! : '#7a8391';
}

/** Ballots a second at speed 1 (the core's BALLOTS_PER_SECOND). */
export const BALLOTS_PER_SECOND = 2;

/** Papers through the sorter at `now`, as the core computes it from the show state. */
export function sortPosition(show: CountShowState, total: number, now: number): number {
  if (!show.playing) return Math.min(total, show.cursor);
  const elapsed = Math.max(0, now - Date.parse(show.cursorAt)) / 1000;
  return Math.min(total, show.cursor + elapsed * BALLOTS_PER_SECOND * show.speed);
}

/** Whether the viewer asked for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

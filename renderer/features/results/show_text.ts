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

/** An option's colour (grey for loaded records). */
export function optionColour(contest: Contest | undefined, optionId: string): string {
  return contest?.options.find((o) => o.id === optionId)?.colour ?? '#7a8391';
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

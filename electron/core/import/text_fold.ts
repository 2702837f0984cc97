/**
 * Folding for comparisons only (never for what is stored): case, accents and punctuation go,
 * so "Núñez" meets "nunez" and "E-mail address" meets "email address".
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;

/** Lower case, accents removed, punctuation turned into single spaces; NFKC folds full-width Latin. */
export function foldText(text: string): string {
  // Most cells are plain ASCII: no accents to strip, no width to fold.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ıİ]/gu, 'i')
    .replace(/ß/gu, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded text without any spaces ("e-mail" and "E mail" both become "email"). */
export function foldCompact(text: string): string {
  return foldText(text).replace(/ /gu, '');
}

import type { BadgeTemplate } from '../../contract';

/** Lower-case ASCII words joined by dashes; letters outside ASCII are dropped, never mangled. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40);
}

/**
 * A PDF's file name that says what it holds and when it was made, so a folder of batches
 * sorts and reads well: `badges-mongolia-a6-20261201-1412.pdf`.
 */
export function badgeBatchFileName(label: string, template: BadgeTemplate, at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  // The computer's local time: that is the clock the person saving the file reads.
  const stamp = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  const what = slug(label);
  return `badges-${what ? `${what}-` : ''}${template}-${stamp}.pdf`;
}

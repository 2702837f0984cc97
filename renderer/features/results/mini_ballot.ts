import type { Contest } from '../../../electron/contract';

/**
 * A paper ballot in miniature as SVG markup: the paper's colour, one row per option with its
 * symbol number, and the red stamp (卜 in a circle) on each marked row. Built from numbers and
 * validated #rrggbb colours only (no names), so it is safe as markup.
 */
export function miniBallotSvg(contest: Contest, marks: readonly string[]): string {
  const rows = contest.options.slice(0, 10);
  const rowH = 10;
  const h = 12 + rows.length * rowH + 4;
  const ranked = contest.type === 'ranked';
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 ${h}" width="100%" height="100%" aria-hidden="true">`];
  parts.push(`<rect x="0.5" y="0.5" width="59" height="${h - 1}" rx="2" fill="${contest.ballotColour}" stroke="#444" stroke-width="1"/>`);
  parts.push(`<rect x="6" y="4" width="48" height="4" fill="#555" opacity="0.55"/>`);
  rows.forEach((o, i) => {
    const y = 12 + i * rowH;
    parts.push(`<rect x="4" y="${y}" width="52" height="${rowH - 1}" fill="none" stroke="#666" stroke-width="0.6"/>`);
    parts.push(`<rect x="4" y="${y}" width="4" height="${rowH - 1}" fill="${o.colour}"/>`);
    parts.push(`<text x="12" y="${y + 7}" font-size="7" font-family="sans-serif" fill="#222">${o.symbol}</text>`);
    parts.push(`<rect x="20" y="${y + 3}" width="22" height="2.4" fill="#888"/>`);
    const rank = marks.indexOf(o.id);
    if (rank >= 0) {
      parts.push(`<circle cx="50" cy="${y + 4.5}" r="3.8" fill="none" stroke="#d0021b" stroke-width="1.3"/>`);
      parts.push(ranked ? `<text x="50" y="${y + 6.6}" font-size="5.5" text-anchor="middle" font-family="sans-serif" font-weight="700" fill="#d0021b">${rank + 1}</text>` : `<path d="M50 ${y + 1.8} v5.4 M50 ${y + 4.2} l2 -1.2" stroke="#d0021b" stroke-width="1" fill="none"/>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

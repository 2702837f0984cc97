/**
 * What happens to a cell's text before it is stored: almost nothing. Markup, formulas
 * ("=cmd|…"), bidi overrides, zero-width and combining characters and emoji are kept
 * verbatim (screens render text inertly, exports neutralise formulas). Only what no name can
 * hold goes: C0 control characters, and line breaks in one-line fields become spaces.
 */

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;
// A quick test for the rare cell that needs work; without the u flag on purpose, since it runs
// once per cell of a big file and a plain character class is faster.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CLEANING = /[\u0000-\u001f\u007f]|^[ \u00a0\u3000]|[ \u00a0\u3000]$/;
// Spaces a spreadsheet leaves around values; zero-width characters are not among them.
const EDGE_SPACE = /^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/gu;

/** A one-line value: line breaks and tabs become single spaces, the edges are trimmed. */
export function cleanLine(value: string | undefined): string {
  if (!value) return '';
  if (!NEEDS_CLEANING.test(value)) return value;
  return value.replace(/[\r\n\t]+/gu, ' ').replace(CONTROL, '').replace(EDGE_SPACE, '');
}

// The same quick test for a multi-line value: a CR, another control character, or a space,
// tab or line break at either edge.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MULTILINE_NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f]|^[ \t\u00a0\n]|[ \t\u00a0\n]$/;

/** A multi-line value (notes): line breaks kept as \n, tabs kept, other control characters removed. */
export function cleanMultiline(value: string | undefined): string {
  if (!value) return '';
  if (!MULTILINE_NEEDS_CLEANING.test(value)) return value;
  return value.replace(/\r\n?/gu, '\n').replace(CONTROL, '').replace(/^[ \t\u00a0\n]+|[ \t\u00a0\n]+$/gu, '');
}

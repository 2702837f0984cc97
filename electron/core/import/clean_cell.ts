/**
 * What happens to a cell's text before it is stored: almost nothing. Markup, formulas
 * ("=cmd|…"), bidi overrides, zero-width and combining characters and emoji are kept
 * verbatim (screens render text inertly, exports neutralise formulas). Only what no name can
 * hold goes: C0 control characters, and line breaks in one-line fields become spaces.
 */

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;
// A quick test for the rare cell that needs work: the edges by character code, the inside by
// one plain character class (no u flag, no alternation: it runs once per cell of a big file).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HAS_CONTROL = /[\u0000-\u001f\u007f]/;

/** A space a one-line value loses at its edges (a tab is a control character, found anyway). */
function isEdgeSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}
// Spaces a spreadsheet leaves around values; zero-width characters are not among them.
const EDGE_SPACE = /^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/gu;

/** A one-line value: line breaks and tabs become single spaces, the edges are trimmed. */
export function cleanLine(value: string | undefined): string {
  if (!value) return '';
  if (!isEdgeSpace(value.charCodeAt(0)) && !isEdgeSpace(value.charCodeAt(value.length - 1)) && !HAS_CONTROL.test(value)) return value;
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

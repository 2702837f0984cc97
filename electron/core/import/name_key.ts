import { StringIndex } from './string_index';
import { foldText } from './text_fold';

// Folding is the costly part and name parts repeat (Kim, Maria, Nguyen): fold each part once.
// Each row's parts are new strings: a StringIndex finds them faster than a Map (see there).
let foldedIndex = new StringIndex(4096);
let folded: string[] = [];

function foldPart(part: string): string {
  const at = foldedIndex.find(part);
  if (at >= 0) return folded[at]!;
  const hit = foldText(part.replace(/[-‐'’.]/gu, ''));
  if (foldedIndex.size >= 200_000) {
    foldedIndex = new StringIndex(4096);
    folded = [];
  }
  foldedIndex.addOrFind(part);
  folded.push(hit);
  return hit;
}

/** The order-free key of a person's name: "KIM Min-jun", "Minjun Kim" and "kim minjun" agree. */
export function nameKey(p: { familyName: string; givenName: string; displayName: string }): string {
  if (!p.familyName && !p.givenName) return foldPart(p.displayName).split(' ').sort().join(' ');
  const a = foldPart(p.familyName);
  const b = foldPart(p.givenName);
  // The common case, one word each: no splitting and sorting of arrays.
  if (!a.includes(' ') && !b.includes(' ')) return !a ? b : !b ? a : a < b ? `${a} ${b}` : `${b} ${a}`;
  return `${a} ${b}`.split(' ').filter(Boolean).sort().join(' ');
}

/**
 * Token ids by trigram, for matching a query from the middle of a token ("ević" in
 * "kovačević"): only tokens holding the query's rarest trigram need to be checked. Packed into
 * typed arrays after the bulk load; a list touched later becomes an ordinary array.
 */

/** Each distinct trigram of a text, once. */
function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

export class TrigramIndex {
  private lists = new Map<string, Int32Array | number[]>();

  /** Lists a token (after the bulk load). */
  add(id: number, text: string): void {
    for (const gram of gramsOf(text)) {
      const list = this.lists.get(gram);
      if (!list) this.lists.set(gram, [id]);
      else if (Array.isArray(list)) list.push(id);
      else this.lists.set(gram, [...list, id]);
    }
  }

  /** Replaces everything with the given tokens (the bulk load), packed. */
  pack(tokens: Iterable<[number, string]>): void {
    const lists = new Map<string, number[]>();
    for (const [id, text] of tokens) {
      for (const gram of gramsOf(text)) {
        const list = lists.get(gram);
        if (list) list.push(id);
        else lists.set(gram, [id]);
      }
    }
    this.lists = new Map([...lists].map(([gram, list]) => [gram, Int32Array.from(list)]));
  }

  /**
   * The ids of tokens that may contain `part` (≥ 3 chars): those holding its rarest trigram,
   * or none if some trigram of it appears nowhere. Callers check the text itself.
   */
  candidates(part: string): ArrayLike<number> {
    let best: ArrayLike<number> | undefined;
    for (let i = 0; i + 3 <= part.length; i++) {
      const list = this.lists.get(part.slice(i, i + 3));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }
}

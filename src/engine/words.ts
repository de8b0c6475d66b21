import type { Tokens } from './tokenize';

/**
 * Every word of the text as a small integer: the matcher and the Lexipol finder then work on arrays
 * indexed by word id (a manual of 400,000 words has only ~10,000 distinct ones). Words are looked up
 * in an open-addressing hash table straight from the text's character codes, so no string is made
 * for a word already seen: on a long manual that is most of the cost of this step.
 */
export interface Words {
  tokens: Tokens;
  /** Word id of each token (same index as the token). */
  ids: Int32Array;
  /** Lower-case text of each word id. */
  lower: string[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The ids given so far; ASCII words (nearly all) by hash, others through a Map. */
class WordTable {
  readonly lower: string[] = [];
  // Words with characters beyond ASCII (rare in these texts) take the plain Map path.
  private readonly other = new Map<string, number>();
  private slots: Int32Array = new Int32Array(1 << 14).fill(-1);
  private mask = (1 << 14) - 1;
  /** Hash of each word id (int32, unboxed) and whether it is in `slots` (words beyond ASCII are not). */
  private hashes: Int32Array = new Int32Array(1 << 13);
  private inTable: Uint8Array = new Uint8Array(1 << 13);
  /** Lower-case characters of the ASCII words, one after another; where each starts, and its length. */
  private chars: Uint8Array = new Uint8Array(1 << 16);
  private charCount = 0;
  private charsAt: Int32Array = new Int32Array(1 << 13);
  private lengths: Int32Array = new Int32Array(1 << 13);

  /** Id of the ASCII word text[s, e), whose lower-case FNV-1a hash is `hash`. */
  ascii(text: string, s: number, e: number, hash: number): number {
    const { slots, mask, hashes, charsAt, lengths, chars } = this;
    const length = e - s;
    let slot = hash & mask;
    for (;;) {
      const candidate = slots[slot]!;
      if (candidate === -1) break;
      if (hashes[candidate] === hash && lengths[candidate] === length) {
        // Compared with the word's copy in one small byte array (not its string, wherever that lives
        // on the heap). Word characters are letters and digits: `| 32` lower-cases a letter and keeps
        // a digit.
        const at = charsAt[candidate]!;
        let i = 0;
        while (i < length && chars[at + i] === (text.charCodeAt(s + i) | 32)) i++;
        if (i === length) return candidate;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(text, s, e, hash, slot);
  }

  private insert(text: string, s: number, e: number, hash: number, slot: number): number {
    const length = e - s;
    const slots = this.slots;
    const id = this.add(text.slice(s, e).toLowerCase());
    this.hashes[id] = hash;
    this.inTable[id] = 1;
    this.lengths[id] = length;
    if (this.charCount + length > this.chars.length) {
      const chars = new Uint8Array(Math.max(this.chars.length * 2, this.charCount + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    this.charsAt[id] = this.charCount;
    for (let i = 0; i < length; i++) this.chars[this.charCount++] = text.charCodeAt(s + i) | 32;
    slots[slot] = id;
    if (this.lower.length * 2 > slots.length) this.rehash();
    return id;
  }

  /** Id of a word with characters beyond ASCII. */
  nonAscii(text: string, s: number, e: number): number {
    const word = text.slice(s, e).toLowerCase();
    let id = this.other.get(word);
    if (id === undefined) {
      id = this.add(word);
      this.other.set(word, id);
    }
    return id;
  }

  private add(word: string): number {
    const id = this.lower.length;
    this.lower.push(word);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const inTable = new Uint8Array(id * 2);
      inTable.set(this.inTable);
      this.inTable = inTable;
      const charsAt = new Int32Array(id * 2);
      charsAt.set(this.charsAt);
      this.charsAt = charsAt;
      const lengths = new Int32Array(id * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let n = 0; n < this.lower.length; n++) {
      if (this.inTable[n] !== 1) continue;
      let slot = this.hashes[n]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Ids for tokens already made (by `tokenize`). */
export function internWords(text: string, tokens: Tokens): Words {
  const table = new WordTable();
  const ids = new Int32Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    let hash = FNV_OFFSET;
    let ascii = true;
    for (let i = s; i < e && ascii; i++) {
      const c = text.charCodeAt(i);
      ascii = c < 128;
      hash = Math.imul(hash ^ (c | 32), FNV_PRIME);
    }
    ids[t] = ascii ? table.ascii(text, s, e, hash | 0) : table.nonAscii(text, s, e);
  }
  return { tokens, ids, lower: table.lower };
}

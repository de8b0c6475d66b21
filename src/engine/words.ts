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

function ensure(a: Int32Array, index: number): Int32Array {
  if (index < a.length) return a;
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function ensureBytes(a: Uint8Array, index: number): Uint8Array {
  if (index < a.length) return a;
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function internWords(text: string, tokens: Tokens): Words {
  const lower: string[] = [];
  const ids = new Int32Array(tokens.count);
  // Words with characters beyond ASCII (rare in these texts) take the plain Map path.
  const other = new Map<string, number>();
  let slots = new Int32Array(1 << 14).fill(-1);
  // Hash of each word id (int32, kept unboxed in a typed array) and whether it lives in the table.
  let hashes: Int32Array = new Int32Array(1 << 13);
  let inTable: Uint8Array = new Uint8Array(1 << 13);
  let mask = slots.length - 1;

  const insert = (hash: number, id: number) => {
    let slot = hash & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = id;
  };

  for (let t = 0; t < tokens.count; t++) {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    let hash = 0x811c9dc5;
    let ascii = true;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      hash = Math.imul(hash ^ lowerCode(c), 0x01000193);
    }
    if (!ascii) {
      const word = text.slice(s, e).toLowerCase();
      let id = other.get(word);
      if (id === undefined) {
        id = lower.length;
        lower.push(word);
        hashes = ensure(hashes, id);
        inTable = ensureBytes(inTable, id);
        other.set(word, id);
      }
      ids[t] = id;
      continue;
    }
    hash |= 0;
    let slot = hash & mask;
    let id = -1;
    for (;;) {
      const candidate = slots[slot]!;
      if (candidate === -1) break;
      const word = lower[candidate]!;
      if (hashes[candidate] === hash && word.length === e - s) {
        let same = true;
        for (let i = 0; i < word.length && same; i++)
          same = word.charCodeAt(i) === lowerCode(text.charCodeAt(s + i));
        if (same) {
          id = candidate;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (id === -1) {
      id = lower.length;
      lower.push(text.slice(s, e).toLowerCase());
      hashes = ensure(hashes, id);
      inTable = ensureBytes(inTable, id);
      hashes[id] = hash;
      inTable[id] = 1;
      slots[slot] = id;
      if (lower.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        mask = slots.length - 1;
        for (let n = 0; n < lower.length; n++) if (inTable[n] === 1) insert(hashes[n]!, n);
      }
    }
    ids[t] = id;
  }
  return { tokens, ids, lower };
}

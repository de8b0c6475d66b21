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

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function internWords(text: string, tokens: Tokens): Words {
  const lower: string[] = [];
  const ids = new Int32Array(tokens.count);
  // Words with characters beyond ASCII (rare in these texts) take the plain Map path.
  const other = new Map<string, number>();
  let slots = new Int32Array(1 << 14).fill(-1);
  let hashes: number[] = [];
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
        hashes.push(-1);
        other.set(word, id);
      }
      ids[t] = id;
      continue;
    }
    hash >>>= 0;
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
      hashes.push(hash);
      slots[slot] = id;
      if (lower.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        mask = slots.length - 1;
        hashes.forEach((h, n) => {
          if (h !== -1) insert(h, n);
        });
      }
    }
    ids[t] = id;
  }
  hashes = [];
  return { tokens, ids, lower };
}

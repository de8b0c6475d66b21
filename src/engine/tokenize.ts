/**
 * Words of a text with their offsets: runs of letters and digits. Punctuation separates words and is
 * otherwise ignored, so "287(g)" is the words 287 and g, and "U.S.C." is u, s and c. A possessive
 * "'s" is folded into its word ("ICE's" is the word ICE), so rules need not list possessives.
 */

export interface Tokens {
  count: number;
  /** Offset of each word's first character. */
  start: Int32Array;
  /** Offset just after each word (before any folded "'s"). */
  end: Int32Array;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/** 1 for ASCII letters and digits: one table read per character in the hot loop. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
}

export function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  return NON_ASCII_WORD.test(text[i] ?? '');
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/**
 * `into`: tokens to write over instead of allocating (their arrays are reused while big enough), for
 * callers that tokenize thousands of short windows, where two fresh typed arrays per call were garbage.
 */
export function tokenize(text: string, from = 0, to = text.length, into?: Tokens): Tokens {
  // Words average 5–6 characters; grow if a text is unusually dense.
  let capacity = Math.max(16, ((to - from) >> 2) + 16);
  let start: Int32Array;
  let end: Int32Array;
  if (into && into.start.length >= capacity && into.end.length === into.start.length) {
    start = into.start;
    end = into.end;
    capacity = start.length;
  } else {
    start = new Int32Array(capacity);
    end = new Int32Array(capacity);
  }
  let count = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code < 128 ? ASCII_WORD[code] === 0 : !isWordChar(code, text, i)) {
      i++;
      continue;
    }
    const s = i;
    i++;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 ? ASCII_WORD[c] === 0 : !isWordChar(c, text, i)) break;
    }
    const e = i;
    // Fold a possessive: word + apostrophe + s, followed by a non-word character or the end.
    if (
      i + 1 < to &&
      isApostrophe(text.charCodeAt(i)) &&
      (text.charCodeAt(i + 1) | 32) === 115 &&
      (i + 2 >= to || !isWordChar(text.charCodeAt(i + 2), text, i + 2))
    ) {
      i += 2;
    }
    if (count === capacity) {
      capacity *= 2;
      const s2 = new Int32Array(capacity);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(capacity);
      e2.set(end);
      end = e2;
    }
    start[count] = s;
    end[count] = e;
    count++;
  }
  if (into) {
    into.count = count;
    into.start = start;
    into.end = end;
    return into;
  }
  return { count, start, end };
}

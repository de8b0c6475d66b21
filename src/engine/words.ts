import type { Tokens } from './tokenize';

/**
 * Every word of the text as a small integer: one Map lookup per word, after which the matcher and the
 * Lexipol finder work on arrays indexed by word id (a manual of 500,000 words has only ~10,000 distinct ones).
 */
export interface Words {
  tokens: Tokens;
  /** Word id of each token (same index as the token). */
  ids: Int32Array;
  /** Lower-case text of each word id. */
  lower: string[];
}

export function internWords(text: string, tokens: Tokens): Words {
  const lowerText = text.toLowerCase();
  // toLowerCase keeps offsets unless a rare character changes length (e.g. "İ"); then lower-case word by word.
  const sameLength = lowerText.length === text.length;
  const index = new Map<string, number>();
  const lower: string[] = [];
  const ids = new Int32Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    const word = sameLength ? lowerText.slice(s, e) : text.slice(s, e).toLowerCase();
    let id = index.get(word);
    if (id === undefined) {
      id = lower.length;
      lower.push(word);
      index.set(word, id);
    }
    ids[t] = id;
  }
  return { tokens, ids, lower };
}

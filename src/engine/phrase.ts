import { stem } from './stem';
import { isWordChar, tokenize } from './tokenize';

/**
 * A rule phrase as the rules' authors write it ("no ... shall", "immigra*", "8 U.S.C. 1373", "ICE"),
 * parsed into what the matcher compares with the text's words.
 */

/** One word of a phrase: a stem (any case, any ending), an exact capitalised word, or a prefix. */
export type WordPattern =
  | { kind: 'stem'; value: string }
  | { kind: 'caps'; value: string }
  | { kind: 'prefix'; value: string };

/** Words that must follow each other directly; the parts of a phrase are joined by gaps of ≤ MAX_GAP words. */
export type PhrasePart = WordPattern[];

/** "a ... b": up to this many words may stand between a and b. */
export const MAX_GAP = 8;

const GAP = /^(\.\.\.|…)$/;

/** 2+ letters, all capitals (digits allowed): ICE, DHS, ERO. Such rule words match only in capitals. */
export function isCapitalised(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

export function wordPattern(word: string): WordPattern {
  if (isCapitalised(word)) return { kind: 'caps', value: word };
  return { kind: 'stem', value: stem(word.toLowerCase()) };
}

/** Most pieces of a phrase are one plain word: they skip `tokenize`, whose typed arrays made thousands
 * of small allocations (and garbage collections) while a rule book compiles. */
function isOneWord(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) if (!isWordChar(piece.charCodeAt(i), piece, i)) return false;
  return piece.length > 0;
}

/** Parses a phrase; throws with a plain message when it has no words (e.g. "..." alone or "*"). */
export function parsePhrase(phrase: string): PhrasePart[] {
  const parts: PhrasePart[] = [[]];
  // Spaced "..." separates parts; an unspaced "a...b" too.
  const pieces = phrase
    .replace(/(\.\.\.|…)/g, ' $1 ')
    .trim()
    .split(/\s+/);
  for (const piece of pieces) {
    if (GAP.test(piece)) {
      parts.push([]);
      continue;
    }
    const current = parts[parts.length - 1]!;
    if (piece.endsWith('*')) {
      const prefix = piece.slice(0, -1).toLowerCase();
      if (prefix.length === 0 || ![...prefix].every((_, i) => isWordChar(prefix.charCodeAt(i), prefix, i))) {
        throw new Error(`"${phrase}": a * must follow letters or digits, as in immigra*`);
      }
      current.push({ kind: 'prefix', value: prefix });
      continue;
    }
    if (isOneWord(piece)) {
      current.push(wordPattern(piece));
      continue;
    }
    const words = tokenize(piece);
    for (let i = 0; i < words.count; i++) {
      current.push(wordPattern(piece.slice(words.start[i], words.end[i])));
    }
  }
  if (parts.some((part) => part.length === 0)) {
    throw new Error(`"${phrase}": every side of "..." needs at least one word`);
  }
  return parts;
}

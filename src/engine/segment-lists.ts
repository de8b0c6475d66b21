/**
 * Lists: which open list a marker continues (or which it opens), and where an item's text ends.
 */
import type { MarkerReading } from './segment-lines';

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** An open list: the style of its markers, the last ordinal seen and the lead-in its items share. */
export interface ListLevel {
  style: string;
  ordinal: number;
  leadIn: number;
}

export function levelOf(levels: ListLevel[], style: string): number {
  for (let k = levels.length - 1; k >= 0; k--) if (levels[k]!.style === style) return k;
  return -1;
}

/** Picks the reading of an ambiguous label ("i" letter or roman) that continues an open list. */
export function chooseReading(
  readings: readonly MarkerReading[],
  levels: ListLevel[],
  nestedListDue: boolean,
): MarkerReading {
  if (readings.length === 1) return readings[0]!;
  // After an item that ends with ":", "(i)" opens a nested roman list rather than following "(h)".
  if (nestedListDue) for (const r of readings) if (r.ordinal === 1) return r;
  for (const r of readings) {
    const level = levelOf(levels, r.style);
    if (level >= 0 && levels[level]!.ordinal + 1 === r.ordinal) return r;
  }
  for (const r of readings) if (levelOf(levels, r.style) >= 0) return r;
  for (const r of readings) if (r.ordinal === 1) return r;
  return readings[0]!;
}

/** End of an item without its trailing "; or", "; and", "and/or", ";" or ",". */
export function trimConnector(text: string, start: number, end: number): number {
  let b = end;
  // A trailing "or" / "and" / "and/or" counts only right after a ";" or ",".
  const w = b - trailingConnector(text, start, b);
  if (w < b) {
    let k = w;
    while (k > start && isWhite(text.charCodeAt(k - 1))) k--;
    const c = text.charCodeAt(k - 1);
    if (k > start && (c === 0x3b || c === 0x2c)) b = k;
  }
  while (b > start) {
    const c = text.charCodeAt(b - 1);
    if (c !== 0x3b && c !== 0x2c && !isWhite(c)) break;
    b--;
  }
  return b;
}

/** Length of "or", "and" or "and/or" ending at `end` as a whole word, else 0. */
function trailingConnector(text: string, start: number, end: number): number {
  for (const word of ['or', 'and', 'and/or']) {
    const from = end - word.length;
    if (from <= start) continue;
    let same = true;
    for (let k = 0; k < word.length && same; k++)
      same = (text.charCodeAt(from + k) | 0x20) === word.charCodeAt(k);
    if (!same) continue;
    const before = text.charCodeAt(from - 1) | 0x20;
    if (!(before >= 0x61 && before <= 0x7a) && before !== 0x2f) return word.length;
  }
  return 0;
}

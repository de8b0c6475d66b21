/**
 * What normalisation does with each UTF-16 code unit of a policy's text. A table lookup per character
 * keeps the main pass a plain char-code loop (no regexes, no per-character strings).
 */

/** Kept as is. */
export const KEEP = 0;
/** Collapsible whitespace: tab, NBSP, thin and other typographic spaces, stray control characters. */
export const SPACE = 1;
/** Removed without a trace: zero-width characters, bidi marks, BOM. */
export const DROP = 2;
/** Soft hyphen: removed, but at a line end it says the word continues on the next line. */
export const SOFT_HYPHEN = 3;
/** Replaced by the single character in REPLACEMENT (curly quotes, odd hyphens, cp1252 leftovers). */
export const REPLACE = 4;
/** Expanded into several characters (typographic ligatures). */
export const LIGATURE = 5;
/** Ends a line: LF, CR, VT, FF, NEL, LS. */
export const LINE_BREAK = 6;
/** Ends a paragraph (U+2029): a blank line in the normalised text. */
export const PARAGRAPH_BREAK = 7;

export type CharClass = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const HYPHEN = 0x2d;
const BULLET = 0x2022;

/** Replacement code unit for REPLACE characters. */
export const REPLACEMENT = new Map<number, number>([
  [0x2018, SINGLE_QUOTE],
  [0x2019, SINGLE_QUOTE],
  [0x201a, SINGLE_QUOTE],
  [0x201b, SINGLE_QUOTE],
  [0x2032, SINGLE_QUOTE],
  [0x2035, SINGLE_QUOTE],
  [0x02bc, SINGLE_QUOTE],
  [0xff07, SINGLE_QUOTE],
  [0x201c, DOUBLE_QUOTE],
  [0x201d, DOUBLE_QUOTE],
  [0x201e, DOUBLE_QUOTE],
  [0x201f, DOUBLE_QUOTE],
  [0x2033, DOUBLE_QUOTE],
  [0x2036, DOUBLE_QUOTE],
  [0x00ab, DOUBLE_QUOTE],
  [0x00bb, DOUBLE_QUOTE],
  [0xff02, DOUBLE_QUOTE],
  [0x2010, HYPHEN],
  [0x2011, HYPHEN],
  [0x2212, HYPHEN],
  // Text pulled from PDFs made on Windows often carries cp1252 punctuation as C1 control codes.
  [0x91, SINGLE_QUOTE],
  [0x92, SINGLE_QUOTE],
  [0x93, DOUBLE_QUOTE],
  [0x94, DOUBLE_QUOTE],
  [0x95, BULLET],
  [0x96, 0x2013],
  [0x97, 0x2014],
  // Word's Symbol/Wingdings bullets land in the Private Use Area when a PDF is extracted; the
  // segmenter needs to see them as bullets to find list items.
  [0xf0b7, BULLET],
  [0xf0a7, BULLET],
  [0xf076, BULLET],
  [0xf0d8, BULLET],
  [0xf0fc, BULLET],
]);

/** Expansion of LIGATURE characters. */
export const LIGATURES = new Map<number, string>([
  [0xfb00, 'ff'],
  [0xfb01, 'fi'],
  [0xfb02, 'fl'],
  [0xfb03, 'ffi'],
  [0xfb04, 'ffl'],
  [0xfb05, 'st'],
  [0xfb06, 'st'],
]);

const SPACES = [0x09, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000];
const DROPPED = [
  0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061,
  0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

// Only the Basic Multilingual Plane's first 0x3000 units need a table; the few classified characters
// above it are looked up by switch.
const TABLE_SIZE = 0x3001;
const table = new Uint8Array(TABLE_SIZE);
for (let c = 0; c <= 0x20; c++) table[c] = SPACE;
for (let c = 0x7f; c < 0xa0; c++) table[c] = SPACE;
for (const c of SPACES) if (c < TABLE_SIZE) table[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) table[c] = SPACE;
for (const c of DROPPED) if (c < TABLE_SIZE) table[c] = DROP;
for (const c of REPLACEMENT.keys()) if (c < TABLE_SIZE) table[c] = REPLACE;
table[0xad] = SOFT_HYPHEN;
for (const c of [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028]) table[c] = LINE_BREAK;
table[0x2029] = PARAGRAPH_BREAK;

export function classify(c: number): CharClass {
  if (c < TABLE_SIZE) return table[c] as CharClass;
  if (c < 0xf076) return KEEP;
  if (c >= 0xfb00 && c <= 0xfb06) return LIGATURE;
  if (c === 0xfeff) return DROP;
  return REPLACEMENT.has(c) ? REPLACE : KEEP;
}

/** Same answer as classify(c) === LINE_BREAK || classify(c) === PARAGRAPH_BREAK, without the table:
 * line scans ask this of every character they pass. */
export function isBreak(c: number): boolean {
  return c <= 0x0d ? c >= 0x0a : c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** True for code units that never show on a line (spaces, zero-width, controls). */
export function isInvisible(c: number): boolean {
  const k = classify(c);
  return k === SPACE || k === DROP || k === SOFT_HYPHEN;
}

export function isLowerLetter(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

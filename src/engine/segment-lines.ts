/**
 * What a line of normalised policy text starts with: a list marker ("(a)", "1.", "iv)", "•"), a
 * section number ("413.4", "200-15", "Sec. 12"), or nothing; and whether its text reads like a
 * heading. The segmenter decides from these (and the lines around) where sentences, items and
 * headings begin.
 */

export type MarkerKind = 'bullet' | 'number' | 'lower' | 'upper' | 'roman' | 'ROMAN';
/** How the label is written: "(a)", "a)" or "a.". */
export type MarkerShape = 'paren' | 'close' | 'dot' | 'bullet';

export interface MarkerReading {
  /** "lower/paren", "number/dot", "bullet/bullet": items of one list share it. */
  style: string;
  kind: MarkerKind;
  /** 1-based position the label stands for: b → 2, iv → 4; 0 for bullets. */
  ordinal: number;
}

export interface ListMarker {
  /** One reading, or two for labels like "i." / "(v)" that are letters or roman numerals. */
  readings: readonly MarkerReading[];
  /** Where the item's own text starts (after the marker and spaces); may be the line end. */
  textStart: number;
}

const BULLETS = new Set([
  0x2022, 0x25e6, 0x25aa, 0x25ab, 0x25a0, 0x25a1, 0x25cf, 0x25cb, 0x2023, 0x2043, 0x2219, 0x00b7, 0x27a2,
  0x25ba, 0x2713, 0x2714, 0x2013, 0x2014,
]);

function isBullet(c: number): boolean {
  return c === 0x2d || c === 0x2a || (c >= 0xb7 && BULLETS.has(c));
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLowerAscii = (c: number) => c >= 0x61 && c <= 0x7a;
const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

/** Value of a lowercase roman numeral made of i, v, x (up to 39), or 0. */
export function romanValue(label: string): number {
  let total = 0;
  for (let k = 0; k < label.length; k++) {
    const value = ROMAN_VALUES[label[k]!] ?? 0;
    if (value === 0) return 0;
    const next = ROMAN_VALUES[label[k + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function toRoman(value: number): string {
  const parts: [number, string][] = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = value;
  for (const [n, s] of parts) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Readings of a label such as "b", "12", "iv", "I" (empty if it is not a list label). */
function reading(kind: MarkerKind, shape: MarkerShape, ordinal: number): MarkerReading {
  return { style: `${kind}/${shape}`, kind, ordinal };
}

const readingsCache = new Map<string, readonly MarkerReading[]>();

/** Readings of a label such as "b", "12", "iv", "I" (empty if it is not a list label); shared, do not change. */
export function labelReadings(label: string, shape: MarkerShape): readonly MarkerReading[] {
  const key = `${shape} ${label}`;
  let readings = readingsCache.get(key);
  if (!readings) {
    readings = readLabel(label, shape);
    // Labels are short and few; the cap only guards against hostile text.
    if (readingsCache.size < 4096) readingsCache.set(key, readings);
  }
  return readings;
}

function readLabel(label: string, shape: MarkerShape): MarkerReading[] {
  const readings: MarkerReading[] = [];
  const first = label.charCodeAt(0);
  if (isDigit(first)) {
    if (label.length <= 3 && /^\d+$/.test(label)) readings.push(reading('number', shape, Number(label)));
    return readings;
  }
  const lower = label.toLowerCase();
  const roman = label.length <= 5 ? romanValue(lower) : 0;
  const upper = label === label.toUpperCase();
  if (label.length === 1)
    readings.push(reading(upper ? 'upper' : 'lower', shape, lower.charCodeAt(0) - 0x60));
  if (roman > 0 && (label === lower || upper))
    readings.push(reading(upper ? 'ROMAN' : 'roman', shape, roman));
  return readings;
}

/** The list marker at the start of the line [start, end), or null. */
export function listMarkerAt(text: string, start: number, end: number): ListMarker | null {
  const c = text.charCodeAt(start);
  if (isBullet(c)) {
    const after = start + 1;
    // ASCII bullets need a space after them ("- item"), or "-5 degrees" would be an item.
    if (c < 0x80 && after < end && !isSpace(text.charCodeAt(after))) return null;
    if (c === 0x2d && text.charCodeAt(after + 1) === 0x2d) return null;
    return {
      readings: [{ style: 'bullet/bullet', kind: 'bullet', ordinal: 0 }],
      textStart: skipSpaces(text, after, end),
    };
  }
  const open = c === 0x28; // "("
  let k = open ? start + 1 : start;
  const labelStart = k;
  while (k < end && k - labelStart < 5 && (isDigit(text.charCodeAt(k)) || isLetterAscii(text.charCodeAt(k))))
    k++;
  if (k === labelStart || k >= end + 1) return null;
  const close = text.charCodeAt(k);
  let shape: MarkerShape;
  if (open) {
    if (close !== 0x29) return null;
    shape = 'paren';
  } else if (close === 0x29) shape = 'close';
  else if (close === 0x2e) shape = 'dot';
  else return null;
  const after = k + 1;
  if (after < end && !isSpace(text.charCodeAt(after))) return null;
  const readings = labelReadings(text.slice(labelStart, k), shape);
  return readings.length > 0 ? { readings, textStart: skipSpaces(text, after, end) } : null;
}

function isLetterAscii(c: number): boolean {
  return isLowerAscii(c) || isUpperAscii(c);
}

function skipSpaces(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  return k;
}

export interface SectionNumber {
  /** "413.4", "200-15", "Sec. 12", "Section 4.2" */
  label: string;
  textStart: number;
  /** True for a bare number ("413.4 ..."): that is a section start even before a sentence. */
  numeric: boolean;
  /** True when ".", ":" or a dash sets the number apart from the words after it ("Section 6. Operations
   *  and resources"): a title, whatever its case; "Section 6 applies to …" is a sentence. */
  setApart: boolean;
}

const NUMERIC_SECTION = /^(\d{1,4}(?:\.\d{1,4})+|\d{1,4}-\d{1,4})\.?(?=\s|$)/;
const WORD_SECTION =
  /^((?:Section|SECTION|Sec\.|SEC\.|§{1,2}|Article|ARTICLE|Art\.|Chapter|CHAPTER|Policy|POLICY|Part|PART|General Order|GENERAL ORDER)\s*(?:\d{1,4}(?:[.-]\d{1,4})*[A-Za-z]?|[IVX]{1,6}))(?=[\s.:]|$)/;

/** The section number that opens the line [start, end), or null. */
export function sectionNumberAt(text: string, start: number, end: number): SectionNumber | null {
  const c = text.charCodeAt(start);
  // Cheap test first: most lines start with neither a digit nor one of the section words.
  if (!isDigit(c) && c !== 0xa7 && c !== 0x53 && c !== 0x41 && c !== 0x43 && c !== 0x50 && c !== 0x47)
    return null;
  const head = text.slice(start, Math.min(end, start + 40));
  const numeric = NUMERIC_SECTION.exec(head);
  const match = numeric ?? WORD_SECTION.exec(head);
  if (!match) return null;
  let k = start + match[0].length;
  let setApart = numeric === null && (text.charCodeAt(k) === 0x2e || text.charCodeAt(k) === 0x3a);
  // The dot of "Section 6." is not part of the words after it (a bare number's dot is in its match).
  if (setApart && text.charCodeAt(k) === 0x2e) k++;
  while (k < end && (isSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 0x3a)) k++;
  if (
    k < end &&
    (text.charCodeAt(k) === 0x2d || text.charCodeAt(k) === 0x2013) &&
    isSpace(text.charCodeAt(k + 1))
  ) {
    k = skipSpaces(text, k + 1, end);
    setApart = true;
  }
  return { label: match[1]!, textStart: k, numeric: numeric !== null, setApart };
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'v',
  'vs',
  'with',
]);

export type HeadingCase = 'caps' | 'title' | 'other';

function isLowerChar(c: number): boolean {
  if (c < 0x80) return isLowerAscii(c);
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

function isUpperChar(c: number): boolean {
  if (c < 0x80) return isUpperAscii(c);
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * How the text [start, end) of a line is capitalised, if it could be a heading: short, with letters,
 * not ending like a sentence. "caps" = ALL CAPS, "title" = Title Case, "other" = short but neither;
 * null when it cannot be a heading. Called on many lines, so it reads char codes and allocates only
 * for short lowercase words ("of", "and").
 */
export function headingCase(text: string, start: number, end: number, allowOther = true): HeadingCase | null {
  if (end - start > 120 || end <= start) return null;
  const last = text.charCodeAt(end - 1);
  if (last === 0x2e || last === 0x2c || last === 0x3b || last === 0x3a || last === 0x3f || last === 0x21) {
    return null;
  }
  let letters = 0;
  let lower = 0;
  let words = 0;
  let title = true;
  let inWord = false;
  let firstLetterDue = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      words++;
      firstLetterDue = true;
    }
    const isLower = isLowerChar(c);
    if (!isLower && !isUpperChar(c)) continue;
    letters++;
    if (isLower) lower++;
    if (!firstLetterDue) continue;
    // First letter of a word (after any leading "(" or digits): Title Case allows only small words here.
    firstLetterDue = false;
    if (isLower && title) {
      if (words === 1) return null;
      let e = k;
      while (e < end && text.charCodeAt(e) !== 0x20) e++;
      if (e - k > 4 || !SMALL_WORDS.has(text.slice(k, e).toLowerCase())) title = false;
      // Neither ALL CAPS nor Title Case: most body lines stop here.
      if (!title && !allowOther) return null;
    }
  }
  if (letters < 2) return null;
  if (lower === 0) return 'caps';
  if (words > 12) return null;
  return title ? 'title' : words <= 10 ? 'other' : null;
}

/**
 * Normalisation: turns the original text of a policy (a web page's text, or a PDF's pages joined by
 * PAGE_SEPARATOR) into the plain text the rules read, and keeps, for every character, the offset it
 * came from, so that a passage found in the normalised text can be highlighted in the original.
 *
 * One pass over the characters, line by line. What it does and why:
 * - typographic quotes, odd hyphens, NBSP and other spaces become plain ASCII, zero-width characters
 *   and soft hyphens go, ligatures are spelt out: rules are written in plain ASCII words;
 * - "immigra-\ntion" becomes "immigration" (only lowercase letter + "-" + line break + lowercase letter,
 *   so "I-\n247", "287(g)-\ntype" keep their hyphen; the price is "well-\nknown" → "wellknown");
 * - spaces and tabs collapse to one space and lines are trimmed; line breaks stay ("\n") because the
 *   segmenter reads lines, and any run of blank lines becomes exactly one ("\n\n");
 * - for paged text, running heads, running feet and page numbers are dropped (see page-headers.ts), and
 *   a page break becomes "\n\n" after a finished sentence, and "\n" when the page ends mid-sentence or
 *   after a lead-in's colon, so that a sentence cut by a page break stays one sentence ("shall
 *   notify\n[page]\nImmigration and Customs Enforcement") and a list stays with its lead-in; the
 *   segmenter still sees a heading or list item that opens the next page.
 */
import type { OriginalText } from './document';
import * as chars from './normalize-chars';
import { findPageFurniture, nextLineStart } from './page-headers';
import { findUnpagedFurniture } from './page-headers-unpaged';

// Local copies: some loaders (tsx) turn imported bindings into getters, which costs a call per
// character in the hot loop below.
const { classify, isLowerLetter, LIGATURES, REPLACEMENT } = chars;
const { DROP, KEEP, LIGATURE, LINE_BREAK, PARAGRAPH_BREAK, SOFT_HYPHEN, SPACE } = chars;

export interface NormalizedText {
  /** Straight quotes/apostrophes, plain spaces (NBSP, thin, zero-width removed), ligatures expanded (ﬁ→fi …),
   *  soft hyphens removed, "immigra-\ntion" hyphenated line ends joined ("immigration"), runs of spaces/tabs → one
   *  space, CRLF → "\n". Line breaks are KEPT as "\n" (blank lines as "\n\n") because the segmenter needs lines.
   *  For paged text (pageStarts non-empty): the page separator becomes "\n\n", and repeated page headers/footers
   *  (lines that recur, modulo digits, at the top or bottom of many pages) and bare page numbers
   *  ("12", "Page 3 of 40", "- 7 -", "Policy Manual ... Page 5") are removed. Case is kept (acronyms matter). */
  text: string;
  /** toOriginal[i] = offset in the original text of normalised char i; length text.length + 1; non-decreasing. */
  toOriginal: Int32Array;
  /** Original [start, end) of every running head/foot or page-number line that was dropped. Lexipol's
   *  copyright footer lives in these lines, so its detector should look here too. */
  removedLines?: Array<[number, number]>;
}

/** Where a run of printable ASCII words with single spaces between them ends: at the first character
 * that is not printable ASCII, or at a space that no printable character follows. Most of any policy
 * is such runs, and the regex engine finds their ends in native code, faster than a charCodeAt loop.
 * No repetition in the pattern: nothing to backtrack. */
const RUN_END = /[^ -~]| (?![!-~])/g;

const NEWLINE = 0x0a;
const SPACE_CHAR = 0x20;
const HYPHEN = 0x2d;

/**
 * Collects the normalised text and the origin of each of its characters. The text is built from
 * slices of the original (most of a policy passes through unchanged) rather than one string per
 * character; only replaced characters become strings of their own.
 */
class NormalizedBuilder {
  private readonly chunks: string[] = [];
  /** The pending slice src[runFrom, runTo) that is the tail of the text built so far. */
  private runFrom = 0;
  private runTo = 0;
  origins: Int32Array;
  length = 0;
  /** The last two code units written (-1 when unknown), for decisions at line ends. */
  last1 = -1;
  last2 = -1;

  constructor(private readonly src: string) {
    this.origins = new Int32Array(src.length + 17);
  }

  push(code: number, origin: number): void {
    if (this.length + 1 >= this.origins.length) this.grow(1);
    this.origins[this.length++] = origin;
    this.last2 = this.last1;
    this.last1 = code;
    const same = this.src.charCodeAt(origin) === code;
    if (same && origin === this.runTo) {
      this.runTo++;
      return;
    }
    this.flush();
    if (same) {
      this.runFrom = origin;
      this.runTo = origin + 1;
    } else {
      this.chunks.push(String.fromCharCode(code));
    }
  }

  /**
   * Copies the run of printable ASCII words (single spaces between them) that starts at `from`, which
   * must be printable ASCII, and returns where the run ends. Most of any policy goes through here:
   * one tight loop that finds the run and writes its origins at once.
   */
  copyAsciiRun(from: number): number {
    const src = this.src;
    if (this.length + (src.length - from) + 1 >= this.origins.length) this.grow(src.length - from);
    const origins = this.origins;
    let length = this.length;
    RUN_END.lastIndex = from;
    // test() rather than exec(): no match object per run. Every match is one character long.
    const j = RUN_END.test(src) ? RUN_END.lastIndex - 1 : src.length;
    for (let k = from; k < j; k++) origins[length++] = k;
    this.length = length;
    this.last2 = j - from >= 2 ? src.charCodeAt(j - 2) : this.last1;
    this.last1 = src.charCodeAt(j - 1);
    if (from !== this.runTo) {
      this.flush();
      this.runFrom = from;
    }
    this.runTo = j;
    return j;
  }

  /** Takes back the last character written (the hyphen of a word broken over two lines). */
  pop(): void {
    this.length--;
    if (this.runTo > this.runFrom) this.runTo--;
    else this.chunks.pop();
    this.last1 = this.last2;
    this.last2 = -1;
  }

  private flush(): void {
    if (this.runTo > this.runFrom) this.chunks.push(this.src.slice(this.runFrom, this.runTo));
    this.runFrom = this.runTo;
  }

  private grow(atLeast = 1): void {
    const origins = new Int32Array(this.origins.length * 2 + atLeast + 16);
    origins.set(this.origins);
    this.origins = origins;
  }

  finish(): NormalizedText {
    this.flush();
    const toOriginal = this.origins.subarray(0, this.length + 1);
    toOriginal[this.length] = this.src.length;
    return { text: this.chunks.join(''), toOriginal };
  }
}

/** Where pages start: the caller's page starts, or form feeds in unpaged text (pdftotext output). */
function pageStartsOf(original: OriginalText): number[] {
  const n = original.text.length;
  if (original.pageStarts.length > 0) {
    const starts = original.pageStarts.filter((s) => s >= 0 && s <= n);
    return starts.sort((a, b) => a - b);
  }
  const starts = [0];
  for (let f = original.text.indexOf('\f'); f >= 0; f = original.text.indexOf('\f', f + 1))
    starts.push(f + 1);
  return starts.length > 1 ? starts : [];
}

/** A page that ends with one of these ends a paragraph. Not ":": a lead-in at the foot of a page
 * ("Officers shall not:") goes on with its list on the next, and a blank line there would read as a
 * paragraph break that the segmenter treats with more doubt. */
function endsParagraphAtPageEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

export function normalize(original: OriginalText): NormalizedText {
  const src = original.text;
  const n = src.length;
  const pageStarts = pageStartsOf(original);
  const furniture = pageStarts.length > 0 ? findPageFurniture(src, pageStarts) : findUnpagedFurniture(src);
  const out = new NormalizedBuilder(src);

  let furnitureAt = 0;
  let page = 0;
  // State of the last line that produced output, to decide what separates it from the next one.
  let lastPage = -1;
  let lastBreak = -1; // original offset of that line's line break
  let laterBreak = -1; // first line break after it (origin of the second "\n" of a blank line)
  let blankLines = 0;
  let lastEndedInSoftHyphen = false;

  /** Writes what separates the previous line from a line whose first character is `first`. */
  const separate = (first: number) => {
    if (out.length === 0) return;
    const prev = out.last1;
    const lowerNext = isLowerLetter(first);
    let breaks: number;
    if (page === lastPage) breaks = blankLines > 0 ? 2 : 1;
    else breaks = endsParagraphAtPageEnd(prev) ? 2 : 1;
    if (breaks === 1 && lowerNext) {
      if (lastEndedInSoftHyphen) return;
      if (prev === HYPHEN && isLowerLetter(out.last2)) {
        out.pop();
        return;
      }
    }
    out.push(NEWLINE, lastBreak);
    if (breaks === 2) out.push(NEWLINE, laterBreak >= 0 ? laterBreak : lastBreak);
  };

  for (let start = 0; start <= n; ) {
    while (furnitureAt < furniture.length && (furniture[furnitureAt]?.start ?? n) < start) furnitureAt++;
    const dropped = furniture[furnitureAt];
    if (dropped && dropped.start === start) {
      start = dropped.next;
      furnitureAt++;
      continue;
    }
    while (page + 1 < pageStarts.length && (pageStarts[page + 1] ?? n) <= start) page++;

    let hasContent = false;
    let pendingSpace = -1;
    let softHyphenAtEnd = false;
    let i = start;
    let kind = KEEP as number;
    for (; i < n; i++) {
      const c = src.charCodeAt(i);
      if (c > 0x20 && c < 0x7f) {
        // Printable ASCII words with single spaces between them are most of any policy: copy them as
        // one run instead of character by character.
        if (!hasContent) {
          separate(c);
          hasContent = true;
        } else if (pendingSpace >= 0) {
          out.push(SPACE_CHAR, pendingSpace);
          pendingSpace = -1;
        }
        const j = out.copyAsciiRun(i);
        softHyphenAtEnd = false;
        i = j - 1;
        kind = KEEP;
        continue;
      }
      kind = classify(c);
      if (kind === LINE_BREAK || kind === PARAGRAPH_BREAK) break;
      if (kind === SPACE) {
        if (hasContent && pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (kind === DROP) continue;
      if (kind === SOFT_HYPHEN) {
        if (hasContent) softHyphenAtEnd = true;
        continue;
      }
      const ligature = kind === LIGATURE ? (LIGATURES.get(c) ?? '') : '';
      const code = kind === KEEP ? c : kind === LIGATURE ? ligature.charCodeAt(0) : (REPLACEMENT.get(c) ?? c);
      if (!hasContent) {
        separate(code);
        hasContent = true;
      } else if (pendingSpace >= 0) {
        out.push(SPACE_CHAR, pendingSpace);
      }
      pendingSpace = -1;
      softHyphenAtEnd = false;
      out.push(code, i);
      for (let j = 1; j < ligature.length; j++) out.push(ligature.charCodeAt(j), i);
    }
    const isParagraphBreak = i < n && kind === PARAGRAPH_BREAK;
    if (hasContent) {
      lastPage = page;
      lastBreak = i;
      laterBreak = isParagraphBreak ? i : -1;
      blankLines = isParagraphBreak ? 1 : 0;
      lastEndedInSoftHyphen = softHyphenAtEnd;
    } else if (i < n && lastBreak >= 0) {
      if (laterBreak < 0) laterBreak = i;
      blankLines++;
    }
    if (i >= n) break;
    start = nextLineStart(src, i);
  }

  const result = out.finish();
  if (furniture.length > 0) result.removedLines = furniture.map((line) => [line.start, line.end]);
  return result;
}

/** Original [start, end) of the normalised span [start, end): original.text.slice(a, b) is the passage. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const last = norm.text.length;
  const s = Math.max(0, Math.min(start, last));
  const e = Math.max(s, Math.min(end, last));
  const a = norm.toOriginal[s] ?? 0;
  if (e === s) return [a, a];
  // Every normalised character comes from one original code unit, so the span ends just after the
  // source of its last character (a ligature's letters all point at the ligature).
  return [a, (norm.toOriginal[e - 1] ?? a) + 1];
}

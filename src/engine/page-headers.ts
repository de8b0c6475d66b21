/**
 * Finds the running heads, running feet and page numbers of paged text (a PDF's pages), so that
 * normalisation can drop them: left in, "Chicopee Police Department Policy Manual" would land in the
 * middle of every sentence that runs over a page break.
 *
 * Only lines at the edges of a page are candidates, and they are peeled from the edge inwards: a
 * line counts if it is a page number, or if (modulo digits) it sits near the top or bottom of
 * several pages. The first line that is neither stops the peeling, so body text is never cut out
 * of the middle of a page. A repeated line that reads like a sentence needs more evidence
 * (page-header-sentences.ts); text whose page breaks were lost is handled in page-headers-unpaged.ts.
 */
import * as chars from './normalize-chars';
import {
  addNeighbour,
  isSentenceHead,
  newEvidence,
  type SentenceHeadEvidence,
  type SentenceShape,
  sentenceShape,
} from './page-header-sentences';

// Local copies: some loaders (tsx) turn imported bindings into getters, a call per character.
const { isBreak, isInvisible, isLowerLetter } = chars;

/** One line of the original text: content [start, end), and where the next line starts. */
export interface TextLine {
  start: number;
  end: number;
  next: number;
}

/** How many non-blank lines at each edge of a page may be running heads or feet. */
const EDGE_LINES = 3;
/** Lines longer than this are body text, never a running head. */
const MAX_FURNITURE_LENGTH = 200;

/** End of the line starting at `from`: the offset of its line break, or text.length. */
export function lineEndAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isBreak(text.charCodeAt(i))) return i;
  return text.length;
}

/** Start of the line after the one ending at `end` (CRLF is one break). */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/** Anything but printable ASCII with single spaces. */
const MAY_COLLAPSE = /[^ -~]| {2}/;

/** The line's visible text, spaces collapsed, or null if it is blank. */
export function visibleText(text: string, start: number, end: number): string | null {
  let a = start;
  let b = end;
  while (a < b && isInvisible(text.charCodeAt(a))) a++;
  while (b > a && isInvisible(text.charCodeAt(b - 1))) b--;
  if (a === b) return null;
  if (b - a > MAX_FURNITURE_LENGTH) return '';
  const line = text.slice(a, b);
  // Most lines have nothing to collapse: a native test says so without the replace.
  if (!MAY_COLLAPSE.test(line)) return line;
  return line.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\u00ad\ufeff]+/g, ' ');
}

// Each pattern is anchored and linear; they only ever see short edge lines.
const PAGE_NUMBER_PATTERNS: RegExp[] = [
  /^\d{1,4}$/, // 12
  /^[ivx]{1,5}$/, // front matter: iv
  /^page ?\d{1,4}( ?(of|\/) ?\d{1,4})?$/i, // Page 3, Page 3 of 40
  /^\d{1,4} ?(of|\/) ?\d{1,4}$/i, // 3 of 40
  /^[-\u2013\u2014] ?\d{1,4} ?[-\u2013\u2014]$/, // - 7 -
  /^\[ ?\d{1,4} ?\]$/, // [7]
  /^p(g|age)?\. ?\d{1,4}$/i, // p. 7
  /^.{0,150}\bpage ?\d{1,4}( ?(of|\/) ?\d{1,4})?$/i, // Policy Manual ... Page 5
  /^.{1,150} [-\u2013\u2014] ?\d{1,4}$/, // Immigration Violations - 235 (Lexipol manuals)
];

export function isPageNumberLine(line: string): boolean {
  // Every shape but "iv" has a digit: most running heads are ruled out without a regex.
  if (!/\d/.test(line)) return line.length <= 5 && PAGE_NUMBER_PATTERNS[1]!.test(line);
  for (const pattern of PAGE_NUMBER_PATTERNS) if (pattern.test(line)) return true;
  return false;
}

/** A line that opens with a section number: "413.1 PURPOSE AND SCOPE", "Policy 745 Immigration". */
const NUMBERED_TITLE = /^(?:\d|(?:section|sec\.|policy|article|chapter|part|general order|\u00a7)\s*\d)/i;

/**
 * What a running head looks like on every page: case and page-dependent digits (page numbers, dates)
 * ignored — except in numbered titles, whose numbers are what tells "113.1 PURPOSE AND SCOPE" from
 * "745.1 PURPOSE AND SCOPE", section headings that happen to open several pages.
 */
function furnitureKey(line: string): string {
  const lower = line.toLowerCase();
  return NUMBERED_TITLE.test(line) ? lower : lower.replace(/\d+/g, '#');
}

export interface EdgeLine extends TextLine {
  visible: string;
  /** Filled in once per line by lookOf's caller. */
  look?: LineLook;
}

export interface LineLook {
  key: string;
  isPageNumber: boolean;
  /** For a line that reads like a sentence (so `key` is ''): its key and shape, which need more evidence
   *  (page-header-sentences.ts); else '' and null. */
  sentenceKey: string;
  shape: SentenceShape | null;
}

/**
 * Running heads are short labels ("Town Police Department", "Policy Manual", "Immigration Violations");
 * a line that ends like a sentence, a broken word or mid-phrase ("... should consult a supervisor"),
 * or starts in lowercase, is body text even if it repeats — generated or boilerplate-heavy manuals
 * repeat whole paragraphs, and the same wrapped line can open several pages. Copyright notices in the
 * feet end with a full stop but are running feet all the same.
 */
function mayRunOverPages(line: string): boolean {
  if (line.length > 120) return false;
  if (/copyright|\u00a9|rights reserved|permission/i.test(line)) return true;
  const last = line.charCodeAt(line.length - 1);
  if (last === 0x2e || last === 0x3b || last === 0x3a || last === 0x2c || last === 0x2d) return false;
  const lastWord = line.charCodeAt(line.lastIndexOf(' ') + 1);
  return !isLowerLetter(line.charCodeAt(0)) && !isLowerLetter(lastWord);
}

/** Running heads repeat on every page: work out what each distinct line looks like once. */
export function lookOf(cache: Map<string, LineLook>, visible: string): LineLook {
  let look = cache.get(visible);
  if (!look) {
    const key = visible !== '' && mayRunOverPages(visible) ? furnitureKey(visible) : '';
    const shape = key === '' && visible !== '' ? sentenceShape(visible) : null;
    look = {
      key,
      isPageNumber: visible !== '' && isPageNumberLine(visible),
      // Digits are kept: "Body of policy 113." and "Body of policy 745." are two sentences.
      sentenceKey: shape ? visible.toLowerCase() : '',
      shape,
    };
    cache.set(visible, look);
  }
  return look;
}

function lookOfLine(cache: Map<string, LineLook>, line: EdgeLine): LineLook {
  line.look ??= lookOf(cache, line.visible);
  return line.look;
}

export function isLineBreak(c: number): boolean {
  return isBreak(c);
}

/**
 * Non-blank lines at the top and bottom of the page [from, to). Only the edges are read (forwards from
 * the top, backwards from the bottom), so the cost does not grow with the page's body.
 */
export function pageEdges(text: string, from: number, to: number): { top: EdgeLine[]; bottom: EdgeLine[] } {
  const top: EdgeLine[] = [];
  for (let start = from; start < to && top.length < EDGE_LINES; ) {
    const end = lineEndAt(text, start);
    const next = nextLineStart(text, end);
    const visible = visibleText(text, start, end);
    if (visible !== null) top.push({ start, end, next, visible });
    start = next;
  }
  const bottom: EdgeLine[] = [];
  for (let pos = to; pos > from && bottom.length < EDGE_LINES; ) {
    let end = pos;
    const c = text.charCodeAt(pos - 1);
    if (isLineBreak(c)) {
      end = pos - 1;
      if (c === 0x0a && end > from && text.charCodeAt(end - 1) === 0x0d) end--;
    }
    let start = end;
    while (start > from && !isLineBreak(text.charCodeAt(start - 1))) start--;
    const visible = visibleText(text, start, end);
    if (visible !== null) bottom.unshift({ start, end, next: nextLineStart(text, end), visible });
    pos = start;
  }
  return { top, bottom };
}

/**
 * Lines to drop from paged text, sorted by start. `pageStarts` are the offsets where pages begin;
 * with fewer than two pages nothing is dropped (a running head needs pages to run over).
 */
export function findPageFurniture(text: string, pageStarts: readonly number[]): TextLine[] {
  if (pageStarts.length < 2) return [];
  const pages = pageStarts.map((from, p) => pageEdges(text, from, pageStarts[p + 1] ?? text.length));

  const looks = new Map<string, LineLook>();
  const pagesWithKey = new Map<string, number>();
  const keys = new Set<string>();
  for (const { top, bottom } of pages) {
    keys.clear();
    for (const line of top) keys.add(lookOfLine(looks, line).key);
    for (const line of bottom) keys.add(lookOfLine(looks, line).key);
    keys.delete('');
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  // Two pages of a short document can already show its running head; longer documents need three
  // so that a heading that happens to open two pages is not taken for one.
  const threshold = pageStarts.length <= 4 ? 2 : 3;
  const isFurniture = (line: EdgeLine) => {
    if (line.visible === '') return false;
    const look = lookOfLine(looks, line);
    return look.isPageNumber || (look.key !== '' && (pagesWithKey.get(look.key) ?? 0) >= threshold);
  };

  const sentences = sentenceHeadEvidence(text, pages, looks, isFurniture);
  const isEdgeFurniture = (line: EdgeLine, atTop: boolean) => {
    if (isFurniture(line)) return true;
    const look = lookOfLine(looks, line);
    const evidence = look.sentenceKey ? sentences.get(edgeKey(atTop, look.sentenceKey)) : undefined;
    return evidence !== undefined && isSentenceHead(evidence, pageStarts.length, atTop);
  };

  const removed = new Map<number, TextLine>();
  for (const { top, bottom } of pages) {
    for (const line of top) {
      if (!isEdgeFurniture(line, true)) break;
      removed.set(line.start, { start: line.start, end: line.end, next: line.next });
    }
    for (let j = bottom.length - 1; j >= 0; j--) {
      const line = bottom[j]!;
      if (!isEdgeFurniture(line, false)) break;
      removed.set(line.start, { start: line.start, end: line.end, next: line.next });
    }
  }
  return [...removed.values()].sort((a, b) => a.start - b.start);
}

const edgeKey = (atTop: boolean, key: string) => (atTop ? 't' : 'b') + key;

/**
 * What every sentence-like edge line shows across the pages (see page-header-sentences.ts): on how
 * many pages it stands at the top (or foot), and which line comes next inwards, past other heads.
 */
function sentenceHeadEvidence(
  text: string,
  pages: readonly { top: EdgeLine[]; bottom: EdgeLine[] }[],
  looks: Map<string, LineLook>,
  isFurniture: (line: EdgeLine) => boolean,
): Map<string, SentenceHeadEvidence> {
  const evidence = new Map<string, SentenceHeadEvidence>();
  const seen = new Set<string>();
  const collect = (lines: readonly EdgeLine[], atTop: boolean) => {
    seen.clear();
    for (let j = 0; j < lines.length; j++) {
      const look = lookOfLine(looks, lines[j]!);
      if (!look.shape) continue;
      const id = edgeKey(atTop, look.sentenceKey);
      let found = evidence.get(id);
      if (!found) {
        found = newEvidence(look.shape);
        evidence.set(id, found);
      }
      if (seen.has(id)) continue;
      seen.add(id);
      found.pages++;
      let neighbour: string | null = null;
      for (let k = j + 1; k < lines.length && neighbour === null; k++) {
        const next = lines[k]!;
        if (isFurniture(next) || lookOfLine(looks, next).sentenceKey === look.sentenceKey) continue;
        // A body line too long to be a head has no visible text of its own here.
        neighbour = next.visible || text.slice(next.start, Math.min(next.end, next.start + 200));
      }
      addNeighbour(found, neighbour);
    }
  };
  for (const { top, bottom } of pages) {
    collect(top, true);
    collect([...bottom].reverse(), false);
  }
  return evidence;
}

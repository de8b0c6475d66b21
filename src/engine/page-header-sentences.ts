/**
 * Running heads and feet that read like sentences: "Officers may share information with ICE." or
 * "Uncontrolled copy when printed." at the top of every page. Left in, each copy is a passage of its
 * own, and a flaggable one gives a flag per page. But manuals also repeat real sentences (whole
 * boilerplate paragraphs, a wrapped line that happens to open several pages), so a sentence needs
 * more evidence than a short label before it is dropped:
 * - it stands at the edge of at least half of the pages (and of three at least);
 * - what comes next, inwards, differs from page to page: a repeated paragraph brings the same next
 *   line with it, a running head sits above whatever the page says;
 * - a line that stops without punctuation ("…with ICE when asked") counts only at the top, and only
 *   if the lines under it mostly start a sentence: a wrapped body line is followed by its lowercase
 *   rest ("…should consult a supervisor" / "before acting").
 */

/** How a repeated edge line that is not a short label ends: "closed" (. ! ?) or "open" (a word). */
export type SentenceShape = 'closed' | 'open';

const MAX_SENTENCE_HEAD = 120;

function isLower(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? true : c >= 0x30 && c <= 0x39;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Could this line (visible text, spaces collapsed) be a running head that reads like a sentence?
 * Lines that end mid-sentence (",", ";", ":", "-") or start in lowercase are always body text.
 */
export function sentenceShape(line: string): SentenceShape | null {
  if (line.length > MAX_SENTENCE_HEAD || line.length < 2 || isLower(line.charCodeAt(0))) return null;
  const last = line.charCodeAt(line.length - 1);
  if (last === 0x2e || last === 0x21 || last === 0x3f) return 'closed';
  return isWordChar(last) || last === 0x29 ? 'open' : null;
}

/** What was seen of one repeated sentence-like edge line across the pages. */
export interface SentenceHeadEvidence {
  shape: SentenceShape;
  /** Pages on which it stands at the edge. */
  pages: number;
  /** Occurrences with a known next line inwards, and how many of those start in lowercase. */
  withNeighbour: number;
  lowercaseNeighbours: number;
  /** The first next line seen, and whether any other was seen. */
  firstNeighbour: string | null;
  neighboursDiffer: boolean;
}

export function newEvidence(shape: SentenceShape): SentenceHeadEvidence {
  return {
    shape,
    pages: 0,
    withNeighbour: 0,
    lowercaseNeighbours: 0,
    firstNeighbour: null,
    neighboursDiffer: false,
  };
}

/** Records the line found next to one occurrence, inwards (null if the edge window ended first). */
export function addNeighbour(evidence: SentenceHeadEvidence, neighbour: string | null): void {
  if (neighbour === null) return;
  evidence.withNeighbour++;
  if (isLower(neighbour.charCodeAt(0))) evidence.lowercaseNeighbours++;
  if (evidence.firstNeighbour === null) evidence.firstNeighbour = neighbour;
  else if (neighbour !== evidence.firstNeighbour) evidence.neighboursDiffer = true;
}

/** Is the evidence enough to drop the line as a running head (or foot, when `atTop` is false)? */
export function isSentenceHead(evidence: SentenceHeadEvidence, pageCount: number, atTop: boolean): boolean {
  if (evidence.pages < 3 || evidence.pages * 2 < pageCount || !evidence.neighboursDiffer) return false;
  if (evidence.shape === 'closed') return true;
  return atTop && evidence.lowercaseNeighbours * 2 <= evidence.withNeighbour;
}

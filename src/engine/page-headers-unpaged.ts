/**
 * Running heads and feet of paged text that reached us without its page breaks (a PDF's text pasted
 * or saved as .txt): found next to the "Page N of M" lines that mark where each page ended.
 */
import {
  type EdgeLine,
  isLineBreak,
  type LineLook,
  lookOf,
  nextLineStart,
  pageEdges,
  type TextLine,
  visibleText,
} from './page-headers';

/** "Page 3 of 12" ending a short line: where a page of a PDF ended, in text pasted without page breaks. */
const PAGE_OF_PAGES = /(?:^|\s)page ?(\d{1,4}) ?of ?(\d{1,4})$/i;

/** Lines that say "Page N of M", found with indexOf (the text can be megabytes long). */
function pageOfPagesLines(text: string): EdgeLine[] {
  const anchors: EdgeLine[] = [];
  let lastPage = 0;
  let lastTotal = 0;
  for (let at = text.indexOf('age', 1); at >= 0; at = text.indexOf('age', at + 3)) {
    if ((text.charCodeAt(at - 1) | 0x20) !== 0x70) continue;
    const digit = text.charCodeAt(at + 3) === 0x20 ? at + 4 : at + 3;
    if (!(text.charCodeAt(digit) >= 0x30 && text.charCodeAt(digit) <= 0x39)) continue;
    // Both scans are bounded: a "line" of a megabyte is not a page foot.
    let start = at;
    while (start > 0 && at - start < 150 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && end - start <= 150 && !isLineBreak(text.charCodeAt(end))) end++;
    if (end - start > 150 || (anchors.length > 0 && anchors[anchors.length - 1]!.start === start)) continue;
    const visible = visibleText(text, start, end);
    const match = visible ? PAGE_OF_PAGES.exec(visible) : null;
    if (!match || !visible) continue;
    // Page marks of one document count up to the same total; a stray "page 5 of 9" does not.
    const page = Number(match[1]);
    const total = Number(match[2]);
    if (page > total || (anchors.length > 0 && (total !== lastTotal || page <= lastPage))) continue;
    anchors.push({ start, end, next: nextLineStart(text, end), visible });
    lastPage = page;
    lastTotal = total;
  }
  return anchors;
}

/**
 * Running heads and feet of paged text that reached us without its page breaks (a PDF's text pasted
 * or saved as .txt): the "Page N of M" lines, and the lines next to them that recur beside at least
 * two of them. Nothing is dropped unless there are two such page lines.
 */
export function findUnpagedFurniture(text: string): TextLine[] {
  const anchors = pageOfPagesLines(text);
  if (anchors.length < 2) return [];
  const looks = new Map<string, LineLook>();
  const neighbours = anchors.map((anchor) => ({
    before: pageEdges(text, 0, anchor.start).bottom.reverse(),
    after: pageEdges(text, anchor.next, text.length).top,
  }));
  // Where each kind of line occurs: a body line between two page marks is beside both, but it is
  // one line; a running head is several.
  const linesWithKey = new Map<string, Set<number>>();
  for (const { before, after } of neighbours) {
    for (const line of [...before, ...after]) {
      const key = lookOf(looks, line.visible).key;
      if (key === '') continue;
      const starts = linesWithKey.get(key) ?? new Set<number>();
      starts.add(line.start);
      linesWithKey.set(key, starts);
    }
  }
  const removed = new Map<number, TextLine>();
  anchors.forEach((anchor, k) => {
    removed.set(anchor.start, { start: anchor.start, end: anchor.end, next: anchor.next });
    const { before, after } = neighbours[k]!;
    for (const side of [before, after]) {
      for (const line of side) {
        const look = lookOf(looks, line.visible);
        if (look.key === '' || (linesWithKey.get(look.key)?.size ?? 0) < 2) break;
        removed.set(line.start, { start: line.start, end: line.end, next: line.next });
      }
    }
  });
  return [...removed.values()].sort((a, b) => a.start - b.start);
}

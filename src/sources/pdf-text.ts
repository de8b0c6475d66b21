/**
 * PDF source: turns pdf.js text content into page text for the engine, and keeps a way back from
 * page-text offsets to text-layer positions (item index + character offset inside the item's span).
 *
 * Pure TypeScript over pdf.js's plain data (no DOM, no pdf.js import), so the CLI runs it in Node and
 * the viewer runs it in the extension page on exactly the same items, giving exactly the same text.
 *
 * Every item's `str` is copied verbatim (control characters replaced one-for-one) so an offset inside
 * an item maps to the same character of the text layer's span. Separators we add between items (a
 * line break or a space) belong to no item.
 */

/** The parts of a pdf.js `TextItem` we read (structurally typed so tests can build items by hand). */
export interface PdfTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
  dir?: string;
}

/** pdf.js marked-content markers (present with `includeMarkedContent`); they carry no text. */
export interface PdfMarkedContent {
  type: string;
}

/** Text of one page and where each text item sits in it. */
export interface PdfPageText {
  text: string;
  /**
   * For the i-th TEXT item of the page (marked-content markers are not counted, matching the order
   * of pdf.js `TextLayer.textDivs`), the offset in `text` where its `str` starts.
   */
  itemStarts: Int32Array;
  /** Length of each text item's `str` (the span's text length). */
  itemLengths: Int32Array;
}

/** A point in the text layer: the item (= `TextLayer.textDivs[item]`) and a character inside it. */
export interface TextLayerPoint {
  item: number;
  offset: number;
}

function isTextItem(item: PdfTextItem | PdfMarkedContent): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === 'string';
}

// Form feeds would be mistaken for our page separator, and other control characters are noise the
// text layer never shows; replacing them with a space keeps every offset one-for-one.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function fontHeight(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  return Math.hypot(c, d) || item.height || 1;
}

/**
 * Decides what separates two consecutive items: nothing, a space or a line break. pdf.js already
 * puts most word spaces into the strings and marks most line ends with `hasEOL`; this catches the
 * rest from the geometry (a new baseline, or a horizontal gap wider than a thin space).
 */
function separatorBetween(prev: PdfTextItem, next: PdfTextItem, lastChar: string): string {
  if (prev.hasEOL) return '\n';
  const px = prev.transform[4] ?? 0;
  const py = prev.transform[5] ?? 0;
  const nx = next.transform[4] ?? 0;
  const ny = next.transform[5] ?? 0;
  const size = Math.max(fontHeight(prev), fontHeight(next));
  const vertical = prev.dir === 'ttb' || next.dir === 'ttb';
  if (vertical) {
    if (Math.abs(nx - px) > size * 0.5) return '\n';
    return '';
  }
  if (Math.abs(ny - py) > size * 0.5) return '\n';
  if (lastChar === '' || /\s/.test(lastChar) || /^\s/.test(next.str)) return '';
  const gap = prev.dir === 'rtl' ? px - (nx + next.width) : nx - (px + prev.width);
  return gap > size * 0.15 ? ' ' : '';
}

/** Page text from one page's pdf.js `getTextContent().items`, with the item map. */
export function pageTextFromItems(items: ReadonlyArray<PdfTextItem | PdfMarkedContent>): PdfPageText {
  let count = 0;
  for (const item of items) if (isTextItem(item)) count++;
  const itemStarts = new Int32Array(count);
  const itemLengths = new Int32Array(count);
  const parts: string[] = [];
  let length = 0;
  let lastChar = '';
  let prev: PdfTextItem | null = null;
  let index = 0;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    if (prev && length > 0) {
      const separator = separatorBetween(prev, item, lastChar);
      // pdf.js often reports a line end twice (a new text block starts with an empty item that
      // carries hasEOL); one break is all the engine needs, and a leading break would be noise.
      if (separator && !(separator === '\n' && lastChar === '\n')) {
        parts.push(separator);
        length += separator.length;
        lastChar = separator;
      }
    }
    const str = item.str.replace(CONTROL, ' ');
    itemStarts[index] = length;
    itemLengths[index] = str.length;
    if (str) {
      parts.push(str);
      length += str.length;
      lastChar = str[str.length - 1] ?? lastChar;
    }
    prev = item;
    index++;
  }
  return { text: parts.join(''), itemStarts, itemLengths };
}

/** Index of the last item starting at or before `offset`, or -1. */
function itemAtOrBefore(page: PdfPageText, offset: number): number {
  let lo = 0;
  let hi = page.itemStarts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((page.itemStarts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The text-layer range covering page-text offsets [start, end), trimmed to characters that belong to
 * items (separators we inserted have no span). Null when no item character lies in the range.
 * `end.offset` is exclusive, as in a DOM Range.
 */
export function textLayerRange(
  page: PdfPageText,
  start: number,
  end: number,
): { start: TextLayerPoint; end: TextLayerPoint } | null {
  if (end <= start) return null;
  const n = page.itemStarts.length;
  // First item that has a character at or after `start`.
  let first = itemAtOrBefore(page, start);
  if (first < 0 || start >= (page.itemStarts[first] ?? 0) + (page.itemLengths[first] ?? 0)) first++;
  while (first < n && (page.itemLengths[first] ?? 0) === 0) first++;
  if (first >= n) return null;
  const firstStart = page.itemStarts[first] ?? 0;
  if (firstStart >= end) return null;
  // Last non-empty item that has a character before `end`.
  let last = itemAtOrBefore(page, end - 1);
  while (last >= first && (page.itemLengths[last] ?? 0) === 0) last--;
  if (last < first) return null;
  const lastStart = page.itemStarts[last] ?? 0;
  const lastLength = page.itemLengths[last] ?? 0;
  return {
    start: { item: first, offset: Math.max(0, start - firstStart) },
    end: { item: last, offset: Math.min(lastLength, end - lastStart) },
  };
}

/** The page-text offset of a text-layer point (for selections the user makes on the text layer). */
export function offsetOfTextLayerPoint(page: PdfPageText, point: TextLayerPoint): number | null {
  const start = page.itemStarts[point.item];
  const length = page.itemLengths[point.item];
  if (start === undefined || length === undefined) return null;
  return start + Math.min(Math.max(point.offset, 0), length);
}

// ---- whole documents ----

/** The slice of pdf.js's PDFDocumentProxy we use (structural, so Node and the viewer share it). */
export interface PdfDocumentLike {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
}
export interface PdfPageLike {
  getTextContent(): Promise<{ items: Array<PdfTextItem | PdfMarkedContent> }>;
  cleanup?(): unknown;
}

export interface ExtractOptions<P extends PdfPageLike = PdfPageLike> {
  /** Called after each page with the number of pages done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects with the signal's reason (an AbortError DOMException by default). */
  signal?: AbortSignal;
  /**
   * Pages requested from the worker at once. The worker parses one at a time anyway; keeping a few
   * requests in flight hides the round trip between pages.
   */
  concurrency?: number;
  /** Sees each page before it is released (the viewer reads its size here). */
  onPage?: (pageNumber: number, page: P) => void;
}

/** Extracts every page's text (1-based page i is element i-1), in order, cancellable. */
export async function extractAllPages<P extends PdfPageLike>(
  pdf: { numPages: number; getPage(pageNumber: number): Promise<P> },
  { onProgress, signal, concurrency = 4, onPage }: ExtractOptions<P> = {},
): Promise<PdfPageText[]> {
  const total = pdf.numPages;
  const pages = new Array<PdfPageText>(total);
  let next = 1;
  let done = 0;
  signal?.throwIfAborted();
  const worker = async (): Promise<void> => {
    while (next <= total) {
      const pageNumber = next++;
      const page = await pdf.getPage(pageNumber);
      signal?.throwIfAborted();
      const content = await page.getTextContent();
      signal?.throwIfAborted();
      pages[pageNumber - 1] = pageTextFromItems(content.items);
      onPage?.(pageNumber, page);
      // Drop the page's parsed resources: on a 1,000-page manual they would otherwise pile up.
      page.cleanup?.();
      done++;
      onProgress?.(done, total);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, total));
  await Promise.all(Array.from({ length: lanes }, worker));
  return pages;
}

/** Non-whitespace characters per page, cheap enough to run on every extraction. */
export function visibleCharsPerPage(pages: readonly PdfPageText[]): number[] {
  return pages.map((page) => page.text.replace(/\s+/g, '').length);
}

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extractAllPages,
  offsetOfTextLayerPoint,
  type PdfDocumentLike,
  type PdfTextItem,
  pageTextFromItems,
  textLayerRange,
} from '../../../src/sources/pdf-text';

/** A text item as pdf.js reports it for 12 pt Helvetica-like text: about 6 units per character. */
function item(str: string, x: number, y: number, hasEOL = false, width = str.length * 6): PdfTextItem {
  return { str, transform: [12, 0, 0, 12, x, y], width, height: 12, hasEOL, dir: 'ltr' };
}

describe('pageTextFromItems', () => {
  it('joins items on a line verbatim and breaks lines at hasEOL', () => {
    const page = pageTextFromItems([
      item('No officer', 72, 700),
      item(' ', 132, 700),
      item('shall inquire', 138, 700, true),
      item('about status.', 72, 684),
    ]);
    expect(page.text).toBe('No officer shall inquire\nabout status.');
    expect(Array.from(page.itemStarts)).toEqual([0, 10, 11, 25]);
    expect(Array.from(page.itemLengths)).toEqual([10, 1, 13, 13]);
  });

  it('breaks the line when the baseline moves even without hasEOL', () => {
    const page = pageTextFromItems([item('first line', 72, 700), item('second line', 72, 684)]);
    expect(page.text).toBe('first line\nsecond line');
  });

  it('adds a space for a visible gap on the same line, and none for adjacent pieces', () => {
    const gap = pageTextFromItems([item('Section', 72, 700), item('413.4', 72 + 42 + 10, 700)]);
    expect(gap.text).toBe('Section 413.4');
    const adjacent = pageTextFromItems([item('immi', 72, 700), item('gration', 72 + 24, 700)]);
    expect(adjacent.text).toBe('immigration');
    expect(Array.from(adjacent.itemStarts)).toEqual([0, 4]);
  });

  it('does not add a space next to whitespace that is already there', () => {
    const page = pageTextFromItems([item('ICE ', 72, 700), item('detainer', 72 + 24 + 20, 700)]);
    expect(page.text).toBe('ICE detainer');
  });

  it('skips marked-content markers so item indexes match the text layer divs', () => {
    const page = pageTextFromItems([
      { type: 'beginMarkedContent' },
      item('Header', 72, 760, true),
      { type: 'endMarkedContent' },
      item('Body', 72, 700),
    ]);
    expect(page.text).toBe('Header\nBody');
    expect(Array.from(page.itemStarts)).toEqual([0, 7]);
  });

  it('keeps empty items (pdf.js emits them for line ends) in the index with length zero', () => {
    const page = pageTextFromItems([item('one', 72, 700), item('', 90, 700, true), item('two', 72, 684)]);
    expect(page.text).toBe('one\ntwo');
    expect(Array.from(page.itemStarts)).toEqual([0, 3, 4]);
    expect(Array.from(page.itemLengths)).toEqual([3, 0, 3]);
  });

  it('replaces control characters one-for-one so no page text looks like a page separator', () => {
    const page = pageTextFromItems([item('a\fb\u0001c', 72, 700)]);
    expect(page.text).toBe('a b c');
    expect(page.text).not.toContain('\f');
  });

  it('returns empty text for a page without items (a scanned page)', () => {
    const page = pageTextFromItems([]);
    expect(page.text).toBe('');
    expect(page.itemStarts.length).toBe(0);
  });
});

describe('textLayerRange', () => {
  const page = pageTextFromItems([
    item('No officer shall', 72, 700, true),
    item('inquire about', 72, 684),
    item(' ', 150, 684),
    item('immigration status.', 156, 684),
  ]);
  // text: "No officer shall\ninquire about immigration status."

  it('maps a passage inside one item to that item', () => {
    const start = page.text.indexOf('officer');
    expect(textLayerRange(page, start, start + 7)).toEqual({
      start: { item: 0, offset: 3 },
      end: { item: 0, offset: 10 },
    });
  });

  it('maps a passage across a line break to the first and last items, skipping the separator', () => {
    const start = page.text.indexOf('shall');
    const end = page.text.indexOf('status') + 'status'.length;
    expect(textLayerRange(page, start, end)).toEqual({
      start: { item: 0, offset: 11 },
      end: { item: 3, offset: 18 },
    });
  });

  it('moves a start that falls on an inserted separator to the next item', () => {
    const newline = page.text.indexOf('\n');
    expect(textLayerRange(page, newline, newline + 8)?.start).toEqual({ item: 1, offset: 0 });
  });

  it('returns null for a range that covers only inserted separators or nothing', () => {
    const newline = page.text.indexOf('\n');
    expect(textLayerRange(page, newline, newline + 1)).toBeNull();
    expect(textLayerRange(page, 5, 5)).toBeNull();
    expect(textLayerRange(page, page.text.length, page.text.length + 3)).toBeNull();
  });

  it('round-trips: the characters under the range are exactly the item characters of the passage', () => {
    const strs = ['No officer shall', 'inquire about', ' ', 'immigration status.'];
    fc.assert(
      fc.property(fc.nat(page.text.length), fc.nat(page.text.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const range = textLayerRange(page, start, end);
        const expected = page.text.slice(start, end).replace(/\n/g, '');
        if (!range) return expected === '';
        let covered = '';
        for (let i = range.start.item; i <= range.end.item; i++) {
          const s = strs[i] ?? '';
          covered += s.slice(
            i === range.start.item ? range.start.offset : 0,
            i === range.end.item ? range.end.offset : s.length,
          );
        }
        return covered === expected;
      }),
    );
  });

  it('maps a text-layer point back to its page offset', () => {
    expect(offsetOfTextLayerPoint(page, { item: 3, offset: 0 })).toBe(page.text.indexOf('immigration'));
    expect(offsetOfTextLayerPoint(page, { item: 9, offset: 0 })).toBeNull();
  });
});

describe('extractAllPages', () => {
  function fakePdf(pages: string[][], log: string[] = []): PdfDocumentLike {
    return {
      numPages: pages.length,
      async getPage(n) {
        return {
          async getTextContent() {
            log.push(`text ${n}`);
            return { items: (pages[n - 1] ?? []).map((s, i) => item(s, 72, 700 - 16 * i, true)) };
          },
          cleanup() {
            log.push(`cleanup ${n}`);
          },
        };
      },
    };
  }

  it('returns every page in order, reports progress and releases each page', async () => {
    const log: string[] = [];
    const progress: string[] = [];
    const pages = await extractAllPages(fakePdf([['one a', 'one b'], ['two'], ['three']], log), {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(pages.map((p) => p.text)).toEqual(['one a\none b', 'two', 'three']);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(log.filter((l) => l.startsWith('cleanup')).sort()).toEqual([
      'cleanup 1',
      'cleanup 2',
      'cleanup 3',
    ]);
  });

  it('stops when aborted and rejects with the abort reason', async () => {
    const controller = new AbortController();
    const many = Array.from({ length: 50 }, (_, i) => [`page ${i + 1}`]);
    const progress: number[] = [];
    const run = extractAllPages(fakePdf(many), {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.length).toBeLessThan(50);
  });

  it('handles a zero-page document', async () => {
    expect(await extractAllPages(fakePdf([]))).toEqual([]);
  });
});

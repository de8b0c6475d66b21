import type { Flag, Report } from '../engine/report';
import { type TextLayerPoint, textLayerRange } from '../sources/pdf-text';
import { FLASH_HIGHLIGHT_NAME, HIGHLIGHT_NAMES } from '../ui/flag-style';
import { namedHighlight, unregisterHighlight } from './named-highlight';
import { type PagePiece, piecesByPage } from './page-passages';
import type { RenderedTextLayer } from './page-views';

/**
 * Paints the report's passages on the text layers of rendered pages with the CSS Custom Highlight
 * API, in the same named highlights (and so the same colours and underline patterns) as on web
 * pages. Nothing is added to the text layer's DOM, so pdf.js's layout and text selection are untouched.
 */

interface PaintedPiece {
  piece: PagePiece;
  range: Range;
}

function pointToDom(layer: RenderedTextLayer, point: TextLayerPoint): { node: Node; offset: number } | null {
  const span = layer.textDivs[point.item];
  const node = span?.firstChild;
  if (!node) return null;
  return { node, offset: Math.min(point.offset, node.textContent?.length ?? 0) };
}

/** A DOM Range over page-local offsets [start, end) of a rendered text layer, or null. */
export function textLayerDomRange(layer: RenderedTextLayer, start: number, end: number): Range | null {
  const span = textLayerRange(layer.pageText, start, end);
  if (!span) return null;
  const from = pointToDom(layer, span.start);
  const to = pointToDom(layer, span.end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

export class PdfHighlighter {
  private readonly pieces: Map<number, PagePiece[]>;
  private readonly painted = new Map<number, PaintedPiece[]>();
  private readonly highlights = {
    lexipol: namedHighlight(HIGHLIGHT_NAMES.lexipol),
    green: namedHighlight(HIGHLIGHT_NAMES.green),
    red: namedHighlight(HIGHLIGHT_NAMES.red),
  };
  private readonly flash = namedHighlight(FLASH_HIGHLIGHT_NAME);
  private flashTimer = 0;

  constructor(report: Report, pageStarts: readonly number[], pageLengths: readonly number[]) {
    this.pieces = piecesByPage(report, pageStarts, pageLengths);
  }

  /** Number of pieces painted right now (for tests and the bench). */
  get paintedCount(): number {
    let count = 0;
    for (const list of this.painted.values()) count += list.length;
    return count;
  }

  paint(layer: RenderedTextLayer): void {
    this.unpaint(layer.pageNumber);
    const list: PaintedPiece[] = [];
    for (const piece of this.pieces.get(layer.pageNumber) ?? []) {
      const range = textLayerDomRange(layer, piece.start, piece.end);
      if (!range) continue;
      this.highlights[piece.kind].add(range);
      list.push({ piece, range });
    }
    this.painted.set(layer.pageNumber, list);
    // Marks the layer for tests and screen readers' benefit: how many passages this page carries.
    layer.element.dataset.flags = String(list.filter((p) => p.piece.flag).length);
  }

  unpaint(pageNumber: number): void {
    for (const { piece, range } of this.painted.get(pageNumber) ?? []) {
      this.highlights[piece.kind].delete(range);
      this.flash.delete(range);
    }
    this.painted.delete(pageNumber);
  }

  /** The flag under a point of a page's text layer (the innermost red over green over none). */
  flagAt(pageNumber: number, node: Node, offset: number): Flag | null {
    let found: Flag | null = null;
    for (const { piece, range } of this.painted.get(pageNumber) ?? []) {
      if (!piece.flag) continue;
      try {
        if (!range.isPointInRange(node, offset)) continue;
      } catch {
        continue;
      }
      if (!found || (found.flag === 'green' && piece.flag.flag === 'red')) found = piece.flag;
    }
    return found;
  }

  /** The painted range of a flag's first piece on a page, if that page is rendered. */
  rangeOf(flag: Flag, pageNumber: number): Range | null {
    for (const { piece, range } of this.painted.get(pageNumber) ?? []) {
      if (piece.flag === flag) return range;
    }
    return null;
  }

  /** Briefly emphasises a passage after a jump, so the eye finds it. */
  flashRange(range: Range): void {
    window.clearTimeout(this.flashTimer);
    this.flash.clear();
    this.flash.add(range);
    this.flashTimer = window.setTimeout(() => this.flash.clear(), 1600);
  }

  destroy(): void {
    for (const kind of ['lexipol', 'green', 'red'] as const) unregisterHighlight(HIGHLIGHT_NAMES[kind]);
    unregisterHighlight(FLASH_HIGHLIGHT_NAME);
    this.painted.clear();
  }
}

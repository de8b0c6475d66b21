import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Flag, Report } from '../engine/report';
import { namedHighlight, unregisterHighlight } from './named-highlight';
import { flagLocation } from './page-passages';
import { type PageSize, PageViews, type RenderedTextLayer } from './page-views';
import { PdfHighlighter, textLayerDomRange } from './pdf-highlights';
import type { SearchHit } from './text-search';

/**
 * The document area of the viewer: lazily rendered pages, the report's highlights on them, the
 * search hits, and jumps to a flag or a hit. Imperative on purpose: a 1,000-page manual is too many
 * nodes to hand to a virtual DOM, and pdf.js owns the text layer's DOM anyway.
 */

export const SEARCH_HIGHLIGHT_NAME = 'policy-lens-search';

export interface DocumentViewOptions {
  scroller: HTMLElement;
  /** Where the pages go, inside the scroller (positioned, so popups can sit on the pages). */
  container: HTMLElement;
  pdf: PDFDocumentProxy;
  sizes: PageSize[];
  scale: number;
  onCurrentPage: (page: number) => void;
  /** A highlighted passage was clicked: open its popup under `anchor`. */
  onFlagClick: (flag: Flag, anchor: Range) => void;
  /** Every time a page's text layer is painted (the bench times the first). */
  onPainted?: (page: number, flags: number) => void;
  /** A page's text layer was rendered, with its text (for early highlights before the report). */
  onPageText?: (page: number, text: string) => void;
}

interface ReportState {
  highlighter: PdfHighlighter;
  pageStarts: number[];
}

export class DocumentView {
  private readonly views: PageViews;
  private report: ReportState | null = null;
  private readonly layers = new Map<number, RenderedTextLayer>();
  private readonly search = namedHighlight(SEARCH_HIGHLIGHT_NAME);
  private hitsByPage = new Map<number, SearchHit[]>();
  private readonly searchRanges = new Map<number, Range[]>();

  constructor(private readonly options: DocumentViewOptions) {
    this.views = new PageViews({
      scroller: options.scroller,
      container: options.container,
      pdf: options.pdf,
      sizes: options.sizes,
      scale: options.scale,
      onCurrentPage: options.onCurrentPage,
      onTextLayer: (layer) => this.onTextLayer(layer),
      onRelease: (page) => this.onRelease(page),
    });
  }

  mount(): void {
    this.views.mount();
    this.options.container.addEventListener('click', this.onClick);
  }

  destroy(): void {
    this.options.container.removeEventListener('click', this.onClick);
    this.views.destroy();
    this.report?.highlighter.destroy();
    unregisterHighlight(SEARCH_HIGHLIGHT_NAME);
  }

  get scale(): number {
    return this.views.scale;
  }

  updateSizes(sizes: PageSize[]): void {
    this.views.updateSizes(sizes);
  }

  setScale(scale: number): void {
    this.views.setScale(scale);
  }

  scrollToPage(page: number): void {
    this.views.scrollToPage(page);
  }

  /** Installs the report: paints every page already on screen, and every page rendered later. */
  setReport(report: Report, pageStarts: number[], pageLengths: number[]): void {
    this.report?.highlighter.destroy();
    this.report = { highlighter: new PdfHighlighter(report, pageStarts, pageLengths), pageStarts };
    for (const layer of this.layers.values()) this.paint(layer);
  }

  setSearchHits(hits: readonly SearchHit[]): void {
    this.search.clear();
    this.searchRanges.clear();
    this.hitsByPage = new Map();
    for (const hit of hits) {
      const list = this.hitsByPage.get(hit.page) ?? [];
      list.push(hit);
      this.hitsByPage.set(hit.page, list);
    }
    for (const layer of this.layers.values()) this.paintSearch(layer);
  }

  /** Scrolls to a flag's passage (rendering its page first), flashes it, and returns its range. */
  async revealFlag(flag: Flag): Promise<Range | null> {
    if (!this.report) return null;
    const location = flagLocation(flag, this.report.pageStarts);
    if (!location) return null;
    const layer = await this.pageLayer(location.page);
    const range =
      this.report.highlighter.rangeOf(flag, location.page) ??
      textLayerDomRange(layer, location.start, location.end);
    if (range) this.reveal(range);
    return range;
  }

  async revealHit(hit: SearchHit): Promise<Range | null> {
    const layer = await this.pageLayer(hit.page);
    const range = textLayerDomRange(layer, hit.start, hit.end);
    if (range) this.reveal(range);
    return range;
  }

  private async pageLayer(page: number): Promise<RenderedTextLayer> {
    const ready = this.layers.get(page);
    if (ready) return ready;
    this.views.scrollToPage(page);
    return this.views.textLayerOf(page);
  }

  private reveal(range: Range): void {
    const { scroller } = this.options;
    const rect = range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const target = scroller.scrollTop + rect.top - box.top - scroller.clientHeight / 3;
    scroller.scrollTop = Math.max(0, target);
    this.report?.highlighter.flashRange(range);
  }

  private onTextLayer(layer: RenderedTextLayer): void {
    this.layers.set(layer.pageNumber, layer);
    this.paint(layer);
    this.paintSearch(layer);
    this.options.onPageText?.(layer.pageNumber, layer.pageText.text);
  }

  private paint(layer: RenderedTextLayer): void {
    if (!this.report) return;
    this.report.highlighter.paint(layer);
    this.options.onPainted?.(layer.pageNumber, Number(layer.element.dataset.flags ?? 0));
  }

  private paintSearch(layer: RenderedTextLayer): void {
    for (const range of this.searchRanges.get(layer.pageNumber) ?? []) this.search.delete(range);
    const ranges: Range[] = [];
    for (const hit of this.hitsByPage.get(layer.pageNumber) ?? []) {
      const range = textLayerDomRange(layer, hit.start, hit.end);
      if (range) {
        this.search.add(range);
        ranges.push(range);
      }
    }
    this.searchRanges.set(layer.pageNumber, ranges);
  }

  private onRelease(page: number): void {
    this.layers.delete(page);
    this.report?.highlighter.unpaint(page);
    for (const range of this.searchRanges.get(page) ?? []) this.search.delete(range);
    this.searchRanges.delete(page);
  }

  private readonly onClick = (event: MouseEvent) => {
    if (!this.report) return;
    const slot = (event.target as Element | null)?.closest?.('.pl-page-slot') as HTMLElement | null;
    const page = Number(slot?.dataset.pageNumber);
    if (!page) return;
    // Ignore the end of a text selection: the reader is selecting, not asking for a popup.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const caret = caretAt(event.clientX, event.clientY);
    if (!caret) return;
    const flag = this.report.highlighter.flagAt(page, caret.node, caret.offset);
    if (!flag) return;
    const anchor = this.report.highlighter.rangeOf(flag, page);
    if (anchor) this.options.onFlagClick(flag, anchor);
  };
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

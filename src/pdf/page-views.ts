import { type PDFDocumentProxy, type RenderTask, TextLayer } from 'pdfjs-dist';
import { type PdfPageText, pageTextFromItems } from '../sources/pdf-text';

/**
 * The pages of the viewer: one placeholder per page, sized from its viewport, and a canvas plus a
 * pdf.js text layer only for pages near the visible area. Pages that scroll far away are released
 * (canvas emptied, text layer removed, pdf.js page resources cleaned up), so memory stays bounded
 * on a 1,000-page manual however far the reader scrolls.
 */

export interface PageSize {
  width: number;
  height: number;
}

export interface RenderedTextLayer {
  pageNumber: number;
  /** `TextLayer.textDivs`: one span per text item, in the same order as PdfPageText's items. */
  textDivs: HTMLElement[];
  pageText: PdfPageText;
  element: HTMLElement;
}

export interface PageViewsOptions {
  /** The scrolling element (its viewport decides which pages are near). */
  scroller: HTMLElement;
  /** Where the page slots go, inside the scroller. */
  container: HTMLElement;
  pdf: PDFDocumentProxy;
  /** Size of each page at scale 1 (PDF points); missing pages use the first page's size. */
  sizes: PageSize[];
  scale: number;
  onTextLayer: (layer: RenderedTextLayer) => void;
  onRelease: (pageNumber: number) => void;
  /** The page whose area covers the middle of the view changed. */
  onCurrentPage: (pageNumber: number) => void;
}

interface PageSlot {
  element: HTMLElement;
  rendered: boolean;
  renderTask: RenderTask | null;
  textLayer: TextLayer | null;
  /** Bumped on release, so a render that finishes after its page was released is dropped. */
  generation: number;
}

export class PageViews {
  private readonly slots: PageSlot[] = [];
  private readonly near = new Set<number>();
  private observer: IntersectionObserver | null = null;
  private current = 0;
  private scrollTimer = 0;
  private readonly layers = new Map<number, RenderedTextLayer>();
  private readonly waiters = new Map<number, Array<(layer: RenderedTextLayer) => void>>();

  constructor(private readonly options: PageViewsOptions) {}

  get scale(): number {
    return this.options.scale;
  }

  mount(): void {
    const { scroller, container, pdf } = this.options;
    const fragment = document.createDocumentFragment();
    for (let n = 1; n <= pdf.numPages; n++) {
      const element = document.createElement('div');
      element.className = 'pl-page-slot';
      element.dataset.pageNumber = String(n);
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', `Page ${n} of ${pdf.numPages}`);
      const label = document.createElement('span');
      label.className = 'pl-page-loading';
      label.textContent = `Page ${n}`;
      label.setAttribute('aria-hidden', 'true');
      element.append(label);
      fragment.append(element);
      this.slots.push({ element, rendered: false, renderTask: null, textLayer: null, generation: 0 });
    }
    container.append(fragment);
    this.applySizes();
    // Render a screen above and below the view; release beyond that.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      root: scroller,
      rootMargin: '100% 0px',
    });
    for (const slot of this.slots) this.observer.observe(slot.element);
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  destroy(): void {
    this.observer?.disconnect();
    this.options.scroller.removeEventListener('scroll', this.onScroll);
    for (let n = 1; n <= this.slots.length; n++) this.release(n);
    for (const slot of this.slots) slot.element.remove();
    this.slots.length = 0;
  }

  /** Page sizes learnt later (during text extraction) correct the placeholders. */
  updateSizes(sizes: PageSize[]): void {
    this.options.sizes = sizes;
    this.applySizes();
  }

  setScale(scale: number): void {
    if (scale === this.options.scale) return;
    const anchor = this.current || 1;
    this.options.scale = scale;
    for (let n = 1; n <= this.slots.length; n++) this.release(n);
    this.applySizes();
    this.scrollToPage(anchor);
    for (const n of this.near) void this.render(n);
  }

  scrollToPage(pageNumber: number): void {
    const slot = this.slots[pageNumber - 1];
    if (!slot) return;
    const { scroller } = this.options;
    scroller.scrollTop += slot.element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
    this.setCurrent(pageNumber);
  }

  /** The page's text layer, rendering the page first if it is not on screen yet. */
  textLayerOf(pageNumber: number): Promise<RenderedTextLayer> {
    const ready = this.layers.get(pageNumber);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const list = this.waiters.get(pageNumber) ?? [];
      list.push(resolve);
      this.waiters.set(pageNumber, list);
      void this.render(pageNumber);
    });
  }

  renderedPages(): number[] {
    return [...this.layers.keys()];
  }

  private applySizes(): void {
    const { sizes, scale } = this.options;
    const fallback = sizes[0] ?? { width: 612, height: 792 };
    this.slots.forEach((slot, i) => {
      const size = sizes[i] ?? fallback;
      slot.element.style.width = `${Math.floor(size.width * scale)}px`;
      slot.element.style.height = `${Math.floor(size.height * scale)}px`;
    });
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const n = Number((entry.target as HTMLElement).dataset.pageNumber);
      if (entry.isIntersecting) {
        this.near.add(n);
        void this.render(n);
      } else {
        this.near.delete(n);
        this.release(n);
      }
    }
    this.updateCurrent();
  }

  private readonly onScroll = () => {
    window.clearTimeout(this.scrollTimer);
    this.scrollTimer = window.setTimeout(() => this.updateCurrent(), 60);
  };

  private updateCurrent(): void {
    const { scroller } = this.options;
    // Offsets are relative to the page container, so measure the middle of the view from its top.
    const middle =
      scroller.getBoundingClientRect().top +
      scroller.clientHeight / 2 -
      this.options.container.getBoundingClientRect().top;
    // Binary search on offsetTop (the container is positioned, so offsets are relative to it).
    let lo = 0;
    let hi = this.slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.slots[mid]?.element.offsetTop ?? 0) <= middle) lo = mid;
      else hi = mid - 1;
    }
    this.setCurrent(lo + 1);
  }

  private setCurrent(pageNumber: number): void {
    if (pageNumber === this.current) return;
    this.current = pageNumber;
    this.options.onCurrentPage(pageNumber);
  }

  private async render(pageNumber: number): Promise<void> {
    const slot = this.slots[pageNumber - 1];
    if (!slot || slot.rendered) return;
    slot.rendered = true;
    const generation = slot.generation;
    const { pdf, scale } = this.options;
    try {
      const page = await pdf.getPage(pageNumber);
      if (generation !== slot.generation) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.className = 'pl-page-canvas';
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      const textElement = document.createElement('div');
      textElement.className = 'textLayer';
      slot.element.style.setProperty('--scale-factor', String(scale));
      slot.element.style.setProperty('--total-scale-factor', String(scale));
      slot.element.replaceChildren(canvas, textElement);
      slot.renderTask = page.render({
        canvas,
        viewport,
        ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
      });
      const content = await page.getTextContent();
      if (generation !== slot.generation) return;
      const textLayer = new TextLayer({ textContentSource: content, container: textElement, viewport });
      slot.textLayer = textLayer;
      await textLayer.render();
      if (generation !== slot.generation) return;
      const layer: RenderedTextLayer = {
        pageNumber,
        textDivs: textLayer.textDivs as HTMLElement[],
        pageText: pageTextFromItems(content.items),
        element: textElement,
      };
      this.layers.set(pageNumber, layer);
      this.options.onTextLayer(layer);
      for (const resolve of this.waiters.get(pageNumber) ?? []) resolve(layer);
      this.waiters.delete(pageNumber);
      await slot.renderTask.promise;
      slot.renderTask = null;
    } catch (error) {
      if ((error as Error)?.name === 'RenderingCancelledException' || generation !== slot.generation) return;
      slot.rendered = false;
      const note = document.createElement('p');
      note.className = 'pl-page-error';
      note.textContent = `Page ${pageNumber} could not be drawn: ${(error as Error)?.message ?? error}`;
      slot.element.replaceChildren(note);
    }
  }

  private release(pageNumber: number): void {
    const slot = this.slots[pageNumber - 1];
    if (!slot?.rendered || this.waiters.has(pageNumber)) return;
    slot.generation++;
    slot.rendered = false;
    slot.renderTask?.cancel();
    slot.renderTask = null;
    slot.textLayer?.cancel();
    slot.textLayer = null;
    for (const canvas of slot.element.querySelectorAll('canvas')) {
      // Zero-size canvases give their pixel memory back at once instead of at garbage collection.
      canvas.width = 0;
      canvas.height = 0;
    }
    const label = document.createElement('span');
    label.className = 'pl-page-loading';
    label.textContent = `Page ${pageNumber}`;
    label.setAttribute('aria-hidden', 'true');
    slot.element.replaceChildren(label);
    if (this.layers.delete(pageNumber)) this.options.onRelease(pageNumber);
    void this.options.pdf
      .getPage(pageNumber)
      .then((page) => page.cleanup())
      .catch(() => {});
  }
}

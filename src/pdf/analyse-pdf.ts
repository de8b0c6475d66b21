import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { analyze } from '../engine/analyze';
import { originalText } from '../engine/document';
import type { Report } from '../engine/report';
import { extractAllPages, type PdfPageText, visibleCharsPerPage } from '../sources/pdf-text';
import type { PageSize } from './page-views';

/**
 * The viewer's whole-document pass: extract every page's text (cancellable, with progress), then run
 * the engine once, so the scorecard is complete before the reader scrolls.
 */

export interface TextLayerHealth {
  /** Pages with (almost) no text: scanned images, or pages of pictures. */
  pagesWithoutText: number[];
  /** True when the document as a whole has no usable text layer: verdicts cannot be trusted. */
  noTextLayer: boolean;
}

/** Fewer visible characters than this on a page means the page has no text layer worth reading. */
const MIN_CHARS_PER_PAGE = 20;

export function textLayerHealth(pages: readonly PdfPageText[]): TextLayerHealth {
  const counts = visibleCharsPerPage(pages);
  const pagesWithoutText = counts.flatMap((count, i) => (count < MIN_CHARS_PER_PAGE ? [i + 1] : []));
  const total = counts.reduce((a, b) => a + b, 0);
  // Mostly empty pages, or too little text overall to hold a policy: treat as scanned.
  const noTextLayer = pages.length > 0 && (pagesWithoutText.length >= pages.length * 0.8 || total < 200);
  return { pagesWithoutText, noTextLayer };
}

export interface AnalysedPdf {
  pages: PdfPageText[];
  sizes: PageSize[];
  report: Report;
  health: TextLayerHealth;
  /** Offset of each page's first character in the report's original text. */
  pageStarts: number[];
  timings: { extractMs: number; analyseMs: number };
}

export async function analysePdf(
  pdf: PDFDocumentProxy,
  source: string,
  title: string | null,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnalysedPdf> {
  const sizes: PageSize[] = [];
  const t0 = performance.now();
  const pages = await extractAllPages<PDFPageProxy>(pdf, {
    ...opts,
    onPage: (n, page) => {
      const { width, height } = page.getViewport({ scale: 1 });
      sizes[n - 1] = { width, height };
    },
  });
  const t1 = performance.now();
  const doc = { source, title, pages: pages.map((p) => p.text) };
  const report = analyze(doc);
  const t2 = performance.now();
  const health = textLayerHealth(pages);
  if (health.noTextLayer) {
    report.warnings.push(
      'This PDF has no text layer (it looks scanned): the verdicts cannot be trusted, because the words could not be read.',
    );
  } else if (health.pagesWithoutText.length > 0) {
    report.warnings.push(
      `${health.pagesWithoutText.length} of ${pages.length} pages have no readable text (scanned images?); anything on them was not checked.`,
    );
  }
  return {
    pages,
    sizes,
    report,
    health,
    pageStarts: originalText(doc).pageStarts,
    timings: { extractMs: t1 - t0, analyseMs: t2 - t1 },
  };
}

/** The PDF's own title (document information or XMP metadata), when it has one. */
export async function pdfTitle(pdf: PDFDocumentProxy): Promise<string | null> {
  try {
    const { info, metadata } = await pdf.getMetadata();
    // The Info dictionary's Title first, as the CLI reads it, so both name the document alike.
    const title = (info as { Title?: unknown } | null)?.Title || metadata?.get('dc:title');
    return typeof title === 'string' && title.trim() ? title.trim() : null;
  } catch {
    return null;
  }
}

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { analysePdf } from './analyse-pdf';

/**
 * What `bench/pdf.ts` reads from the viewer page: the open document, so that it can time pdf.js's
 * own text extraction against our whole analysis in the same page and worker, and the moment the
 * first highlight was painted. Benchmark and test builds only: in release builds
 * (`import.meta.env.POLICY_LENS_TEST_HOOKS` false, see wxt.config.ts) both functions do nothing and the
 * bundler drops their bodies.
 */
export interface ViewerBenchHook {
  pdf: PDFDocumentProxy;
  /** pdf.js's getTextContent of every page, nothing else (the baseline). */
  extractOnly: () => Promise<number>;
  /** The viewer's whole pass (extract + page text + analyse), as on opening; resolves to its split. */
  analyseAll: () => Promise<{ extractMs: number; analyseMs: number }>;
}

export const FIRST_HIGHLIGHT_MARK = 'policy-lens:first-highlight';

export function exposeForBench(pdf: PDFDocumentProxy, source: string): void {
  if (!import.meta.env.POLICY_LENS_TEST_HOOKS) return;
  const hook: ViewerBenchHook = {
    pdf,
    async extractOnly() {
      let items = 0;
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        items += (await page.getTextContent()).items.length;
        page.cleanup();
      }
      return items;
    },
    async analyseAll() {
      const result = await analysePdf(pdf, source, null);
      return result.timings;
    },
  };
  (globalThis as { policyLensViewer?: ViewerBenchHook }).policyLensViewer = hook;
}

let marked = false;

/** Marks (once per page load) when the first flagged passage was painted. */
export function markFirstHighlight(): void {
  if (!import.meta.env.POLICY_LENS_TEST_HOOKS || marked) return;
  marked = true;
  performance.mark(FIRST_HIGHLIGHT_MARK);
}

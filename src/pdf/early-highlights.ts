import { analyze } from '../engine/analyze';
import { originalText } from '../engine/document';
import type { Report } from '../engine/report';

/**
 * Highlights for the pages on screen before the whole document has been read. Reading every page of
 * a 500-page manual takes seconds; the pages the reader is looking at are rendered long before. Each
 * rendered page is analysed on its own (the other pages left empty, so offsets and page numbers stay
 * those of the whole document) and painted at once; the whole-document report replaces this as soon
 * as it is ready, and only it feeds the scorecard.
 */

export type ApplyReport = (report: Report, pageStarts: number[], pageLengths: number[]) => void;

/** A few lines of policy language: analysing them once compiles the rules while pages are read. */
const WARM_UP_TEXT =
  'No officer shall inquire about a person’s immigration status. Officers may share information with ICE.';

/** Compiles the rule book during idle time, so the first real analysis does not pay for it. */
export function warmUpEngine(): void {
  setTimeout(() => analyze({ source: 'warm-up', title: null, text: WARM_UP_TEXT }), 0);
}

export class EarlyHighlights {
  private readonly pages: string[];
  private scheduled = 0;
  private stopped = false;

  constructor(
    pageCount: number,
    private readonly source: string,
    private readonly apply: ApplyReport,
  ) {
    this.pages = new Array<string>(pageCount).fill('');
  }

  /** A page was rendered: analyse the rendered pages together (batched per task). */
  addPage(pageNumber: number, text: string): void {
    if (this.stopped || this.pages[pageNumber - 1] === text) return;
    this.pages[pageNumber - 1] = text;
    if (this.scheduled) return;
    this.scheduled = window.setTimeout(() => {
      this.scheduled = 0;
      if (this.stopped) return;
      const doc = { source: this.source, title: null, pages: this.pages };
      const report = analyze(doc);
      if (!this.stopped)
        this.apply(
          report,
          originalText(doc).pageStarts,
          this.pages.map((p) => p.length),
        );
    }, 0);
  }

  /** The whole-document report has arrived: nothing early may be painted after it. */
  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.scheduled);
  }
}

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { type AnalysedPdf, analysePdf, pdfTitle } from './analyse-pdf';
import { fetchPdfBytes, type OpenedPdf, openPdf } from './load-pdf';
import type { PageSize } from './page-views';
import { collectHandoff } from './pdf-handoff';
import { type PdfProblem, PdfProblemError, problemFromPdfjsError } from './pdf-problems';
import { fileNameOf } from './viewer-url';

/**
 * One PDF from source to report, as a sequence of phases the viewer shows: downloading, asking for a
 * password, reading every page, ready, or a problem. Holds no UI; the viewer renders its phases.
 */

export type PdfSource =
  | { kind: 'url'; url: string; handoff?: string | null }
  | { kind: 'file'; name: string; bytes: Uint8Array };

export type Phase =
  | { name: 'choose' }
  | { name: 'downloading'; received: number; total: number | null }
  | { name: 'password'; retry: boolean }
  | { name: 'reading'; done: number; total: number }
  | { name: 'ready' }
  | { name: 'cancelled' }
  | { name: 'problem'; problem: PdfProblem };

export interface SessionEvents {
  phase: (phase: Phase) => void;
  /** The document is open: the viewer can show its pages while the text is read. */
  opened: (pdf: PDFDocumentProxy, firstPageSize: PageSize, title: string | null) => void;
  analysed: (result: AnalysedPdf) => void;
}

export function sourceName(source: PdfSource): string {
  return source.kind === 'url' ? fileNameOf(source.url) : source.name;
}

export class PdfSession {
  private readonly abort = new AbortController();
  private opened: OpenedPdf | null = null;
  private passwordAnswer: ((password: string | null) => void) | null = null;

  constructor(
    readonly source: PdfSource,
    private readonly on: SessionEvents,
  ) {}

  get pdf(): PDFDocumentProxy | null {
    return this.opened?.pdf ?? null;
  }

  async run(): Promise<void> {
    const { signal } = this.abort;
    try {
      let bytes: Uint8Array;
      const handedOff =
        this.source.kind === 'url' && this.source.handoff ? await collectHandoff(this.source.handoff) : null;
      if (handedOff) bytes = handedOff;
      else if (this.source.kind === 'url') {
        this.on.phase({ name: 'downloading', received: 0, total: null });
        bytes = await fetchPdfBytes(this.source.url, {
          signal,
          onProgress: (received, total) => this.on.phase({ name: 'downloading', received, total }),
        });
      } else bytes = this.source.bytes;
      performance.mark('policy-lens:downloaded');
      signal.throwIfAborted();
      this.opened = await openPdf(bytes, {
        askPassword: (retry) => {
          this.on.phase({ name: 'password', retry });
          return new Promise((resolve) => {
            this.passwordAnswer = resolve;
          });
        },
      });
      signal.throwIfAborted();
      const { pdf } = this.opened;
      const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
      const title = await pdfTitle(pdf);
      performance.mark('policy-lens:opened');
      this.on.opened(pdf, { width: first.width, height: first.height }, title);
      await this.read(title);
    } catch (error) {
      if (signal.aborted) return;
      const problem = error instanceof PdfProblemError ? error.problem : problemFromPdfjsError(error);
      this.on.phase({ name: 'problem', problem });
    }
  }

  /** Reads every page and analyses; can be run again after a cancel. */
  private reading: AbortController | null = null;

  async read(title: string | null): Promise<void> {
    const pdf = this.pdf;
    if (!pdf) return;
    this.reading = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, this.reading.signal]);
    const total = pdf.numPages;
    this.on.phase({ name: 'reading', done: 0, total });
    let last = 0;
    try {
      const source = this.source.kind === 'url' ? this.source.url : this.source.name;
      const result = await analysePdf(pdf, source, title, {
        signal,
        onProgress: (done) => {
          // Repainting the bar 1,000 times costs more than the reading it reports.
          const now = performance.now();
          if (done === total || now - last > 50) {
            last = now;
            this.on.phase({ name: 'reading', done, total });
          }
        },
      });
      performance.mark('policy-lens:analysed');
      this.on.analysed(result);
      this.on.phase({ name: 'ready' });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      if (signal.aborted) this.on.phase({ name: 'cancelled' });
      else this.on.phase({ name: 'problem', problem: problemFromPdfjsError(error) });
    }
  }

  /** Stops reading pages (the document stays open and readable). */
  cancelReading(): void {
    this.reading?.abort();
  }

  answerPassword(password: string | null): void {
    const answer = this.passwordAnswer;
    this.passwordAnswer = null;
    answer?.(password);
  }

  async close(): Promise<void> {
    this.abort.abort();
    this.answerPassword(null);
    await this.opened?.close().catch(() => {});
    this.opened = null;
  }
}

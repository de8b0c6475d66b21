import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type LoadedPolicy, SourceError } from './node-source-error';
import { extractAllPages, visibleCharsPerPage } from './pdf-text';

/**
 * A PDF policy for the CLI: pdf.js (legacy build, which runs in Node 20) reads every page's text
 * items, and the PDF surface's own `extractAllPages` (src/sources/pdf-text.ts) turns them into page
 * text, so the CLI and the extension's viewer hand the engine exactly the same text.
 */

/** Fewer visible characters than this on a page means it has no usable text layer. */
const MIN_PAGE_CHARS = 20;

/** pdf.js in Node reads the standard 14 fonts' data from this folder (it needs the trailing slash). */
export function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url);
  return `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
}

/** "pages 3, 4, 7" or "pages 3–40 (38 pages)" for long runs: warnings stay one line. */
function describePages(pages: number[]): string {
  if (pages.length === 1) return `page ${pages[0]}`;
  if (pages.length <= 8) return `pages ${pages.join(', ')}`;
  return `${pages.length} pages (${pages.slice(0, 5).join(', ')}, …)`;
}

/** pdf.js's exceptions in the user's words. */
function reasonFor(error: unknown): string {
  const name = (error as { name?: string })?.name;
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException') return 'is password-protected';
  return `is not a readable PDF (${message.replace(/\.$/, '')})`;
}

export async function readPdfFile(file: string): Promise<LoadedPolicy> {
  const bytes = new Uint8Array(await readFile(file));
  // Imported lazily: pdf.js is large and only PDF runs need it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: bytes,
    standardFontDataUrl: standardFontDataUrl(),
    isEvalSupported: false,
    // pdf.js logs recoverable oddities of real-world PDFs to the console; the CLI's output is its report.
    verbosity: 0,
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      throw new SourceError(file, reasonFor(error));
    }
    if (pdf.numPages === 0) throw new SourceError(file, 'is not a readable PDF (it has no pages)');
    let pageTexts: Awaited<ReturnType<typeof extractAllPages>>;
    try {
      pageTexts = await extractAllPages(pdf);
    } catch (error) {
      throw new SourceError(file, reasonFor(error));
    }
    const visible = visibleCharsPerPage(pageTexts);
    const blank = visible.flatMap((chars, i) => (chars < MIN_PAGE_CHARS ? [i + 1] : []));
    if (blank.length === pageTexts.length) throw new SourceError(file, 'has no text layer (scanned?)');
    const warnings =
      blank.length > 0
        ? [
            `${describePages(blank)} of ${pageTexts.length} ${blank.length === 1 ? 'has' : 'have'} no text layer (scanned?): flags there cannot be found`,
          ]
        : [];
    const meta = await pdf.getMetadata().catch(() => null);
    const infoTitle = (meta?.info as { Title?: unknown } | undefined)?.Title;
    const title = typeof infoTitle === 'string' && infoTitle.trim() ? infoTitle.trim() : null;
    return { document: { source: file, title, pages: pageTexts.map((p) => p.text) }, warnings };
  } finally {
    await task.destroy();
  }
}

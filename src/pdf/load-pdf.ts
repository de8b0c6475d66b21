import { GlobalWorkerOptions, getDocument, PasswordResponses, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import {
  fileAccessProblem,
  httpProblem,
  NO_PAGES,
  NOT_A_PDF,
  needsPermissionProblem,
  networkProblem,
  PASSWORD_CANCELLED,
  PdfProblemError,
  problemFromPdfjsError,
  startsLikePdf,
} from './pdf-problems';

/**
 * Getting a PDF into pdf.js in the viewer: the bytes (from the site itself, or a local file) and the
 * document (asking for a password when it has one). Every failure is a PdfProblemError.
 */

// The worker is bundled with the extension and loaded from its own origin: no remote code.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Host-permission pattern for the origin of a URL, as `permissions.request` wants it. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Bytes received and the total when the server told it (else null). */
  onProgress?: (received: number, total: number | null) => void;
}

/**
 * Downloads a PDF straight from its site (never through anyone else). Reading another site's file
 * needs the user's permission for that site unless the site allows it (CORS); a failed request
 * without that permission becomes "needs-permission" so the viewer can offer to ask for it.
 */
export async function fetchPdfBytes(
  url: string,
  { signal, onProgress }: FetchOptions = {},
): Promise<Uint8Array> {
  const isFile = url.startsWith('file:');
  if (isFile && !(await browser.extension.isAllowedFileSchemeAccess())) {
    throw new PdfProblemError(fileAccessProblem());
  }
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (isFile) throw new PdfProblemError(fileAccessProblem());
    const granted = await browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
    if (!granted) throw new PdfProblemError(needsPermissionProblem(url));
    throw new PdfProblemError(networkProblem(url, (error as Error).message || 'no answer'));
  }
  // file: responses have status 0 in some browsers; anything else must be a 2xx.
  if (!isFile && !response.ok)
    throw new PdfProblemError(httpProblem(response.status, response.statusText, url));
  const bytes = await readWithProgress(response, onProgress);
  if (!startsLikePdf(bytes)) throw new PdfProblemError(NOT_A_PDF);
  return bytes;
}

async function readWithProgress(
  response: Response,
  onProgress?: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  const lengthHeader = Number(response.headers.get('content-length'));
  const total = Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : null;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export interface OpenOptions {
  /**
   * Asked when the PDF is encrypted; `retry` is true after a wrong password. Resolve with the
   * password, or null to give up.
   */
  askPassword: (retry: boolean) => Promise<string | null>;
}

export interface OpenedPdf {
  pdf: PDFDocumentProxy;
  /** Ends the worker and frees the document. */
  close: () => Promise<void>;
}

/** Opens PDF bytes with pdf.js, configured for an extension page (no eval, no remote fetches). */
export async function openPdf(data: Uint8Array, { askPassword }: OpenOptions): Promise<OpenedPdf> {
  const task = getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    // Standard fonts come from the system in browsers; nothing is fetched from anywhere.
    useSystemFonts: true,
    stopAtErrors: false,
  });
  let gaveUp = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    askPassword(reason === PasswordResponses.INCORRECT_PASSWORD).then((password) => {
      if (password === null) {
        gaveUp = true;
        void task.destroy();
      } else update(password);
    });
  };
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw new PdfProblemError(gaveUp ? PASSWORD_CANCELLED : problemFromPdfjsError(error));
  }
  if (pdf.numPages === 0) {
    await task.destroy();
    throw new PdfProblemError(NO_PAGES);
  }
  return { pdf, close: () => task.destroy() };
}

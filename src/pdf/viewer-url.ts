/**
 * Addresses of our PDF viewer: `viewer.html?file=<original URL>#page=N`. Pure string work, shared by
 * the background (routing PDFs to the viewer), the side panel's PDF list and the viewer itself.
 */

/** Added to "open original" links so the redirect setting lets the reader reach the browser's viewer. */
export const ORIGINAL_MARK = 'policy-lens-original';

/** The original URL marked so that the "open PDFs here" redirect leaves it alone. */
export function originalLink(url: string): string {
  return `${url}${url.includes('#') ? '&' : '#'}${ORIGINAL_MARK}`;
}

/** Path of the viewer page inside the extension. */
export const VIEWER_PATH = '/viewer.html';

/** `#page=N` of a PDF URL (the PDF open-parameters convention), or null. */
export function pageFragment(url: string): number | null {
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
  for (const part of hash.split('&')) {
    const [key, value] = part.split('=');
    if (key === 'page' && value !== undefined && /^\d+$/.test(value)) {
      const page = Number(value);
      if (page >= 1) return page;
    }
  }
  return null;
}

/**
 * The viewer URL for a PDF. `viewerBase` is `browser.runtime.getURL('/viewer.html')`. The PDF's own
 * `#page=` is kept (moved to the viewer's fragment, where the viewer reads it); the rest of the
 * original URL, fragment included, is preserved in `file` so "open original" returns to it.
 */
export function viewerUrl(
  viewerBase: string,
  pdfUrl: string,
  page: number | null = pageFragment(pdfUrl),
  handoff: string | null = null,
): string {
  const token = handoff ? `&handoff=${encodeURIComponent(handoff)}` : '';
  const url = `${viewerBase}?file=${encodeURIComponent(pdfUrl)}${token}`;
  return page ? `${url}#page=${page}` : url;
}

export interface ViewerLocation {
  /** The PDF's original URL, or null when the viewer was opened without one (file picker). */
  file: string | null;
  /** Page to show first. */
  page: number | null;
  /** Token for bytes the background already read from the PDF's tab (see pdf-handoff.ts). */
  handoff: string | null;
}

/** Reads the viewer's own `location` (search and hash). */
export function parseViewerLocation(search: string, hash: string): ViewerLocation {
  const params = new URLSearchParams(search);
  const file = params.get('file');
  return {
    file: file?.trim() ? file.trim() : null,
    page: pageFragment(hash),
    handoff: params.get('handoff'),
  };
}

/** Whether a URL's path names a PDF file (`.pdf`, any case, before any query or fragment). */
export function looksLikePdfUrl(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return /\.pdf$/i.test(path);
}

/** Whether a URL is our viewer (so routing never wraps the viewer in itself). */
export function isViewerUrl(url: string, viewerBase: string): boolean {
  return url.startsWith(viewerBase);
}

/** The last path segment, decoded, as a readable name for a PDF ("Policy 413.pdf"). */
export function fileNameOf(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(segment) || url;
  } catch {
    return url;
  }
}

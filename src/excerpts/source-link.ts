import type { Excerpt } from './excerpt';

/**
 * A link that opens the excerpt's source at the passage.
 * - Web page: a text fragment `#:~:text=start,end` (Chrome, Edge, Safari, Firefox 131+). Browsers
 *   match fragments on whole words, so it is built from the quote's first and last words; a long
 *   quote becomes start,end instead of the whole text (URLs stay short and survive small edits
 *   inside the passage).
 * - PDF: our viewer at `viewer.html?file=<url>#page=N`; `viewerUrl` comes from
 *   browser.runtime.getURL('/viewer.html') (kept out so this stays pure).
 */

const WORDS_EACH_END = 4;

/** Schemes a saved page can have; anything else came from an edited file. */
export const SAFE_SCHEME = /^(?:https?|file):/i;

/** Percent-encode a text-fragment term; '-', ',' and '&' have meaning in the syntax. */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

export function textFragment(quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length <= WORDS_EACH_END * 2) return `:~:text=${fragmentTerm(words.join(' '))}`;
  const start = words.slice(0, WORDS_EACH_END).join(' ');
  const end = words.slice(-WORDS_EACH_END).join(' ');
  return `:~:text=${fragmentTerm(start)},${fragmentTerm(end)}`;
}

export function sourceLink(
  excerpt: Pick<Excerpt, 'url' | 'quote' | 'page' | 'pdfFingerprint'>,
  viewerUrl: string,
): string {
  if (excerpt.page !== null || excerpt.pdfFingerprint !== null) {
    return `${viewerUrl}?file=${encodeURIComponent(excerpt.url)}#page=${excerpt.page ?? 1}`;
  }
  const base = excerpt.url.split('#')[0] ?? excerpt.url;
  // An imported file may carry any URL: a `javascript:` or `data:` one must never become a link.
  if (!SAFE_SCHEME.test(base)) return 'about:blank';
  return `${base}#${textFragment(excerpt.quote)}`;
}

import { type Anchor, anchorExcerpt } from './anchor';
import type { Excerpt } from './excerpt';

/** Which document an excerpt was saved from: a PDF by its fingerprint (it may be re-downloaded under
 * another URL), a web page by its URL without the #fragment (a text-fragment link adds one). */
export interface DocumentIdentity {
  url: string;
  pdfFingerprint: string | null;
}

export function sameDocumentUrl(a: string, b: string): boolean {
  const strip = (url: string) => {
    try {
      const parsed = new URL(url);
      parsed.hash = '';
      return parsed.href.replace(/\/$/, '');
    } catch {
      return url.split('#')[0] ?? url;
    }
  };
  return strip(a) === strip(b);
}

export function excerptsForDocument(excerpts: readonly Excerpt[], doc: DocumentIdentity): Excerpt[] {
  return excerpts.filter((excerpt) =>
    doc.pdfFingerprint && excerpt.pdfFingerprint
      ? excerpt.pdfFingerprint === doc.pdfFingerprint
      : sameDocumentUrl(excerpt.url, doc.url),
  );
}

export interface PlacedExcerpt extends Anchor {
  excerpt: Excerpt;
}

export interface ExcerptPlacement {
  placed: PlacedExcerpt[];
  /** Shown as "not found on this version of the page" with the saved quote; never dropped. */
  notFound: Excerpt[];
}

/** Re-anchor each excerpt in `text` (the document's PolicyText text). */
export function placeExcerpts(text: string, excerpts: readonly Excerpt[]): ExcerptPlacement {
  const placed: PlacedExcerpt[] = [];
  const notFound: Excerpt[] = [];
  for (const excerpt of excerpts) {
    const anchor = anchorExcerpt(text, excerpt);
    if (anchor) placed.push({ ...anchor, excerpt });
    else notFound.push(excerpt);
  }
  placed.sort((a, b) => a.start - b.start);
  return { placed, notFound };
}

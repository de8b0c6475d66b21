import { PAGE_SEPARATOR } from './report';

/**
 * What a source (a web page, a PDF, a file) hands to the engine. Either `text`, or `pages` for a PDF.
 * The engine never knows where the text came from.
 */
export interface PolicyDocument {
  /** URL or file path the text came from. */
  source: string;
  title: string | null;
  text?: string;
  pages?: string[];
}

/** The original text that report offsets index, and where each page starts in it. */
export interface OriginalText {
  text: string;
  /** Offset of each page's first character; empty for unpaged text. */
  pageStarts: number[];
}

export function originalText(doc: PolicyDocument): OriginalText {
  if (!doc.pages) return { text: doc.text ?? '', pageStarts: [] };
  const pageStarts: number[] = [];
  let offset = 0;
  for (const page of doc.pages) {
    pageStarts.push(offset);
    offset += page.length + PAGE_SEPARATOR.length;
  }
  return { text: doc.pages.join(PAGE_SEPARATOR), pageStarts };
}

/** 1-based page of an original offset (binary search), or null for unpaged text. */
export function pageOf(pageStarts: readonly number[], offset: number): number | null {
  if (pageStarts.length === 0) return null;
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pageStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

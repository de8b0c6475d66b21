/**
 * Find-in-document for the viewer, over the extracted page texts (so it finds words on pages that
 * are not rendered yet). Case-insensitive; any run of spaces or line breaks in the query matches any
 * run in the text, because PDF lines wrap wherever the layout put them.
 */

export interface SearchHit {
  /** 1-based page. */
  page: number;
  /** Page-local offsets. */
  start: number;
  end: number;
}

/** More hits than anyone steps through; stops a one-letter query from building a huge list. */
export const MAX_HITS = 2000;

export function searchPages(pages: readonly string[], query: string): SearchHit[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  const hits: SearchHit[] = [];
  pages.forEach((text, index) => {
    if (hits.length >= MAX_HITS) return;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      hits.push({ page: index + 1, start: match.index, end: match.index + match[0].length });
      if (hits.length >= MAX_HITS) break;
    }
  });
  return hits;
}

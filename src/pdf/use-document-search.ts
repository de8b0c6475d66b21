import { useState } from 'preact/hooks';
import type { AnalysedPdf } from './analyse-pdf';
import type { DocumentView } from './document-view';
import { type SearchHit, searchPages } from './text-search';

/** Find-in-document state of the viewer: the query, its hits on every page, and the current one. */
export function useDocumentSearch(analysed: AnalysedPdf | null, view: { current: DocumentView | null }) {
  const [search, setSearch] = useState({ query: '', index: 0, hits: [] as SearchHit[] });
  const onSearch = (query: string) => {
    const hits = analysed
      ? searchPages(
          analysed.pages.map((p) => p.text),
          query,
        )
      : [];
    setSearch({ query, index: 0, hits });
    view.current?.setSearchHits(hits);
    const first = hits[0];
    if (first) void view.current?.revealHit(first);
  };
  const stepSearch = (direction: 1 | -1) => {
    if (search.hits.length === 0) return;
    const index = (search.index + direction + search.hits.length) % search.hits.length;
    setSearch({ ...search, index });
    const hit = search.hits[index];
    if (hit) void view.current?.revealHit(hit);
  };
  return {
    state: { query: search.query, index: search.index, total: search.hits.length },
    onSearch,
    stepSearch,
  };
}

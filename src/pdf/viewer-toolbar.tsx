import { useEffect, useState } from 'preact/hooks';
import { originalLink } from './viewer-url';

/**
 * The viewer's toolbar: where the PDF came from (copyable, "open original"), page navigation and
 * count, zoom, find-in-document and "Open file".
 */

export interface ToolbarProps {
  name: string;
  originalUrl: string | null;
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  scale: number;
  onZoom: (scale: number) => void;
  search: { query: string; index: number; total: number };
  onSearch: (query: string) => void;
  onSearchStep: (direction: 1 | -1) => void;
  onOpenFile: () => void;
  searchInput: { current: HTMLInputElement | null };
}

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

export function nextZoom(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > scale + 0.001) ?? scale;
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? scale;
}

export function ViewerToolbar(props: ToolbarProps) {
  const [copied, setCopied] = useState(false);
  const disabled = props.pageCount === 0;
  return (
    <header class="pl-toolbar">
      <div class="pl-source">
        <span class="pl-logo" aria-hidden="true">
          ◐
        </span>
        <div class="pl-source-text">
          <span class="pl-source-name" title={props.name}>
            {props.name}
          </span>
          {props.originalUrl ? (
            <span class="pl-source-url" data-original-url={props.originalUrl} title={props.originalUrl}>
              {props.originalUrl}
            </span>
          ) : null}
        </div>
        {props.originalUrl ? (
          <>
            <button
              type="button"
              class="pl-tool"
              onClick={() => {
                void navigator.clipboard.writeText(props.originalUrl ?? '').then(() => {
                  setCopied(true);
                  window.setTimeout(() => setCopied(false), 1500);
                });
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <a
              class="pl-tool"
              href={originalLink(props.originalUrl)}
              target="_blank"
              rel="noreferrer noopener"
            >
              Open original
            </a>
          </>
        ) : null}
      </div>
      <nav class="pl-tools" aria-label="Document">
        {disabled ? null : <DocumentTools {...props} />}
        <button type="button" class="pl-tool" onClick={props.onOpenFile}>
          Open file…
        </button>
      </nav>
    </header>
  );
}

/** Page navigation, zoom and find: only once a document is open. */
function DocumentTools(props: ToolbarProps) {
  const [pageInput, setPageInput] = useState(String(props.page));
  useEffect(() => setPageInput(String(props.page)), [props.page]);
  return (
    <>
      <form
        class="pl-pagenav"
        onSubmit={(event) => {
          event.preventDefault();
          const page = Number(pageInput);
          if (Number.isInteger(page) && page >= 1 && page <= props.pageCount) props.onPage(page);
          else setPageInput(String(props.page));
        }}
      >
        <button
          type="button"
          class="pl-tool"
          aria-label="Previous page"
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          ‹
        </button>
        <label>
          <span class="pl-visually-hidden">Page</span>
          <input
            class="pl-page-input"
            inputMode="numeric"
            value={pageInput}
            aria-label="Page number"
            onInput={(event) => setPageInput((event.target as HTMLInputElement).value)}
          />
        </label>
        <span class="pl-page-count" data-page-count={props.pageCount}>
          of {props.pageCount}
        </span>
        <button
          type="button"
          class="pl-tool"
          aria-label="Next page"
          disabled={props.page >= props.pageCount}
          onClick={() => props.onPage(props.page + 1)}
        >
          ›
        </button>
      </form>
      <fieldset class="pl-zoom">
        <legend class="pl-visually-hidden">Zoom</legend>
        <button
          type="button"
          class="pl-tool"
          aria-label="Zoom out"
          onClick={() => props.onZoom(nextZoom(props.scale, -1))}
        >
          −
        </button>
        <span class="pl-zoom-value" aria-live="polite">
          {Math.round(props.scale * 100)}%
        </span>
        <button
          type="button"
          class="pl-tool"
          aria-label="Zoom in"
          onClick={() => props.onZoom(nextZoom(props.scale, 1))}
        >
          +
        </button>
      </fieldset>
      <form
        class="pl-search"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSearchStep(1);
        }}
      >
        <input
          ref={(el) => {
            props.searchInput.current = el;
          }}
          type="search"
          placeholder="Find in document"
          aria-label="Find in document"
          value={props.search.query}
          onInput={(event) => props.onSearch((event.target as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && event.shiftKey) {
              event.preventDefault();
              props.onSearchStep(-1);
            }
          }}
        />
        <span class="pl-search-count" aria-live="polite">
          {props.search.query.trim()
            ? props.search.total === 0
              ? 'No matches'
              : `${props.search.index + 1} of ${props.search.total}`
            : ''}
        </span>
      </form>
    </>
  );
}

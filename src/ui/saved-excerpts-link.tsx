import { useEffect, useState } from 'preact/hooks';
import { sameDocumentUrl } from '../excerpts/document-excerpts';
import type { Excerpt } from '../excerpts/excerpt';
import { openExcerptsPage } from '../excerpts/excerpt-messages';
import { listExcerpts, onExcerptsChanged } from '../excerpts/excerpt-store';

/**
 * "Saved excerpts (N)" in the side panel: opens the excerpts page (through the background, which
 * owns opening it) and says how many excerpts come from the page the panel shows. The count follows
 * saves and deletes in any tab.
 */
export interface SavedExcerptsLinkProps {
  /** The URL of the page the panel shows (the report's `source`), when known. */
  pageUrl: string | null;
}

/** The button's words: this page's count when there is a page, and the total when they differ. */
export function savedExcerptsLabel(excerpts: readonly Excerpt[] | null, pageUrl: string | null): string {
  if (excerpts === null) return 'Saved excerpts';
  const total = excerpts.length;
  if (!pageUrl) return `Saved excerpts (${total})`;
  const here = excerpts.filter((e) => sameDocumentUrl(e.url, pageUrl)).length;
  return here === total
    ? `Saved excerpts (${total})`
    : `Saved excerpts (${here} from this page, ${total} in all)`;
}

export function SavedExcerptsLink({ pageUrl }: SavedExcerptsLinkProps) {
  const [excerpts, setExcerpts] = useState<Excerpt[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // A count we cannot read is left out; the button still opens the page, which explains the error.
    const reload = () =>
      listExcerpts().then(
        (list) => live && setExcerpts(list),
        () => live && setExcerpts(null),
      );
    void reload();
    const stop = onExcerptsChanged(() => void reload());
    return () => {
      live = false;
      stop();
    };
  }, []);

  const open = () => {
    setError(null);
    openExcerptsPage().catch((e: unknown) =>
      setError(`Could not open the saved excerpts: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <div class="pl-saved-excerpts">
      <button type="button" class="pl-link-button" onClick={open}>
        {savedExcerptsLabel(excerpts, pageUrl)} →
      </button>
      <div role="alert">{error ? <p class="pl-saved-excerpts-error">{error}</p> : null}</div>
    </div>
  );
}

export const savedExcerptsLinkCss = `
.pl-saved-excerpts { margin: 0 0 10px; }
.pl-link-button { font: 600 13px/1.4 var(--pl-font); color: var(--pl-focus); background: none; border: 0; padding: 2px 0;
  cursor: pointer; text-decoration: underline; text-underline-offset: 3px; text-align: left; }
.pl-link-button:hover { text-decoration-thickness: 2px; }
.pl-link-button:focus-visible { outline: 3px solid var(--pl-focus); outline-offset: 2px; border-radius: 2px; }
.pl-saved-excerpts-error { margin: 4px 0 0; color: var(--pl-red); font-size: 13px; }
`;

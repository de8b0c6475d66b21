import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Excerpt, ExcerptEdit } from '../excerpts/excerpt';
import { filterExcerpts, NO_FILTER, townsOf } from '../excerpts/excerpt-filter';
import {
  deleteExcerpt,
  type LoadedExcerpts,
  loadExcerpts,
  onExcerptsChanged,
  restoreExcerpt,
  updateExcerpt,
} from '../excerpts/excerpt-store';
import { importExcerptsFile } from '../excerpts/import-excerpts';
import { buildTownBrief } from '../excerpts/town-brief';
import { excerptCardCss } from './excerpt-card';
import { ExcerptDeleteAll, excerptDeleteAllCss } from './excerpt-delete-all';
import { ExcerptExports, excerptExportsCss } from './excerpt-exports';
import { ExcerptFilters, excerptFiltersCss } from './excerpt-filters';
import { ExcerptList, excerptListCss } from './excerpt-list';
import { ExcerptSideBySide, excerptSideBySideCss } from './excerpt-side-by-side';

/**
 * The excerpts page: every saved excerpt grouped by town and question, with filters, editing,
 * delete with undo (one, or all at once), exports and import. Storage errors are shown in an alert,
 * never swallowed.
 */

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ExcerptPage({ viewerUrl }: { viewerUrl: string }) {
  const [loaded, setLoaded] = useState<LoadedExcerpts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<Excerpt | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const [view, setView] = useState<'list' | 'side-by-side'>('list');
  const [briefTown, setBriefTown] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    const reload = () =>
      loadExcerpts().then(
        (result) => live && setLoaded(result),
        (e: unknown) => live && setError(message(e)),
      );
    void reload();
    const stop = onExcerptsChanged(() => void reload());
    return () => {
      live = false;
      stop();
    };
  }, []);

  const all = loaded?.excerpts ?? [];
  const towns = useMemo(() => townsOf(all), [all]);
  const shown = useMemo(() => filterExcerpts(all, filter), [all, filter]);
  const town = towns.includes(filter.town)
    ? filter.town
    : towns.includes(briefTown)
      ? briefTown
      : (towns[0] ?? '');

  useEffect(() => {
    // Arriving from "Save excerpt" elsewhere: bring that excerpt into view once it is listed.
    const id = location.hash.slice(1);
    if (id)
      document.querySelector(`[data-excerpt-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  }, [loaded !== null]);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(message(e));
    }
  };

  const onEdit = async (id: string, edit: ExcerptEdit) => {
    await run(async () => {
      await updateExcerpt(id, edit);
      setStatus('Changes saved.');
    });
  };
  const onDelete = (excerpt: Excerpt) =>
    run(async () => {
      setUndo(await deleteExcerpt(excerpt.id));
      setStatus('Excerpt deleted.');
      // The deleted card took the focus with it: keyboard users land on Undo.
      setTimeout(() => undoButton.current?.focus(), 0);
    });
  const onUndo = () =>
    run(async () => {
      if (!undo) return;
      await restoreExcerpt(undo);
      setUndo(null);
      setStatus('Excerpt restored.');
    });
  const onImport = (text: string) =>
    run(async () => {
      const { added, replaced } = await importExcerptsFile(text);
      setStatus(
        `Imported ${added} new ${added === 1 ? 'excerpt' : 'excerpts'}${replaced ? `, updated ${replaced}` : ''}.`,
      );
    });

  return (
    <main class="pl-excerpt-page">
      <h1>Saved excerpts</h1>
      <p class="pl-lede">
        Passages you saved from police policies, as evidence for meetings, council sessions and letters. They
        stay in this browser; back them up with “Back up all excerpts”.
      </p>
      <div class="pl-alert" role="alert">
        {error ? <p>{error}</p> : null}
      </div>
      <div class="pl-status" role="status">
        {status ? <span>{status}</span> : null}
        {undo ? (
          <button type="button" class="pl-button" ref={undoButton} onClick={onUndo}>
            Undo delete of “{undo.quote.slice(0, 60)}
            {undo.quote.length > 60 ? '…' : ''}”
          </button>
        ) : null}
      </div>
      {loaded && loaded.unreadable.length > 0 ? (
        <details class="pl-unreadable">
          <summary>
            {loaded.unreadable.length} saved {loaded.unreadable.length === 1 ? 'excerpt' : 'excerpts'} could
            not be read. They are kept as they are.
          </summary>
          <ul>
            {loaded.unreadable.map((u) => (
              <li key={u.key}>
                {u.reason}
                <pre>{JSON.stringify(u.raw, null, 2)}</pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ExcerptExports
        all={all}
        shown={shown}
        towns={towns}
        town={town}
        onTown={setBriefTown}
        onImport={onImport}
      />
      {loaded === null ? (
        <p aria-busy="true">Loading the saved excerpts…</p>
      ) : all.length === 0 ? (
        <p class="pl-empty">
          No excerpts yet. On a policy page or PDF, open a red or green passage and press “Save excerpt”, or
          select any text and choose “Save excerpt” from the right-click menu.
        </p>
      ) : (
        <>
          <ExcerptFilters filter={filter} towns={towns} onChange={setFilter} />
          <fieldset class="pl-view-switch">
            <legend class="pl-visually-hidden">View</legend>
            <button
              type="button"
              class="pl-button"
              aria-pressed={view === 'list'}
              onClick={() => setView('list')}
            >
              List
            </button>
            <button
              type="button"
              class="pl-button"
              aria-pressed={view === 'side-by-side'}
              onClick={() => setView('side-by-side')}
            >
              Side by side with the model language
            </button>
          </fieldset>
          <p class="pl-count" aria-live="polite">
            Showing {shown.length} of {all.length}.
          </p>
          {view === 'list' ? (
            <ExcerptList excerpts={shown} viewerUrl={viewerUrl} onEdit={onEdit} onDelete={onDelete} />
          ) : (
            <ExcerptSideBySide brief={buildTownBrief(town, shown)} />
          )}
        </>
      )}
      {loaded ? (
        <ExcerptDeleteAll all={all} unreadable={loaded.unreadable.length} onError={setError} />
      ) : null}
    </main>
  );
}

export const excerptPageCss = `
body { margin: 0; background: var(--pl-surface-2); color: var(--pl-text); font: 14px/1.5 var(--pl-font); }
.pl-excerpt-page { max-width: 60rem; margin: 0 auto; padding: 20px 24px 60px; }
.pl-excerpt-page h1 { font-size: 26px; margin: 0 0 4px; }
.pl-lede { color: var(--pl-muted); margin: 0 0 14px; }
.pl-alert p { margin: 0 0 12px; padding: 8px 12px; border-radius: 8px; background: var(--pl-red-soft); color: var(--pl-red);
  border: 2px solid var(--pl-red); font-weight: 600; }
.pl-status { display: flex; gap: 10px; align-items: center; min-height: 1.5em; margin: 0 0 10px; }
.pl-view-switch { display: flex; gap: 8px; margin: 0 0 8px; border: 0; padding: 0; }
.pl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.pl-view-switch [aria-pressed=true] { background: var(--pl-focus); color: var(--pl-on-focus); border-color: var(--pl-focus); }
.pl-unreadable { margin: 0 0 12px; } .pl-unreadable pre { white-space: pre-wrap; font-size: 12px; }
${excerptCardCss}
${excerptFiltersCss}
${excerptListCss}
${excerptExportsCss}
${excerptSideBySideCss}
${excerptDeleteAllCss}
`;

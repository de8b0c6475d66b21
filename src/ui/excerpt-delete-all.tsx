import { useEffect, useRef, useState } from 'preact/hooks';
import { exportExcerptsJson } from '../excerpts/annotation-export';
import { downloadText } from '../excerpts/download';
import type { Excerpt } from '../excerpts/excerpt';
import {
  deleteAllExcerpts,
  restoreExcerptRecords,
  type StoredExcerptRecords,
} from '../excerpts/excerpt-store';

/**
 * "Delete all saved excerpts…": a two-step button (the first press only opens the confirmation, so a
 * stray click or Enter deletes nothing) that offers a JSON backup first, then deletes every excerpt
 * record in one storage call and offers Undo while the page stays open, for UNDO_MINUTES.
 */

/** How long Undo is offered. Long enough to notice a mistake; the records are only held in this page. */
export const UNDO_MINUTES = 10;

export interface ExcerptDeleteAllProps {
  /** Every readable excerpt: counted, and what the backup holds. */
  all: Excerpt[];
  /** Stored records the extension cannot read: deleted too, but not in the backup (so said). */
  unreadable: number;
  onError: (message: string | null) => void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function ExcerptDeleteAll({ all, unreadable, onError }: ExcerptDeleteAllProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [backedUp, setBackedUp] = useState(false);
  const [undo, setUndo] = useState<{ records: StoredExcerptRecords; count: number } | null>(null);
  const [status, setStatus] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const count = all.length + unreadable;

  useEffect(() => {
    if (confirming) firstChoice.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => {
      setUndo(null);
      setStatus(`The deleted excerpts can no longer be brought back from this page.`);
    }, UNDO_MINUTES * 60_000);
    return () => clearTimeout(timer);
  }, [undo]);

  const cancel = () => {
    setConfirming(false);
    setBackedUp(false);
    setTimeout(() => opener.current?.focus(), 0);
  };

  const attempt = async (action: () => Promise<void>) => {
    onError(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const backup = () => {
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`policy-lens-excerpts-${day}.json`, exportExcerptsJson(all), 'application/ld+json');
    setBackedUp(true);
  };

  const deleteAll = () =>
    attempt(async () => {
      const records = await deleteAllExcerpts();
      const deleted = Object.keys(records).length;
      setConfirming(false);
      setBackedUp(false);
      setUndo({ records, count: deleted });
      setStatus(`Deleted ${plural(deleted, 'saved excerpt')}.`);
      // The confirmation (and the focus in it) is gone: keyboard users land on Undo.
      setTimeout(() => undoButton.current?.focus(), 0);
    });

  const restore = () =>
    attempt(async () => {
      if (!undo) return;
      await restoreExcerptRecords(undo.records);
      setStatus(`Restored ${plural(undo.count, 'excerpt')}.`);
      setUndo(null);
    });

  if (count === 0 && !undo && !status) return null;
  return (
    <section class="pl-delete-all" aria-labelledby="pl-delete-all-heading">
      <h2 id="pl-delete-all-heading">Delete everything</h2>
      <div class="pl-delete-all-status" role="status">
        {status ? <span>{status}</span> : null}
        {undo ? (
          <button type="button" class="pl-button" ref={undoButton} onClick={restore} disabled={busy}>
            Undo: bring back all {plural(undo.count, 'excerpt')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        // Escape anywhere in the confirmation cancels it; every control in it is a real button.
        <fieldset
          class="pl-delete-all-confirm"
          aria-labelledby="pl-delete-all-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <p id="pl-delete-all-question">
            <strong>Delete all {plural(count, 'saved excerpt')} from this browser?</strong> You can undo this
            for {UNDO_MINUTES} minutes while this page stays open; after that only a backup brings them back.
            {unreadable > 0
              ? ` ${plural(unreadable, 'record')} that could not be read ${unreadable === 1 ? 'is' : 'are'} deleted too and ${unreadable === 1 ? 'is' : 'are'} not in the backup.`
              : ''}
          </p>
          <div class="pl-export-row">
            <button
              type="button"
              class="pl-button"
              ref={firstChoice}
              onClick={backup}
              disabled={all.length === 0}
            >
              {backedUp ? 'Backup downloaded ✓ (download again)' : 'First, download a backup (JSON)'}
            </button>
            <button type="button" class="pl-button pl-button-delete-all" onClick={deleteAll} disabled={busy}>
              Yes, delete all {plural(count, 'excerpt')}
            </button>
            <button type="button" class="pl-button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : count > 0 ? (
        <button
          type="button"
          class="pl-button pl-button-danger"
          ref={opener}
          onClick={() => setConfirming(true)}
        >
          Delete all saved excerpts…
        </button>
      ) : null}
    </section>
  );
}

export const excerptDeleteAllCss = `
.pl-delete-all { margin: 32px 0 0; padding: 10px 14px; border: 1px dashed var(--pl-red); border-radius: var(--pl-radius); }
.pl-delete-all h2 { font-size: 15px; margin: 0 0 8px; }
.pl-delete-all-status { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
.pl-delete-all-status:not(:empty) { margin: 0 0 10px; }
.pl-delete-all-confirm { border: 0; margin: 0; padding: 0; min-width: 0; }
.pl-delete-all-confirm p { margin: 0 0 10px; }
.pl-button-delete-all { background: var(--pl-red); border-color: var(--pl-red); color: #fff; }
.pl-button-delete-all:hover { background: var(--pl-red); filter: brightness(1.1); }
`;

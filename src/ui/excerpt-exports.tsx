import { useState } from 'preact/hooks';
import { exportExcerptsJson } from '../excerpts/annotation-export';
import { briefHtml } from '../excerpts/brief-html';
import { briefMarkdown } from '../excerpts/brief-markdown';
import { downloadText, fileSlug } from '../excerpts/download';
import type { Excerpt } from '../excerpts/excerpt';
import { excerptsCsv } from '../excerpts/excerpts-csv';
import { letterDraft } from '../excerpts/letter-draft';
import { meetingSummary } from '../excerpts/meeting-summary';
import { sideBySideHtml } from '../excerpts/side-by-side';
import { buildTownBrief } from '../excerpts/town-brief';

/**
 * Export buttons (files are made in the page and downloaded through a Blob URL: nothing is sent
 * anywhere) and the import of a JSON export.
 */
export interface ExcerptExportsProps {
  all: Excerpt[];
  shown: Excerpt[];
  towns: string[];
  /** The town the briefs are for (chosen here; the page also shows the side-by-side for it). */
  town: string;
  onTown: (town: string) => void;
  onImport: (fileText: string) => Promise<void>;
}

export function ExcerptExports({ all, shown, towns, town, onTown, onImport }: ExcerptExportsProps) {
  const [importing, setImporting] = useState(false);
  const day = new Date().toISOString().slice(0, 10);
  const slug = fileSlug(town);
  const brief = () => buildTownBrief(town, all);
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    try {
      await onImport(await file.text());
    } finally {
      setImporting(false);
      input.value = '';
    }
  };
  return (
    <section class="pl-excerpt-exports" aria-labelledby="pl-exports-heading">
      <h2 id="pl-exports-heading">Export and import</h2>
      <div class="pl-export-row">
        <button
          type="button"
          class="pl-button"
          disabled={all.length === 0}
          onClick={() =>
            downloadText(`policy-lens-excerpts-${day}.json`, exportExcerptsJson(all), 'application/ld+json')
          }
        >
          Back up all excerpts (JSON)
        </button>
        <button
          type="button"
          class="pl-button"
          disabled={shown.length === 0}
          onClick={() => downloadText(`policy-lens-excerpts-${day}.csv`, excerptsCsv(shown), 'text/csv')}
        >
          Spreadsheet of the excerpts shown (CSV)
        </button>
        <label class="pl-button pl-import">
          {importing ? 'Importing…' : 'Import a JSON backup…'}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={importing}
            onChange={(e) => void readFile(e.currentTarget)}
          />
        </label>
      </div>
      {towns.length > 0 ? (
        <div class="pl-export-row">
          <label>
            For the town{' '}
            <select value={town} onChange={(e) => onTown(e.currentTarget.value)}>
              {towns.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="pl-button"
            onClick={() => downloadText(`${slug}-brief.md`, briefMarkdown(brief()), 'text/markdown')}
          >
            Brief (Markdown)
          </button>
          <button
            type="button"
            class="pl-button"
            onClick={() => downloadText(`${slug}-brief.html`, briefHtml(brief()), 'text/html')}
          >
            Printable brief (HTML)
          </button>
          <button
            type="button"
            class="pl-button"
            onClick={() => downloadText(`${slug}-meeting-summary.txt`, meetingSummary(brief()), 'text/plain')}
          >
            Meeting summary
          </button>
          <button
            type="button"
            class="pl-button"
            onClick={() => downloadText(`${slug}-letter-draft.txt`, letterDraft(brief()), 'text/plain')}
          >
            Letter to the editor (draft)
          </button>
          <button
            type="button"
            class="pl-button"
            onClick={() => downloadText(`${slug}-side-by-side.html`, sideBySideHtml(brief()), 'text/html')}
          >
            Side by side (HTML)
          </button>
        </div>
      ) : null}
    </section>
  );
}

export const excerptExportsCss = `
.pl-excerpt-exports { margin: 0 0 16px; padding: 10px 14px; border: 1px solid var(--pl-border); border-radius: var(--pl-radius); }
.pl-excerpt-exports h2 { font-size: 15px; margin: 0 0 8px; }
.pl-export-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.pl-export-row select { font: 14px var(--pl-font); padding: 4px 6px; }
.pl-import { position: relative; }
.pl-import input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
.pl-import:focus-within { outline: 3px solid var(--pl-focus); outline-offset: 2px; }
`;

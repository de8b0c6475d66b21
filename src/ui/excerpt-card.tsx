import { useState } from 'preact/hooks';
import type { QuestionId } from '../engine/report';
import type { Excerpt, ExcerptEdit } from '../excerpts/excerpt';
import { collapseWhitespace } from '../excerpts/shorten';
import { sourceLink } from '../excerpts/source-link';
import { placeOf } from '../excerpts/town-brief';
import { ExcerptQuestionOptions } from './excerpt-question-options';
import { FlagIcon } from './flag-icon';

/** One saved excerpt on the excerpts page: the quote, where it is, the note, and edit/delete. */

export interface ExcerptCardProps {
  excerpt: Excerpt;
  /** browser.runtime.getURL('/viewer.html'), for PDF links. */
  viewerUrl: string;
  onEdit: (id: string, edit: ExcerptEdit) => Promise<void>;
  onDelete: (excerpt: Excerpt) => void;
}

export const FLAG_NAMES: Record<Excerpt['flag'], string> = {
  red: 'Red flag',
  green: 'Green flag',
  note: 'Note',
};
const ICON: Record<Excerpt['flag'], 'red' | 'green' | 'excerpt'> = {
  red: 'red',
  green: 'green',
  note: 'excerpt',
};

function EditForm({
  excerpt,
  onDone,
  onEdit,
}: { excerpt: Excerpt; onDone: () => void } & Pick<ExcerptCardProps, 'onEdit'>) {
  const [question, setQuestion] = useState<string>(excerpt.question === null ? '' : String(excerpt.question));
  const [flag, setFlag] = useState<Excerpt['flag']>(excerpt.flag);
  const [town, setTown] = useState(excerpt.town ?? '');
  const [note, setNote] = useState(excerpt.note);
  const [busy, setBusy] = useState(false);
  const id = `pl-edit-${excerpt.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onEdit(excerpt.id, {
        question: question === '' ? null : (Number(question) as QuestionId),
        flag,
        town: town.trim() === '' ? null : town.trim(),
        note,
      });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="pl-excerpt-edit" onSubmit={submit}>
      <label for={`${id}-q`}>Question</label>
      <select id={`${id}-q`} value={question} onChange={(e) => setQuestion(e.currentTarget.value)}>
        <ExcerptQuestionOptions />
      </select>
      <label for={`${id}-f`}>Flag</label>
      <select id={`${id}-f`} value={flag} onChange={(e) => setFlag(e.currentTarget.value as Excerpt['flag'])}>
        <option value="red">Red flag</option>
        <option value="green">Green flag</option>
        <option value="note">Note only</option>
      </select>
      <label for={`${id}-t`}>Town or department</label>
      <input id={`${id}-t`} type="text" value={town} onInput={(e) => setTown(e.currentTarget.value)} />
      <label for={`${id}-n`}>Note</label>
      <textarea id={`${id}-n`} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="pl-excerpt-actions">
        <button type="submit" class="pl-button pl-button-primary" disabled={busy}>
          Save changes
        </button>
        <button type="button" class="pl-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ExcerptCard({ excerpt, viewerUrl, onEdit, onDelete }: ExcerptCardProps) {
  const [editing, setEditing] = useState(false);
  const place = placeOf(excerpt);
  const headingId = `pl-excerpt-${excerpt.id}`;
  return (
    <article
      class={`pl-excerpt pl-excerpt-${excerpt.flag}`}
      data-excerpt-id={excerpt.id}
      aria-labelledby={headingId}
    >
      <header class="pl-excerpt-head">
        <span class={`pl-chip pl-chip-${excerpt.flag}`} id={headingId}>
          <FlagIcon kind={ICON[excerpt.flag]} />
          <span>{FLAG_NAMES[excerpt.flag]}</span>
        </span>
        <span class="pl-excerpt-where">
          {[place, excerpt.title ?? excerpt.url].filter(Boolean).join(' · ')}
        </span>
      </header>
      <blockquote class="pl-excerpt-quote">{collapseWhitespace(excerpt.quote)}</blockquote>
      {excerpt.explanation ? <p class="pl-excerpt-why">{excerpt.explanation}</p> : null}
      {excerpt.note && !editing ? (
        <p class="pl-excerpt-usernote">
          <strong>Note: </strong>
          {excerpt.note}
        </p>
      ) : null}
      {editing ? <EditForm excerpt={excerpt} onEdit={onEdit} onDone={() => setEditing(false)} /> : null}
      <footer class="pl-excerpt-actions">
        <a class="pl-button" href={sourceLink(excerpt, viewerUrl)} target="_blank" rel="noopener noreferrer">
          Open at the passage
        </a>
        {editing ? null : (
          <button type="button" class="pl-button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" class="pl-button pl-button-danger" onClick={() => onDelete(excerpt)}>
          Delete
        </button>
        <span class="pl-excerpt-date">Saved {excerpt.created.slice(0, 10)}</span>
      </footer>
    </article>
  );
}

export const excerptCardCss = `
.pl-excerpt { background: var(--pl-surface); border: 1px solid var(--pl-border); border-radius: var(--pl-radius);
  padding: 12px 14px; margin: 0 0 10px; border-left: 5px solid var(--pl-border); }
.pl-excerpt-red { border-left: 5px dashed var(--pl-red); }
.pl-excerpt-green { border-left: 6px double var(--pl-green); }
.pl-excerpt-usernote { margin: 0 0 8px; }
.pl-excerpt-head { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 6px; }
.pl-chip-note { color: var(--pl-mixed); background: var(--pl-mixed-soft); }
.pl-excerpt-where, .pl-excerpt-date { color: var(--pl-muted); font-size: 12px; }
.pl-excerpt-date { margin-left: auto; }
.pl-excerpt-quote { margin: 0 0 8px; padding: 6px 10px; background: var(--pl-surface-2); border-radius: 0 6px 6px 0; }
.pl-excerpt-why { margin: 0 0 8px; font-size: 13px; color: var(--pl-muted); }
.pl-excerpt-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.pl-excerpt-actions a.pl-button { text-decoration: none; display: inline-block; }
.pl-button-danger { color: var(--pl-red); }
.pl-excerpt-edit { display: grid; grid-template-columns: max-content 1fr; gap: 6px 10px; align-items: center;
  margin: 0 0 10px; }
.pl-excerpt-edit .pl-excerpt-actions { grid-column: 1 / -1; }
.pl-excerpt-edit input, .pl-excerpt-edit select, .pl-excerpt-edit textarea { font: inherit; padding: 4px 6px;
  border: 1px solid var(--pl-border); border-radius: 6px; background: var(--pl-surface); color: var(--pl-text); }
`;

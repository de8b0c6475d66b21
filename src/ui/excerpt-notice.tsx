import { useEffect, useState } from 'preact/hooks';
import type { QuestionId } from '../engine/report';
import type { Excerpt, ExcerptEdit } from '../excerpts/excerpt';
import { collapseWhitespace } from '../excerpts/shorten';
import { ExcerptQuestionOptions } from './excerpt-question-options';
import { FlagIcon } from './flag-icon';

/**
 * The excerpts corner on a policy page or PDF: right after a save, a small form to pick the question,
 * red/green/note and a note; and the saved excerpts that could not be found on this version of the
 * document, listed with their quotes (never silently dropped). Announced to screen readers.
 */

export interface ExcerptNoticeProps {
  /** The excerpt just saved (its form is shown), or null. */
  saved: Excerpt | null;
  /** Saved excerpts of this document placed and painted. */
  placed: number;
  notFound: Excerpt[];
  error: string | null;
  onEdit: (id: string, edit: ExcerptEdit) => Promise<void>;
  onOpenExcerpts: (id?: string) => void;
  onCloseSaved: () => void;
}

function SavedForm({
  saved,
  onEdit,
  onOpenExcerpts,
  onCloseSaved,
}: Omit<ExcerptNoticeProps, 'notFound' | 'error' | 'placed'> & { saved: Excerpt }) {
  const [question, setQuestion] = useState(saved.question === null ? '' : String(saved.question));
  const [flag, setFlag] = useState(saved.flag);
  const [note, setNote] = useState(saved.note);
  const [done, setDone] = useState(false);
  const quote = collapseWhitespace(saved.quote);
  useEffect(() => {
    setQuestion(saved.question === null ? '' : String(saved.question));
    setFlag(saved.flag);
    setNote(saved.note);
    setDone(false);
  }, [saved.id]);
  const submit = async (event: Event) => {
    event.preventDefault();
    await onEdit(saved.id, {
      question: question === '' ? null : (Number(question) as QuestionId),
      flag,
      note,
    });
    setDone(true);
  };
  return (
    <form class="pl-notice-saved" onSubmit={submit} aria-label="Saved excerpt">
      <p class="pl-notice-title">
        <FlagIcon kind="excerpt" /> <strong>Excerpt saved.</strong>{' '}
        <span class="pl-notice-quote">
          “{quote.length > 90 ? `${quote.slice(0, 90).trimEnd()}…` : quote}”
        </span>
      </p>
      <label>
        Question
        <select value={question} onChange={(e) => setQuestion(e.currentTarget.value)}>
          <ExcerptQuestionOptions />
        </select>
      </label>
      <fieldset>
        <legend>Flag</legend>
        {(['red', 'green', 'note'] as const).map((value) => (
          <label key={value} class="pl-notice-radio">
            <input
              type="radio"
              name="pl-flag"
              value={value}
              checked={flag === value}
              onChange={() => setFlag(value)}
            />
            {value === 'red' ? 'Red flag' : value === 'green' ? 'Green flag' : 'Note only'}
          </label>
        ))}
      </fieldset>
      <label>
        Note
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="pl-notice-actions">
        <button type="submit" class="pl-button pl-button-primary">
          {done ? 'Saved ✓' : 'Save'}
        </button>
        <button type="button" class="pl-button" onClick={() => onOpenExcerpts(saved.id)}>
          All excerpts
        </button>
        <button type="button" class="pl-button" onClick={onCloseSaved}>
          Close
        </button>
      </div>
    </form>
  );
}

export function ExcerptNotice(props: ExcerptNoticeProps) {
  const [showMissing, setShowMissing] = useState(false);
  const [hidden, setHidden] = useState(false);
  const { notFound, error, saved } = props;
  const missingLine =
    notFound.length > 0
      ? `${notFound.length} saved ${notFound.length === 1 ? 'excerpt was' : 'excerpts were'} not found on this version of the page.`
      : '';
  return (
    <div class="pl-notice" data-placed={props.placed} data-not-found={notFound.length}>
      <div role="alert">{error ? <p class="pl-notice-error">{error}</p> : null}</div>
      <div role="status" class="pl-visually-hidden">
        {props.placed > 0 ? `${props.placed} saved excerpts marked on this page. ` : ''}
        {missingLine}
      </div>
      {saved ? <SavedForm {...props} saved={saved} /> : null}
      {notFound.length > 0 && !hidden ? (
        <section class="pl-notice-missing" aria-label="Saved excerpts not found">
          <p>
            <strong>{missingLine}</strong>{' '}
            <button
              type="button"
              class="pl-button"
              aria-expanded={showMissing}
              onClick={() => setShowMissing(!showMissing)}
            >
              {showMissing ? 'Hide' : 'Show them'}
            </button>{' '}
            <button type="button" class="pl-button" onClick={() => setHidden(true)}>
              Dismiss
            </button>
          </p>
          {showMissing ? (
            <ul>
              {notFound.map((excerpt) => (
                <li key={excerpt.id} data-excerpt-id={excerpt.id}>
                  <blockquote>{collapseWhitespace(excerpt.quote)}</blockquote>
                  <span class="pl-notice-meta">
                    Saved {excerpt.created.slice(0, 10)}
                    {excerpt.section ? `, section ${excerpt.section}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const excerptNoticeCss = `
.pl-notice { position: fixed; left: 16px; bottom: 16px; z-index: 2147483646; max-width: min(420px, calc(100vw - 32px));
  font: 14px/1.45 var(--pl-font); color: var(--pl-text); display: flex; flex-direction: column; gap: 8px; }
.pl-notice > form, .pl-notice > section, .pl-notice-error { background: var(--pl-surface); border-radius: var(--pl-radius);
  box-shadow: var(--pl-shadow); padding: 10px 12px; margin: 0; border-top: 4px solid var(--pl-mixed); }
.pl-notice-error { border-top-color: var(--pl-red); color: var(--pl-red); font-weight: 600; }
.pl-notice-title { margin: 0 0 6px; display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.pl-notice-quote { color: var(--pl-muted); font-style: italic; }
.pl-notice label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--pl-muted); margin-bottom: 6px; }
.pl-notice label.pl-notice-radio { flex-direction: row; align-items: center; gap: 4px; color: var(--pl-text); font-size: 13px; }
.pl-notice fieldset { border: 0; padding: 0; margin: 0 0 6px; display: flex; gap: 10px; flex-wrap: wrap; }
.pl-notice legend { font-size: 12px; color: var(--pl-muted); padding: 0; margin-bottom: 2px; }
.pl-notice select, .pl-notice textarea { font: 13px var(--pl-font); color: var(--pl-text); background: var(--pl-surface);
  border: 1px solid var(--pl-border); border-radius: 6px; padding: 4px 6px; }
.pl-notice-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.pl-notice-actions .pl-button-primary { margin-left: 0; }
.pl-notice-missing ul { margin: 6px 0 0; padding-left: 18px; max-height: 40vh; overflow: auto; }
.pl-notice-missing blockquote { margin: 0; }
.pl-notice-meta { font-size: 12px; color: var(--pl-muted); }
.pl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

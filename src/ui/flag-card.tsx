import type { Flag, FlagColour, QuestionId } from '../engine/report';
import { FlagIcon } from './flag-icon';
import { FLAG_WORDS } from './flag-style';

/** Language the guide holds up as a model (Bedford, Brookline), to ask a department for instead. */
export interface ModelLanguage {
  source: string;
  text: string;
}

export interface FlagCardProps {
  flag: Flag;
  /** The question as the guide asks it, e.g. "Are officers allowed to share information with ICE?". */
  questionText: string;
  /** Short name of the question (the report's `title`). */
  questionTitle: string;
  /** Model language for this question; shown under red flags as "ask for this instead". */
  modelLanguage: readonly ModelLanguage[];
  /**
   * The guide's green-flag criteria in plain words: shown under a red flag instead of model language
   * when the guide quotes none for this question (e.g. question 5).
   */
  greenCriteria?: string;
  /** 1-based position of this flag among all passages of the document, in reading order. */
  position?: { index: number; total: number };
  /** Other questions flagging the very same passage (Next steps through them). */
  alsoFlagged?: readonly { question: QuestionId; flag: FlagColour }[];
  /** Label of recognised Lexipol boilerplate this passage lies in, if any. */
  lexipolLabel?: string | null;
  onPrevious?: () => void;
  onNext?: () => void;
  /** Wired by the excerpts feature; the button is hidden without it, and always for absence flags. */
  onSave?: (flag: Flag) => void;
  /** Replaces the button's text after saving, e.g. "Saved". */
  saveLabel?: string;
  onClose?: () => void;
  /** Id for the heading, so a dialog can point `aria-labelledby` at it. */
  headingId?: string;
}

const QUOTE_LIMIT = 280;

/** The body of the popup opened on a flagged passage, also used in the PDF viewer. */
export function FlagCard(props: FlagCardProps) {
  const { flag, position } = props;
  const word = FLAG_WORDS[flag.flag];
  const quote =
    flag.quote.length > QUOTE_LIMIT ? `${flag.quote.slice(0, QUOTE_LIMIT).trimEnd()}…` : flag.quote;
  return (
    <article class={`pl-card pl-card-${flag.flag}`} data-flag={flag.flag} data-rule={flag.rule}>
      <header class="pl-card-head">
        <span class={`pl-chip pl-chip-${flag.flag}`}>
          <FlagIcon kind={flag.flag} />
          <span>{word}</span>
        </span>
        {position ? (
          <span class="pl-card-position">
            {position.index} of {position.total}
          </span>
        ) : null}
        {props.onClose ? (
          <button type="button" class="pl-icon-button" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        ) : null}
      </header>
      <h2 class="pl-card-question" id={props.headingId}>
        <span class="pl-card-qnum">Question {flag.question}</span> {props.questionText}
      </h2>
      {flag.absence ? null : <blockquote class="pl-card-quote">{quote}</blockquote>}
      <p class="pl-card-why">
        <strong>{flag.flag === 'red' ? 'Why this is a concern: ' : 'Why this is good: '}</strong>
        {flag.explanation}
      </p>
      {props.alsoFlagged && props.alsoFlagged.length > 0 ? (
        <p class="pl-card-also">
          Also flagged under{' '}
          {props.alsoFlagged.map((other) => `question ${other.question} (${other.flag})`).join(', ')}.
        </p>
      ) : null}
      {props.lexipolLabel ? (
        <p class="pl-card-lexipol">
          <FlagIcon kind="lexipol" size={16} />
          <span>Lexipol language: {props.lexipolLabel}</span>
        </p>
      ) : null}
      {flag.flag === 'red' && props.modelLanguage.length > 0 ? (
        <section class="pl-card-model" aria-label="Model language to ask for instead">
          <h3>Ask for this instead</h3>
          {props.modelLanguage.map((model) => (
            <figure key={model.source}>
              <blockquote>{model.text}</blockquote>
              <figcaption>{model.source}</figcaption>
            </figure>
          ))}
        </section>
      ) : flag.flag === 'red' && props.greenCriteria ? (
        <section class="pl-card-model" aria-label="What a strong policy says instead">
          <h3>Ask for this instead</h3>
          <p class="pl-card-criteria">{props.greenCriteria}</p>
          <p class="pl-card-criteria-source">What the guide counts as a green flag for this question</p>
        </section>
      ) : null}
      <p class="pl-card-rule">
        Rule <code>{flag.rule}</code>
        {flag.section ? <> · section {flag.section}</> : null}
      </p>
      <footer class="pl-card-actions">
        {props.onPrevious ? (
          <button type="button" class="pl-button" onClick={props.onPrevious} aria-label="Previous flag">
            ‹ Previous
          </button>
        ) : null}
        {props.onNext ? (
          <button type="button" class="pl-button" onClick={props.onNext} aria-label="Next flag">
            Next ›
          </button>
        ) : null}
        {/* A "not found" finding has no passage to quote or anchor: nothing to save, so no button. */}
        {props.onSave && !flag.absence ? (
          <button
            type="button"
            class="pl-button pl-button-primary"
            onClick={() => props.onSave?.(flag)}
            disabled={Boolean(props.saveLabel)}
          >
            {props.saveLabel ?? 'Save excerpt'}
          </button>
        ) : null}
      </footer>
    </article>
  );
}

export const flagCardCss = `
.pl-card { font: 14px/1.45 var(--pl-font); color: var(--pl-text); background: var(--pl-surface);
  border-radius: var(--pl-radius); padding: 14px 16px 12px; border-top: 5px solid var(--pl-border); }
.pl-card-red { border-top-color: var(--pl-red); border-top-style: dashed; }
.pl-card-green { border-top-color: var(--pl-green); border-top-style: double; border-top-width: 6px; }
.pl-card-head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.pl-chip { display: inline-flex; align-items: center; gap: 5px; font-weight: 650; font-size: 13px;
  padding: 2px 9px 2px 6px; border-radius: 999px; }
.pl-chip-red { color: var(--pl-red); background: var(--pl-red-soft); }
.pl-chip-green { color: var(--pl-green); background: var(--pl-green-soft); }
.pl-card-position { color: var(--pl-muted); font-size: 12px; }
.pl-icon-button { margin-left: auto; border: 0; background: transparent; color: var(--pl-muted);
  font: 22px/1 var(--pl-font); width: 30px; height: 30px; border-radius: 6px; cursor: pointer; }
.pl-icon-button:hover { background: var(--pl-surface-2); color: var(--pl-text); }
.pl-card-question { font-size: 15px; font-weight: 650; line-height: 1.35; margin: 4px 0 8px; }
.pl-card-qnum { display: block; font-size: 11px; letter-spacing: .06em; text-transform: uppercase;
  color: var(--pl-muted); font-weight: 600; }
.pl-card-quote { margin: 0 0 8px; padding: 6px 10px; border-left: 3px solid var(--pl-border);
  background: var(--pl-surface-2); border-radius: 0 6px 6px 0; font-style: italic; }
.pl-card-red .pl-card-quote { border-left: 3px dashed var(--pl-red); }
.pl-card-green .pl-card-quote { border-left: 4px double var(--pl-green); }
.pl-card-why { margin: 0 0 8px; }
.pl-card-also { margin: 0 0 8px; font-size: 13px; color: var(--pl-muted); }
.pl-card-lexipol { display: flex; gap: 6px; align-items: center; margin: 0 0 8px; color: var(--pl-lexipol);
  font-size: 13px; }
.pl-card-model { margin: 0 0 8px; padding: 8px 10px; background: var(--pl-green-soft); border-radius: 8px; }
.pl-card-model h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  color: var(--pl-green); }
.pl-card-model figure { margin: 0 0 6px; }
.pl-card-model blockquote { margin: 0; font-size: 13px; }
.pl-card-model figcaption, .pl-card-criteria-source { font-size: 12px; color: var(--pl-muted); margin: 2px 0 0; }
.pl-card-criteria { margin: 0; font-size: 13px; }
.pl-card-rule { margin: 0 0 10px; font-size: 12px; color: var(--pl-muted); }
.pl-card-rule code { font: 12px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.pl-card-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.pl-button { font: 600 13px/1 var(--pl-font); color: var(--pl-text); background: var(--pl-surface);
  border: 1px solid var(--pl-border); border-radius: 8px; padding: 8px 12px; cursor: pointer; }
.pl-button:hover { background: var(--pl-surface-2); }
.pl-button:disabled { opacity: .7; cursor: default; }
.pl-button-primary { margin-left: auto; background: var(--pl-focus); border-color: var(--pl-focus); color: var(--pl-on-focus); }
.pl-button-primary:hover { filter: brightness(1.08); background: var(--pl-focus); }
.pl-button:focus-visible, .pl-icon-button:focus-visible { outline: 3px solid var(--pl-focus); outline-offset: 2px; }
.pl-icon { flex: none; }
`;

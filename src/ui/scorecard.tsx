import type { Flag, QuestionId, QuestionResult, Report } from '../engine/report';
import { FlagIcon } from './flag-icon';
import { countPassages, hasPolicyText, questionsInGuideOrder, verdictLabel } from './report-view';

export type ScorecardState =
  | { status: 'loading'; message?: string }
  | { status: 'failed'; reason: string }
  /** Nothing to show until the reader acts (e.g. clicks the toolbar button on a page we may not read). */
  | { status: 'waiting'; message: string }
  | { status: 'ready'; report: Report };

export interface ScorecardProps {
  state: ScorecardState;
  /** Called when a passage button is pressed (scroll the page to it, open the PDF page…). */
  onPassage?: (flag: Flag) => void;
  /** The question as the guide asks it; the report's short title is shown when this gives nothing. */
  questionText?: (id: QuestionId) => string | undefined;
  /** Offered as "Try again" in the failed and no-policy states. */
  onRetry?: () => void;
}

const PASSAGE_LIMIT = 180;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > PASSAGE_LIMIT ? `${oneLine.slice(0, PASSAGE_LIMIT).trimEnd()}…` : oneLine;
}

/** The seven-question scorecard: one row per question of the guide, with the passages behind it. */
export function Scorecard({ state, onPassage, questionText, onRetry }: ScorecardProps) {
  if (state.status === 'loading') {
    return (
      <section class="pl-scorecard pl-state" data-state="loading" aria-busy="true">
        <div class="pl-spinner" aria-hidden="true" />
        <p role="status">{state.message ?? 'Reading the policy…'}</p>
      </section>
    );
  }
  if (state.status === 'waiting') {
    return (
      <section class="pl-scorecard pl-state" data-state="waiting">
        <p role="status">{state.message}</p>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section class="pl-scorecard pl-state" data-state="failed">
        <h2>Analysis failed</h2>
        <p role="alert">{state.reason}</p>
        {onRetry ? (
          <button type="button" class="pl-button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </section>
    );
  }
  const { report } = state;
  if (!hasPolicyText(report)) {
    return (
      <section class="pl-scorecard pl-state" data-state="no-policy">
        <h2>No policy text about immigration found</h2>
        <p>
          This page does not seem to contain a police policy on immigration enforcement
          {report.chars === 0 ? ' (it has no readable text)' : ''}. Open your department's policy page or PDF
          and try again.
        </p>
        {onRetry ? (
          <button type="button" class="pl-button" onClick={onRetry}>
            Analyse again
          </button>
        ) : null}
      </section>
    );
  }
  return (
    <section class="pl-scorecard" data-state="ready" aria-label="Seven-question scorecard">
      {report.title ? <h2 class="pl-doc-title">{report.title}</h2> : null}
      {report.lexipol.detected ? (
        <p class="pl-lexipol-badge" data-lexipol="detected">
          <FlagIcon kind="lexipol" />
          <span>
            Lexipol language recognised ({report.lexipol.passages.length}{' '}
            {report.lexipol.passages.length === 1 ? 'passage' : 'passages'}). The guide names Lexipol policies
            as weak models.
          </span>
        </p>
      ) : null}
      {report.warnings.length > 0 ? (
        <ul class="pl-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ol class="pl-rows">
        {questionsInGuideOrder(report).map((question) => (
          <QuestionRow
            key={question.id}
            question={question}
            text={questionText?.(question.id)}
            onPassage={onPassage}
          />
        ))}
      </ol>
    </section>
  );
}

function QuestionRow(props: { question: QuestionResult; text?: string; onPassage?: (flag: Flag) => void }) {
  const { question, onPassage } = props;
  // Several rules often flag the same sentence: the reader sees the passage once.
  const shown = distinctPassages(question.flags);
  const counts = countPassages(shown);
  const total = counts.red + counts.green;
  const headingId = `pl-q${question.id}`;
  const iconKind = question.verdict;
  return (
    <li
      class={`pl-row pl-verdict-${question.verdict}`}
      data-question={question.id}
      data-verdict={question.verdict}
      aria-labelledby={headingId}
    >
      <div class="pl-row-head">
        <span class="pl-row-num" aria-hidden="true">
          {question.id}
        </span>
        <h3 class="pl-row-title" id={headingId}>
          <span class="pl-visually-hidden">Question {question.id}: </span>
          {props.text ?? question.title}
        </h3>
        <span class={`pl-verdict pl-verdict-chip-${question.verdict}`}>
          <FlagIcon kind={iconKind} />
          <span>{verdictLabel(question)}</span>
          {total > 0 ? (
            <span class="pl-chip-count" title={`${counts.red} red, ${counts.green} green`}>
              <span aria-hidden="true">· </span>
              {counts.red > 0 && counts.green > 0 ? `${counts.red} red, ${counts.green} green` : total}
              <span class="pl-visually-hidden">{total === 1 ? ' passage' : ' passages'}</span>
            </span>
          ) : null}
        </span>
      </div>
      <p class="pl-row-reason">{question.verdictReason}</p>
      {shown.length > 0 ? (
        <ul class="pl-passages">
          {shown.map((flag, index) =>
            flag.absence ? (
              <li key={`absence-${index}`} class="pl-absence">
                <FlagIcon kind="red" size={16} />
                <span>
                  <span class="pl-visually-hidden">Red flag: </span>
                  {flag.quote}
                </span>
              </li>
            ) : (
              <li key={`${flag.rule}-${flag.start}`}>
                <button
                  type="button"
                  class={`pl-passage pl-passage-${flag.flag}`}
                  data-flag={flag.flag}
                  data-start={flag.start ?? undefined}
                  onClick={() => onPassage?.(flag)}
                  disabled={!onPassage}
                  title={flag.explanation}
                >
                  <FlagIcon kind={flag.flag} size={16} />
                  <span>
                    <span class="pl-visually-hidden">
                      {flag.flag === 'red' ? 'Red flag: ' : 'Green flag: '}
                    </span>
                    {flag.page !== null ? <span class="pl-page">p. {flag.page} </span> : null}
                    {shorten(flag.quote)}
                  </span>
                </button>
              </li>
            ),
          )}
        </ul>
      ) : null}
    </li>
  );
}

/** One flag per passage and colour (the first rule's), absence findings kept as they are. */
function distinctPassages(flags: readonly Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    if (flag.absence) return true;
    const key = `${flag.flag}:${flag.start}:${flag.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const scorecardCss = `
.pl-scorecard { font: 14px/1.45 var(--pl-font); color: var(--pl-text); }
.pl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.pl-state { padding: 24px 16px; text-align: center; }
.pl-state h2 { font-size: 16px; margin: 0 0 8px; }
.pl-state p { color: var(--pl-muted); margin: 0 0 12px; }
.pl-spinner { width: 28px; height: 28px; margin: 0 auto 12px; border-radius: 50%;
  border: 3px solid var(--pl-border); border-top-color: var(--pl-focus); animation: pl-spin 0.9s linear infinite; }
@keyframes pl-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .pl-spinner { animation: none; } }
.pl-doc-title { font-size: 15px; margin: 0 0 8px; font-weight: 650; }
.pl-lexipol-badge { display: flex; gap: 8px; align-items: flex-start; margin: 0 0 10px; padding: 8px 10px;
  border-radius: 8px; color: var(--pl-lexipol); background: var(--pl-lexipol-soft); font-size: 13px;
  border: 1px dotted var(--pl-lexipol); }
.pl-warnings { margin: 0 0 10px; padding: 8px 10px 8px 28px; background: var(--pl-mixed-soft);
  border-radius: 8px; font-size: 13px; }
.pl-rows { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.pl-row { background: var(--pl-surface); border: 1px solid var(--pl-border); border-left-width: 5px;
  border-radius: 8px; padding: 10px 12px; }
.pl-verdict-red { border-left-color: var(--pl-red); border-left-style: dashed; }
.pl-verdict-green { border-left-color: var(--pl-green); border-left-style: double; border-left-width: 6px; }
.pl-verdict-mixed { border-left-color: var(--pl-mixed); }
.pl-verdict-silent { border-left-color: var(--pl-silent); border-left-style: dotted; }
/* In a narrow column (the PDF viewer's) the verdict moves under the title rather than squeezing it
   to two words a line. */
.pl-row-head { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 4px 8px; }
.pl-row-num { flex: none; width: 22px; height: 22px; border-radius: 50%; background: var(--pl-surface-2);
  color: var(--pl-muted); font-size: 12px; font-weight: 700; display: grid; place-items: center; margin-top: 1px; }
.pl-row-title { flex: 1 1 12em; min-width: 0; font-size: 14px; font-weight: 600; margin: 0; line-height: 1.35; }
.pl-verdict { flex: none; display: inline-flex; align-items: center; gap: 4px; font-size: 12px; font-weight: 700;
  padding: 2px 8px 2px 5px; border-radius: 999px; white-space: nowrap; margin-left: auto; }
.pl-verdict-chip-red { color: var(--pl-red); background: var(--pl-red-soft); }
.pl-verdict-chip-green { color: var(--pl-green); background: var(--pl-green-soft); }
.pl-verdict-chip-mixed { color: var(--pl-mixed); background: var(--pl-mixed-soft); }
.pl-verdict-chip-silent { color: var(--pl-silent); background: var(--pl-silent-soft); }
.pl-chip-count { font-weight: 600; }
.pl-row-reason { margin: 6px 0 0 30px; font-size: 12.5px; color: var(--pl-muted); }
.pl-passages { list-style: none; margin: 6px 0 0 30px; padding: 0; display: grid; gap: 4px; }
.pl-passage, .pl-absence { display: flex; gap: 6px; align-items: flex-start; width: 100%; text-align: left;
  font: 13px/1.4 var(--pl-font); color: var(--pl-text); background: var(--pl-surface-2); border: 1px solid transparent;
  border-radius: 6px; padding: 5px 8px; box-sizing: border-box; }
.pl-passage { cursor: pointer; }
.pl-passage:hover { border-color: var(--pl-border); }
.pl-passage:disabled { cursor: default; }
.pl-passage:focus-visible { outline: 3px solid var(--pl-focus); outline-offset: 1px; }
.pl-passage-red .pl-icon, .pl-absence .pl-icon { color: var(--pl-red); margin-top: 1px; }
.pl-passage-green .pl-icon { color: var(--pl-green); margin-top: 1px; }
.pl-passage-red > span { text-decoration: underline wavy var(--pl-red); text-decoration-thickness: 1px;
  text-underline-offset: 3px; }
.pl-passage-green > span { text-decoration: underline double var(--pl-green); text-underline-offset: 3px; }
.pl-absence { font-style: italic; }
.pl-page { font-style: normal; font-weight: 600; color: var(--pl-muted); }
`;

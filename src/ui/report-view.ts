import type { Flag, QuestionResult, Report, Verdict } from '../engine/report';

/**
 * Read-only views of a Report that every surface needs in the same way (scorecard, page popups, PDF
 * viewer, badge). Surfaces never re-derive verdicts: these only order and count what the engine said.
 */

/** The seven questions in the guide's order, whatever order the report lists them in. */
export function questionsInGuideOrder(report: Report): QuestionResult[] {
  return [...report.questions].sort((a, b) => a.id - b.id);
}

/** Flags that point at a passage (not "silence" findings), in reading order; ties keep question order. */
export function passagesInReadingOrder(report: Report): Flag[] {
  const passages: Flag[] = [];
  for (const question of questionsInGuideOrder(report)) {
    for (const flag of question.flags) {
      if (!flag.absence && flag.start !== null && flag.end !== null) passages.push(flag);
    }
  }
  return passages.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
}

export interface FlagCounts {
  red: number;
  green: number;
}

/** Counts of passages by colour; "silence" findings are counted separately by `silentRedQuestions`. */
export function countPassages(flags: readonly Flag[]): FlagCounts {
  let red = 0;
  let green = 0;
  for (const flag of flags) {
    if (flag.absence) continue;
    if (flag.flag === 'red') red++;
    else green++;
  }
  return { red, green };
}

/** Number shown on the toolbar badge: red passages plus questions that are red through silence. */
export function redFlagCount(report: Report): number {
  let count = 0;
  for (const question of report.questions)
    for (const flag of question.flags) if (flag.flag === 'red') count++;
  return count;
}

/**
 * Whether the page holds any text about immigration enforcement at all. A page with no passage and no
 * Lexipol boilerplate is "not a policy" for the UI: showing three silence-is-red verdicts for a news
 * article would mislead.
 */
export function hasPolicyText(report: Report): boolean {
  return report.lexipol.detected || passagesInReadingOrder(report).length > 0;
}

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  red: 'Red',
  green: 'Green',
  mixed: 'Mixed',
  silent: 'Nothing found',
};

/** Short label of a question's verdict, naming silence-is-red verdicts as such ("Red: not addressed"). */
export function verdictLabel(question: QuestionResult): string {
  const silentRed = question.verdict === 'red' && question.flags.every((flag) => flag.absence);
  return silentRed ? 'Red: not addressed' : VERDICT_WORDS[question.verdict];
}

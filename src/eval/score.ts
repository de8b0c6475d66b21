import type { FlagColour, QuestionId, Report, Verdict } from '../engine/report';

/**
 * Scores reports against a labelled corpus (the format of shared/corpus: per document a card with the
 * expected answer per question, and labelled passages with question, colour and exact quote).
 * Pure: the CLI (`npm run eval`) reads the files and prints; the tests call these functions directly.
 *
 * - Verdict agreement: per document and question, the card's answer against the report's verdict.
 *   A card's "absent" is "silent", or "red" for questions whose silence the guide counts as red.
 *   A document the engine refuses as "not a policy on this" is scored as a report with no findings.
 * - Passage recall: a label is found when a flag of its question and colour overlaps its quote.
 * - Precision over distinct passages: each distinct (span, question, colour) the engine flags counts
 *   once however many rules raised it; it is right when it overlaps a label of that question and colour.
 * - False green: expected red or mixed, got green. False red: expected green, got red.
 */

export type CardAnswer = 'red' | 'green' | 'mixed' | 'absent';

export interface Label {
  question: QuestionId;
  flag: FlagColour;
  quote: string;
  why?: string;
}

export interface LabelledDocument {
  slug: string;
  /** The text handed to the engine (collector-note lines already removed). */
  text: string;
  card: Record<string, CardAnswer>;
  labels: Label[];
}

export interface PassageFinding {
  question: QuestionId;
  flag: FlagColour;
  start: number;
  end: number;
  quote: string;
}

export interface DocumentScore {
  slug: string;
  refused: boolean;
  verdicts: { question: QuestionId; expected: Verdict; got: Verdict }[];
  missed: Label[];
  found: Label[];
  /** Labels whose quote is not in the text (a label error, reported, never scored as found). */
  unplaced: Label[];
  extra: PassageFinding[];
  correct: PassageFinding[];
}

export const QUESTIONS: readonly QuestionId[] = [1, 2, 3, 4, 5, 6, 7];

/** The verdict a card's answer stands for, given whether the guide counts silence as red. */
export function expectedVerdict(answer: CardAnswer, silenceIsRed: boolean): Verdict {
  if (answer !== 'absent') return answer;
  return silenceIsRed ? 'red' : 'silent';
}

/** Distinct (span, question, colour) passages of a report; absence flags are not passages. */
export function distinctPassages(report: Report | null): PassageFinding[] {
  if (!report) return [];
  const seen = new Map<string, PassageFinding>();
  for (const q of report.questions) {
    for (const f of q.flags) {
      if (f.absence || f.start === null || f.end === null) continue;
      const key = `${f.start}:${f.end}:${q.id}:${f.flag}`;
      if (!seen.has(key))
        seen.set(key, { question: q.id, flag: f.flag, start: f.start, end: f.end, quote: f.quote });
    }
  }
  return [...seen.values()].sort((a, b) => a.start - b.start || a.question - b.question);
}

/** Where a label's quote sits in the text, or null when it does not occur. */
export function labelSpan(text: string, label: Label): { start: number; end: number } | null {
  const at = text.indexOf(label.quote);
  return at < 0 ? null : { start: at, end: at + label.quote.length };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** The verdict per question of a report, or of "no findings" when the engine refused the text. */
function verdictOf(report: Report | null, question: QuestionId, silenceIsRed: boolean): Verdict {
  const result = report?.questions.find((q) => q.id === question);
  if (result) return result.verdict;
  return silenceIsRed ? 'red' : 'silent';
}

export function scoreDocument(
  doc: LabelledDocument,
  report: Report | null,
  silenceIsRed: (q: QuestionId) => boolean,
): DocumentScore {
  const passages = distinctPassages(report);
  const placed = doc.labels.map((label) => ({ label, span: labelSpan(doc.text, label) }));
  const score: DocumentScore = {
    slug: doc.slug,
    refused: report === null,
    verdicts: QUESTIONS.map((question) => ({
      question,
      expected: expectedVerdict(doc.card[String(question)] ?? 'absent', silenceIsRed(question)),
      got: verdictOf(report, question, silenceIsRed(question)),
    })),
    missed: [],
    found: [],
    unplaced: [],
    extra: [],
    correct: [],
  };
  for (const { label, span } of placed) {
    if (!span) {
      score.unplaced.push(label);
      continue;
    }
    const hit = passages.some(
      (p) => p.question === label.question && p.flag === label.flag && overlaps(p, span),
    );
    (hit ? score.found : score.missed).push(label);
  }
  for (const p of passages) {
    const right = placed.some(
      ({ label, span }) =>
        span && label.question === p.question && label.flag === p.flag && overlaps(p, span),
    );
    (right ? score.correct : score.extra).push(p);
  }
  return score;
}

export interface QuestionTally {
  agree: number;
  total: number;
  found: number;
  labels: number;
  correct: number;
  flagged: number;
  falseGreens: number;
  falseReds: number;
}

export interface CorpusSummary {
  documents: number;
  all: QuestionTally;
  byQuestion: Map<QuestionId, QuestionTally>;
}

const emptyTally = (): QuestionTally => ({
  agree: 0,
  total: 0,
  found: 0,
  labels: 0,
  correct: 0,
  flagged: 0,
  falseGreens: 0,
  falseReds: 0,
});

export const isFalseGreen = (expected: Verdict, got: Verdict): boolean =>
  (expected === 'red' || expected === 'mixed') && got === 'green';
export const isFalseRed = (expected: Verdict, got: Verdict): boolean => expected === 'green' && got === 'red';

export function summarize(scores: readonly DocumentScore[]): CorpusSummary {
  const all = emptyTally();
  const byQuestion = new Map<QuestionId, QuestionTally>(QUESTIONS.map((q) => [q, emptyTally()]));
  const add = (q: QuestionId, f: (t: QuestionTally) => void) => {
    f(all);
    f(byQuestion.get(q)!);
  };
  for (const s of scores) {
    for (const v of s.verdicts) {
      add(v.question, (t) => {
        t.total++;
        if (v.expected === v.got) t.agree++;
        if (isFalseGreen(v.expected, v.got)) t.falseGreens++;
        if (isFalseRed(v.expected, v.got)) t.falseReds++;
      });
    }
    for (const l of s.found)
      add(l.question, (t) => {
        t.found++;
        t.labels++;
      });
    for (const l of s.missed) add(l.question, (t) => t.labels++);
    for (const p of s.correct)
      add(p.question, (t) => {
        t.correct++;
        t.flagged++;
      });
    for (const p of s.extra) add(p.question, (t) => t.flagged++);
  }
  return { documents: scores.length, all, byQuestion };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

/** One line: what `npm run eval` ends with (and what the before-stop hook quotes). */
export function summaryLine(summary: CorpusSummary): string {
  const t = summary.all;
  return (
    `${summary.documents} documents: verdicts ${pct(t.agree, t.total)} (${t.agree}/${t.total}), ` +
    `recall ${pct(t.found, t.labels)} (${t.found}/${t.labels}), ` +
    `precision ${pct(t.correct, t.flagged)} (${t.correct}/${t.flagged}), ` +
    `false greens ${t.falseGreens}, false reds ${t.falseReds}`
  );
}

/** Rows per question: verdicts, recall, precision, false greens and reds. */
export function questionTable(summary: CorpusSummary): string {
  const rows = ['Q  verdicts          recall            precision         FG FR'];
  for (const [q, t] of summary.byQuestion) {
    rows.push(
      `${q}  ${`${pct(t.agree, t.total)} ${t.agree}/${t.total}`.padEnd(18)}${`${pct(t.found, t.labels)} ${t.found}/${t.labels}`.padEnd(18)}` +
        `${`${pct(t.correct, t.flagged)} ${t.correct}/${t.flagged}`.padEnd(18)}${String(t.falseGreens).padEnd(3)}${t.falseReds}`,
    );
  }
  return rows.join('\n');
}

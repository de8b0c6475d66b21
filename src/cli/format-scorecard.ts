import { LEXIPOL_MARKER } from '../engine/analyze';
import type { Flag, QuestionResult, Report } from '../engine/report';
import { passagesInReadingOrder, questionsInGuideOrder } from '../ui/report-view';
import type { TerminalStyle } from './terminal-style';
import { FLAG_SYMBOLS, paintVerdict, VERDICT_SYMBOLS } from './verdict-symbols';

/**
 * The readable scorecard of one report for a terminal: a header, the seven questions with their
 * verdicts, then every flagged passage in reading order. Plain text first; colour only decorates.
 */

const QUOTE_LIMIT = 200;

/**
 * One line of a passage for the terminal: PDF quotes carry the page's line breaks and hyphenation
 * ("immi-\ngration"), which are joined for reading; then cut at a word near 200 characters.
 */
export function trimQuote(quote: string, limit = QUOTE_LIMIT): string {
  const flat = quote
    .replace(/([a-z])-[ \t]*\r?\n\s*([a-z])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** True when the question is red only because the policy says nothing (questions 4, 6, 7). */
export function isRedBySilence(question: QuestionResult): boolean {
  return question.verdict === 'red' && question.flags.length > 0 && question.flags.every((f) => f.absence);
}

function passageCount(question: QuestionResult): number {
  return question.flags.filter((f) => !f.absence).length;
}

/** "§ 413.3" for a section number, the heading itself otherwise. */
function sectionLabel(section: string): string {
  return /^\d/.test(section) ? `§ ${section}` : `“${section}”`;
}

function formatPassage(flag: Flag, style: TerminalStyle): string[] {
  const where = [`Q${flag.question} ${flag.flag}`];
  if (flag.page !== null) where.push(`page ${flag.page}`);
  if (flag.section) where.push(sectionLabel(flag.section));
  const head = paintVerdict(flag.flag, `${FLAG_SYMBOLS[flag.flag]} ${where.join(' · ')}`, style);
  return [`  ${head}  ${style.dim(`(${flag.rule})`)}`, `    “${trimQuote(flag.quote)}”`];
}

function formatQuestionRows(questions: QuestionResult[], style: TerminalStyle): string[] {
  const titleWidth = Math.max(8, ...questions.map((q) => q.title.length));
  const verdictWidth = 9;
  const lines = [
    style.bold(`  #  ${'Question'.padEnd(titleWidth)}  ${'Verdict'.padEnd(verdictWidth)}  Flags`),
  ];
  for (const question of questions) {
    const verdict = `${VERDICT_SYMBOLS[question.verdict]} ${question.verdict}`.padEnd(verdictWidth);
    const note = isRedBySilence(question) ? '  (silence counts as red)' : '';
    lines.push(
      `  ${question.id}  ${question.title.padEnd(titleWidth)}  ${paintVerdict(question.verdict, verdict, style)}  ${String(passageCount(question)).padStart(5)}${note}`,
    );
  }
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** " (3 boilerplate passages, manual notice on 40 pages)": a manual's footer repeats on every page. */
function lexipolDetail(report: Report): string {
  const passages = report.lexipol.passages;
  const notices = passages.filter((p) => p.fingerprint === LEXIPOL_MARKER.fingerprint);
  const boilerplate = passages.length - notices.length;
  const parts: string[] = [];
  if (boilerplate > 0) parts.push(plural(boilerplate, 'boilerplate passage'));
  if (notices.length > 0) {
    const pages = new Set(notices.map((n) => n.page).filter((p) => p !== null)).size;
    parts.push(pages > 1 ? `manual notice on ${plural(pages, 'page')}` : 'manual notice');
  }
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function formatHeader(report: Report, style: TerminalStyle): string[] {
  const facts: string[] = [];
  if (report.pages !== null) facts.push(`${report.pages} page${report.pages === 1 ? '' : 's'}`);
  facts.push(`${report.chars.toLocaleString('en-US')} characters`);
  if (report.lexipol.detected) facts.push(`Lexipol language detected${lexipolDetail(report)}`);
  const lines = [style.bold(report.source)];
  if (report.title) lines.push(`  ${report.title}`);
  lines.push(`  ${facts.join(' · ')}`);
  for (const warning of report.warnings) lines.push(style.yellow(`  warning: ${warning}`));
  return lines;
}

/** The whole scorecard of one report, lines joined with "\n" (no trailing newline). */
export function formatScorecard(report: Report, style: TerminalStyle): string {
  const questions = questionsInGuideOrder(report);
  const passages = passagesInReadingOrder(report);
  const lines = [...formatHeader(report, style), '', ...formatQuestionRows(questions, style), ''];
  if (passages.length === 0) {
    lines.push('  No passage of this policy matched a red- or green-flag rule.');
  } else {
    lines.push(style.bold(`  Flagged passages (${passages.length})`));
    for (const flag of passages) lines.push(...formatPassage(flag, style));
  }
  return lines.join('\n');
}

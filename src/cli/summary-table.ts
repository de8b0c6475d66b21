import type { Report } from '../engine/report';
import { countPassages, questionsInGuideOrder } from '../ui/report-view';
import type { TerminalStyle } from './terminal-style';
import { LEGEND, paintVerdict, VERDICT_SYMBOLS } from './verdict-symbols';

/** One row of the batch summary: a report, or the reason the file could not be analysed. */
export type SummaryRow = { file: string; report: Report } | { file: string; error: string };

const NAME_LIMIT = 48;

/** Keeps the end of a long path (the file name is the part that tells documents apart). */
function shortName(file: string): string {
  return file.length <= NAME_LIMIT ? file : `…${file.slice(file.length - NAME_LIMIT + 1)}`;
}

/**
 * The summary after a batch: one row per document with a symbol per question, red and green passage
 * counts and whether Lexipol language was found; failed files keep their row with the reason.
 */
export function formatSummaryTable(rows: SummaryRow[], style: TerminalStyle): string {
  const nameWidth = Math.max(8, ...rows.map((row) => shortName(row.file).length));
  const questionHeads = [1, 2, 3, 4, 5, 6, 7].map((id) => `Q${id}`).join(' ');
  const lines = [
    style.bold(`Summary: ${rows.length} document${rows.length === 1 ? '' : 's'}   (${LEGEND})`),
    style.bold(`${'Document'.padEnd(nameWidth)}  ${questionHeads}   Red Green  Lexipol`),
  ];
  for (const row of rows) {
    const name = shortName(row.file).padEnd(nameWidth);
    if ('error' in row) {
      lines.push(`${name}  ${style.red(`error: ${row.error}`)}`);
      continue;
    }
    const cells = questionsInGuideOrder(row.report).map((q) =>
      paintVerdict(q.verdict, VERDICT_SYMBOLS[q.verdict].padStart(2), style),
    );
    const { red, green } = countPassages(row.report.questions.flatMap((q) => q.flags));
    const lexipol = row.report.lexipol.detected ? 'yes' : 'no';
    lines.push(
      `${name}  ${cells.join(' ')}   ${String(red).padStart(3)} ${String(green).padStart(5)}  ${lexipol}`,
    );
  }
  return lines.join('\n');
}

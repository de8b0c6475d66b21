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

/** The folder every file is in ("tests/fixtures/policies/"), or "" when they share none. */
export function commonFolder(files: readonly string[]): string {
  if (files.length < 2) return '';
  let prefix = files[0]!.slice(0, files[0]!.lastIndexOf('/') + 1);
  for (const file of files) {
    while (prefix && !file.startsWith(prefix))
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix;
}

/**
 * The summary after a batch: one row per document with a symbol per question, red and green passage
 * counts and whether Lexipol language was found; failed files keep their row with the reason.
 */
export function formatSummaryTable(rows: SummaryRow[], style: TerminalStyle): string {
  // Files of one folder are named relative to it, so the names that tell them apart stay visible.
  const folder = commonFolder(rows.map((row) => row.file));
  const nameOf = (file: string) => shortName(file.slice(folder.length));
  const nameWidth = Math.max(8, ...rows.map((row) => nameOf(row.file).length));
  const questionHeads = [1, 2, 3, 4, 5, 6, 7].map((id) => `Q${id}`).join(' ');
  const count = `${rows.length} document${rows.length === 1 ? '' : 's'}${folder ? ` in ${folder}` : ''}`;
  const lines = [
    style.bold(`Summary: ${count}   (${LEGEND})`),
    style.bold(`${'Document'.padEnd(nameWidth)}  ${questionHeads}   Red Green  Lexipol`),
  ];
  for (const row of rows) {
    const name = nameOf(row.file).padEnd(nameWidth);
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

/**
 * `npm run eval -- <folder> [--as-pdf] [--quiet]`: scores the engine on a labelled folder (the format of
 * shared/corpus/docs; see src/eval/score.ts for what each figure means). Prints per-document verdict
 * mismatches, missed and extra passages, a table per question, and ends with one summary line.
 *
 * --as-pdf lays each document out as a manual-style PDF (hard wraps at the margin, a running head and a
 * page-numbered foot on every page), reads it back the way `analyze` reads a PDF, and reports every
 * verdict and passage where the PDF's findings differ from the text's. None may.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../src/engine/analyze';
import type { QuestionId, Report } from '../src/engine/report';
import { notAPolicyReason } from '../src/engine/warnings';
import { compareFindings, manualLayout } from '../src/eval/pdf-parity';
import { readLabelledFolder } from '../src/eval/read-corpus';
import { type DocumentScore, questionTable, scoreDocument, summarize, summaryLine } from '../src/eval/score';
import { defaultRuleBook } from '../src/rules/rule-book';
import { readPdfFile } from '../src/sources/node-pdf-file';
import { makePdf } from '../tests/helpers/pdf-writer';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const asPdf = args.includes('--as-pdf');
const quiet = args.includes('--quiet');
if (!folder) {
  process.stderr.write('usage: npm run eval -- <labelled folder> [--as-pdf] [--quiet]\n');
  process.exit(2);
}

const silenceIsRed = (q: QuestionId): boolean =>
  defaultRuleBook.questions.find((x) => x.id === q)?.silenceIsRed ?? false;

/** As `analyze` does: a text that is not a policy on this gets no scorecard. */
function reportOf(slug: string, text: string): Report | null {
  const report = analyze({ source: slug, title: null, text });
  return notAPolicyReason(report) ? null : report;
}

const clip = (s: string, n = 110): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function printDocument(s: DocumentScore): void {
  const wrong = s.verdicts.filter((v) => v.expected !== v.got);
  if (wrong.length === 0 && s.missed.length === 0 && s.extra.length === 0 && s.unplaced.length === 0) return;
  process.stdout.write(`\n## ${s.slug}${s.refused ? ' (refused: not a policy)' : ''}\n`);
  for (const v of wrong)
    process.stdout.write(`  Q${v.question} verdict: expected ${v.expected}, got ${v.got}\n`);
  for (const l of s.missed) process.stdout.write(`  missed Q${l.question} ${l.flag}: "${clip(l.quote)}"\n`);
  for (const p of s.extra) process.stdout.write(`  extra  Q${p.question} ${p.flag}: "${clip(p.quote)}"\n`);
  for (const l of s.unplaced)
    process.stdout.write(`  label not in text Q${l.question}: "${clip(l.quote)}"\n`);
}

async function pdfDifferences(
  dir: string,
  slug: string,
  text: string,
  fromText: Report | null,
): Promise<string[]> {
  const file = path.join(dir, `${slug}.pdf`);
  await writeFile(file, makePdf(manualLayout(text)));
  const loaded = await readPdfFile(file);
  const report = analyze(loaded.document);
  return compareFindings(fromText, notAPolicyReason(report) ? null : report);
}

async function main(): Promise<void> {
  const docs = await readLabelledFolder(folder!);
  const scores: DocumentScore[] = [];
  const dir = asPdf ? await mkdtemp(path.join(tmpdir(), 'policy-lens-eval-')) : '';
  let pdfDiffering = 0;
  try {
    for (const doc of docs) {
      const report = reportOf(doc.slug, doc.text);
      const score = scoreDocument(doc, report, silenceIsRed);
      scores.push(score);
      if (!quiet) printDocument(score);
      if (asPdf) {
        const diffs = await pdfDifferences(dir, doc.slug, doc.text, report);
        if (diffs.length > 0) {
          pdfDiffering++;
          process.stdout.write(`\n## ${doc.slug}: the PDF differs from the text\n`);
          for (const d of diffs) process.stdout.write(`  ${d}\n`);
        }
      }
    }
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  const summary = summarize(scores);
  process.stdout.write(`\n${questionTable(summary)}\n`);
  if (asPdf)
    process.stdout.write(`as PDF: ${pdfDiffering} of ${docs.length} documents differ from their text\n`);
  process.stdout.write(`${summaryLine(summary)}\n`);
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

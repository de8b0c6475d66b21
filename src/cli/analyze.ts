/**
 * `npm run analyze -- <file or folder> [more…] [--json]`: the engine on policy files, from a terminal.
 * Thin on purpose: sources read files, the engine makes reports, the formatters print them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../engine/analyze';
import type { Report } from '../engine/report';
import { notAPolicyReason } from '../engine/warnings';
import { readPolicyFile } from '../sources/node-policy-file';
import { SourceError } from '../sources/node-source-error';
import { parseArgs, USAGE, UsageError } from './cli-args';
import { collectInputs } from './collect-files';
import { formatScorecard } from './format-scorecard';
import { formatSummaryTable, type SummaryRow } from './summary-table';
import { styleFor } from './terminal-style';

const SAMPLE = fileURLToPath(new URL('../../samples/sample-policy.html', import.meta.url));

/** Reads and analyses one file; every failure becomes a one-line reason. */
async function analyzeFile(file: string): Promise<{ report: Report } | { error: string }> {
  try {
    const loaded = await readPolicyFile(file);
    const report = analyze(loaded.document);
    report.warnings.push(...loaded.warnings);
    const notAPolicy = notAPolicyReason(report);
    return notAPolicy ? { error: notAPolicy } : { report };
  } catch (error) {
    if (error instanceof SourceError) return { error: error.reason };
    return { error: `could not be analysed (${(error as Error).message ?? String(error)})` };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const inputs = args.inputs.length > 0 ? args.inputs : [path.relative(process.cwd(), SAMPLE) || SAMPLE];
  const batch = await collectInputs(inputs);
  const style = styleFor(process.stdout, process.env);
  const rows: SummaryRow[] = [];
  let failed = 0;
  for (const input of batch) {
    const result = input.error ? { error: input.error } : await analyzeFile(input.file);
    if ('error' in result) {
      failed++;
      process.stderr.write(`error: ${input.file}: ${result.error}\n`);
      rows.push({ file: input.file, error: result.error });
      continue;
    }
    rows.push({ file: input.file, report: result.report });
    if (args.json) process.stdout.write(`${JSON.stringify(result.report)}\n`);
    else process.stdout.write(`${formatScorecard(result.report, style)}\n\n`);
  }
  const isBatch = batch.length > 1 || batch.some((input) => input.fromFolder);
  if (!args.json && isBatch) process.stdout.write(`${formatSummaryTable(rows, style)}\n`);
  return failed > 0 ? 1 : 0;
}

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

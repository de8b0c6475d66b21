/**
 * `npm run bench [-- name …]`: runs the benchmarks, prints each table, and rewrites bench/RESULTS.md
 * with the machine they ran on. Each benchmark is its own file returning a BenchSection; add new ones
 * (browser painting, PDFs, bundle sizes, memory) to BENCHMARKS below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { engineBenchmark } from './engine';
import { describeMachine, type Machine } from './machine';
import type { BenchSection } from './measure';
import { pdfNodeBenchmark } from './pdf-node';

const BENCHMARKS: Record<string, () => BenchSection | Promise<BenchSection>> = {
  engine: engineBenchmark,
  'pdf-node': pdfNodeBenchmark,
};

function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

function plainTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').replaceAll('**', '').length)),
  );
  return rows
    .map((r) =>
      r
        .map((c, i) => c.replaceAll('**', '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function resultsMarkdown(machine: Machine, sections: BenchSection[]): string {
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); rerun it to refresh. Figures are medians; targets are',
    'judged on ratios against a baseline measured in the same run, so a busy machine moves both sides.',
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM`,
    `- Node ${machine.node}${machine.chromium ? `; ${machine.chromium}` : ''}`,
    `- Date: ${machine.date}; code: ${machine.revision}`,
    '',
    ...sections.flatMap((s) => [
      `## ${s.title}`,
      '',
      markdownTable(s.table),
      '',
      ...s.notes.map((n) => `- ${n}`),
      '',
    ]),
  ].join('\n');
}

const README = new URL('../README.md', import.meta.url);
const README_START = '<!-- BENCH:RESULTS -->';
const README_END = '<!-- /BENCH:RESULTS -->';

/** Copies the tables into README.md between its BENCH:RESULTS markers, so the README never goes stale. */
function updateReadme(machine: Machine, sections: BenchSection[]): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return;
  const block = [
    README_START,
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}:`,
    '',
    ...sections.flatMap((s) => [`**${s.title}**`, '', markdownTable(s.table), '']),
  ].join('\n');
  writeFileSync(README, readme.slice(0, start) + block + readme.slice(end));
}

async function main(): Promise<number> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((name) => !(name in BENCHMARKS));
  if (unknown.length) {
    process.stderr.write(
      `error: unknown benchmark ${unknown.join(', ')} (have: ${Object.keys(BENCHMARKS).join(', ')})\n`,
    );
    return 2;
  }
  const machine = describeMachine();
  process.stdout.write(`${machine.cpu} · ${machine.cores} cores · Node ${machine.node}\n\n`);
  const sections: BenchSection[] = [];
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only.length && !only.includes(name)) continue;
    const section = await run();
    sections.push(section);
    process.stdout.write(
      `${section.title}\n${plainTable(section.table)}\n${section.notes.map((n) => `  ${n}`).join('\n')}\n\n`,
    );
  }
  // A partial run must not throw away the other benchmarks' recorded figures.
  if (only.length === 0) {
    writeFileSync(new URL('./RESULTS.md', import.meta.url), resultsMarkdown(machine, sections));
    updateReadme(machine, sections);
    process.stdout.write('Wrote bench/RESULTS.md and the figures in README.md\n');
  }
  return sections.every((s) => s.ok) ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});

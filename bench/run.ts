/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or the named ones), prints each table, and
 * records them in bench/RESULTS.md and README.md with the machine and commit they ran on. Each
 * benchmark is its own file returning a BenchSection; add new ones (browser painting, bundle sizes,
 * memory) to BENCHMARKS below.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeMachine, type Machine } from './machine';
import type { BenchSection } from './measure';

// Loaded on demand, so one benchmark runs even while code only another one imports is being edited.
const BENCHMARKS: Record<string, () => Promise<BenchSection>> = {
  engine: async () => (await import('./engine')).engineBenchmark(),
  'pdf-node': async () => (await import('./pdf-node')).pdfNodeBenchmark(),
  // Builds the extension into .output-bench when missing and drives Chromium (PDF surface's file).
  'pdf-viewer': async () => (await import('./pdf')).pdfViewerBenchmark(),
  // Built extension in Chromium: our highlights vs mark.js on 5,000 passages, long tasks.
  paint: async () => (await import('./paint')).paintBenchmark(),
  // Built extension in Chromium: the automatic-mode check on a large page that is not a policy.
  'page-check': async () => (await import('./page-check')).pageCheckBenchmark(),
  bundle: async () => (await import('./bundle')).bundleBenchmark(),
  // The engine and every regular expression on hostile input, as ratios (the unit tests bound the work).
  hostile: async () => (await import('./hostile')).hostileBenchmark(),
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

/** One benchmark's block in RESULTS.md, between markers so a partial run replaces only its own. */
function sectionBlock(name: string, machine: Machine, section: BenchSection): string {
  return [
    `<!-- bench:${name} -->`,
    `## ${section.title}`,
    '',
    `Measured ${machine.date} on ${machine.cpu} (${machine.cores} cores, load average ${machine.load.toFixed(1)}), Node ${machine.node}${machine.chromium ? `, ${machine.chromium}` : ''}; code ${machine.revision}.`,
    '',
    markdownTable(section.table),
    '',
    ...section.notes.map((n) => `- ${n}`),
    `<!-- /bench:${name} -->`,
  ].join('\n');
}

/** The blocks already recorded in a RESULTS.md, by benchmark name. */
function recordedBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)) {
    blocks.set(match[1]!, match[0]);
  }
  return blocks;
}

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const README_START = '<!-- BENCH:RESULTS -->';
const README_END = '<!-- /BENCH:RESULTS -->';

function resultsMarkdown(blocks: Map<string, string>): string {
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); `npm run bench -- <name>` reruns one benchmark and replaces',
    'only its section. Figures are medians; targets are judged on ratios against a baseline measured in',
    'the same run, so a busy machine moves both sides.',
    '',
    ...Object.keys(BENCHMARKS).flatMap((name) => {
      const block = blocks.get(name);
      return block ? [block, ''] : [];
    }),
  ].join('\n');
}

/** Copies each section's title and table into README.md between its BENCH:RESULTS markers. */
function updateReadme(blocks: Map<string, string>): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return;
  const summary = Object.keys(BENCHMARKS).flatMap((name) => {
    const lines = blocks.get(name)?.split('\n') ?? [];
    const title = lines.find((l) => l.startsWith('## '))?.slice(3);
    const measured = lines.find((l) => l.startsWith('Measured '))?.match(/^Measured (\S{10})/)?.[1];
    const table = lines.filter((l) => l.startsWith('|'));
    return title ? [`**${title}** (${measured ?? 'date unknown'})`, '', ...table, ''] : [];
  });
  const block = [README_START, '', ...summary].join('\n');
  writeFileSync(README, readme.slice(0, start) + block + readme.slice(end));
}

/** Biome formats Markdown tables in the tree; format what we wrote so `npm run lint` stays clean. */
function formatMarkdown(files: string[]): void {
  execFileSync(
    fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url)),
    ['format', '--write', ...files],
    {
      stdio: 'ignore',
    },
  );
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
  process.stdout.write(
    `${machine.cpu} · ${machine.cores} cores · load ${machine.load.toFixed(1)} · Node ${machine.node}\n\n`,
  );
  const ran = new Map<string, BenchSection>();
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only.length && !only.includes(name)) continue;
    const section = await run();
    ran.set(name, section);
    process.stdout.write(
      `${section.title}\n${plainTable(section.table)}\n${section.notes.map((n) => `  ${n}`).join('\n')}\n\n`,
    );
  }
  // A partial run keeps the other benchmarks' recorded figures.
  const blocks = existsSync(RESULTS)
    ? recordedBlocks(readFileSync(RESULTS, 'utf8'))
    : new Map<string, string>();
  for (const [name, section] of ran) blocks.set(name, sectionBlock(name, machine, section));
  writeFileSync(RESULTS, resultsMarkdown(blocks));
  updateReadme(blocks);
  formatMarkdown([RESULTS, README]);
  process.stdout.write('Wrote bench/RESULTS.md and the figures in README.md\n');
  return [...ran.values()].every((s) => s.ok) ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});

/**
 * PDF analysis in Node (issue 6, item 3, for the command line): a generated 500-page manual read by
 * `readPdfFile` (pdf.js + the viewer's page-text assembly) and analysed, versus pdf.js's own
 * `getTextContent` of every page, the least any PDF analysis must do. Target: at most 1.15×.
 * The browser viewer's version of this ratio is measured by the PDF surface in Chromium.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { analyze } from '../src/engine/analyze';
import { readPdfFile } from '../src/sources/node-pdf-file';
import { STANDARD_FONT_DATA_URL } from '../tests/helpers/pdfjs-node';
import { makeManualPdf } from '../tests/helpers/policy-manual';
import { type BenchSection, formatMs, median } from './measure';

const PAGES = 500;
const TARGET_RATIO = 1.15;
const RUNS = 5;

async function pdfjsTextOnly(bytes: Uint8Array): Promise<number> {
  const task = getDocument({
    data: bytes.slice(),
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    let items = 0;
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
    return items;
  } finally {
    await task.destroy();
  }
}

async function ours(file: string): Promise<number> {
  const { document } = await readPdfFile(file);
  return analyze(document).questions.length;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function pdfNodeBenchmark(): Promise<BenchSection> {
  const bytes = makeManualPdf({ pages: PAGES });
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-bench-'));
  const file = path.join(dir, 'manual.pdf');
  await writeFile(file, bytes);
  try {
    // One warm-up of each, then alternate so that drift on a shared machine hits both sides alike.
    await pdfjsTextOnly(bytes);
    await ours(file);
    const baseline: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await timed(() => pdfjsTextOnly(bytes)));
      whole.push(await timed(() => ours(file)));
    }
    const ratio = median(whole) / median(baseline);
    const ok = ratio <= TARGET_RATIO;
    return {
      title: 'PDF analysis in Node (CLI)',
      table: [
        ['measure', 'result', 'target'],
        [`pdf.js getTextContent of all ${PAGES} pages (baseline)`, formatMs(median(baseline)), ''],
        [`read (file + pdf.js + page text) and analyse, ${PAGES} pages`, formatMs(median(whole)), ''],
        [
          'whole analysis ÷ text extraction',
          `**${ratio.toFixed(2)}×**`,
          `≤ ${TARGET_RATIO} ${ok ? '✓ met' : '✗ MISSED'}`,
        ],
      ],
      notes: [
        `Medians of ${RUNS} alternating runs after one warm-up each; generated manual of ${(bytes.length / 1e6).toFixed(1)} MB.`,
      ],
      ok,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

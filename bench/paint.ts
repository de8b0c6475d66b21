/**
 * Painting highlights in Chromium (issue 6, item 2). A generated policy page with 5,000 flaggable
 * passages is analysed by the BUILT extension (toolbar contract `policy-lens/analyze`, content script
 * injected as for a user), and we read in the page's own world:
 * - the content script's User Timing measures (`policy-lens:paint` = offsets → DOM Ranges → CSS
 *   highlights; `policy-lens:text-index`, `policy-lens:engine`), which share the page's timeline;
 * - the frame that first shows the highlights (a requestAnimationFrame loop, each frame followed by a
 *   0 ms timeout that runs once that frame's style, layout and paint are done);
 * - every long task (PerformanceObserver 'longtask') from the request until the report came back.
 * Then the same page is loaded afresh and mark.js (from node_modules, served by the local server)
 * wraps THE SAME ranges with `markRanges`: our highlight Ranges read back from `CSS.highlights` and
 * turned into mark.js's character offsets. Both sides run in the same browser session, alternating.
 *
 * Why the real extension rather than the painter bundled into a test page: the figure then includes
 * what the user's page really pays (isolated world, the real text index and report), and the long
 * tasks are those of the real analysis.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Report } from '../src/engine/report';
import { BENCH_OUT_DIR, ensureExtensionBuild } from './extension-build';
import { flaggablePolicyPage } from './generated-pages';
import { type BenchSection, formatMs, median } from './measure';

const PASSAGES = 5000;
const RUNS = 3;
const TARGET_PAINT_MS = 100;
const TARGET_VS_MARKJS = 10;
const LONG_TASK_MS = 50;

interface FrameWatch {
  /** Per frame: when its rAF ran, when its rendering was done, and how many ranges our highlights held. */
  frames: [raf: number, done: number, highlighted: number][];
  longTasks: { start: number; duration: number }[];
}

/** Starts the frame loop and the long-task observer in the page's main world. */
function watchFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const watch: FrameWatch = { frames: [], longTasks: [] };
    (globalThis as unknown as { benchWatch: FrameWatch }).benchWatch = watch;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        watch.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const loop = () => {
      const raf = performance.now();
      let highlighted = 0;
      for (const [name, highlight] of registry ?? [])
        if (name.startsWith('policy-lens')) highlighted += highlight.size;
      setTimeout(() => watch.frames.push([raf, performance.now(), highlighted]), 0);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

interface OurRun {
  paintMs: number;
  indexMs: number;
  engineMs: number;
  toScreenMs: number;
  /** The showing frame's own work (style, layout, paint of the highlights). */
  frameMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** Durations of the long tasks, in order. */
  longTaskList: number[];
}

async function runOurs(page: Page, analyse: () => Promise<unknown>): Promise<OurRun> {
  await watchFrames(page);
  const requested = await page.evaluate(() => performance.now());
  await analyse();
  const replied = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300); // let the frames after the paint land
  return page.evaluate(
    ({ requested, replied }) => {
      const watch = (globalThis as unknown as { benchWatch: FrameWatch }).benchWatch;
      const measure = (name: string) => performance.getEntriesByName(`policy-lens:${name}`, 'measure').at(-1);
      const paint = measure('paint');
      if (!paint) throw new Error('no policy-lens:paint measure: the content script did not paint');
      const paintEnd = paint.startTime + paint.duration;
      // The first frame after the paint whose highlights hold ranges is the one that shows them.
      const [frameStart, done] = watch.frames.find(([raf, , n]) => raf >= paintEnd && n > 0) ?? [
        Number.NaN,
        Number.NaN,
      ];
      // Until the report was back AND the frame showing the highlights was done, whichever is later.
      const until = Math.max(done, replied);
      const during = watch.longTasks.filter((t) => t.start >= requested && t.start <= until);
      return {
        paintMs: paint.duration,
        indexMs: measure('text-index')?.duration ?? Number.NaN,
        engineMs: measure('engine')?.duration ?? Number.NaN,
        toScreenMs: done - paint.startTime,
        frameMs: done - frameStart,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        longTasks: during.length,
        longTaskList: during.map((t) => Math.round(t.duration)),
      };
    },
    { requested, replied },
  );
}

/** The report's red and green passages, once each, in text order. */
function passagesOf(report: Report): string[] {
  const seen = new Set<string>();
  return report.questions
    .flatMap((q) => q.flags)
    .filter((f) => !f.absence && f.start !== null && f.end !== null)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
    .filter((f) => !seen.has(`${f.start}:${f.end}`) && seen.add(`${f.start}:${f.end}`))
    .map((f) => f.quote);
}

/**
 * The same passages as mark.js offsets: its text is every text node of the context outside
 * script/style, joined; each quote is found there in order (whitespace compared as spaces).
 */
function markJsRanges(page: Page, quotes: string[]): Promise<{ start: number; length: number }[]> {
  return page.evaluate((quotes) => {
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName;
      if (parent !== 'SCRIPT' && parent !== 'STYLE') text += (node as Text).data;
    }
    const flat = text.replace(/\s/g, ' ');
    const ranges: { start: number; length: number }[] = [];
    let from = 0;
    for (const quote of quotes) {
      const at = flat.indexOf(quote.replace(/\s/g, ' '), from);
      if (at < 0) continue;
      ranges.push({ start: at, length: quote.length });
      from = at + 1;
    }
    return ranges;
  }, quotes);
}

interface MarkJsRun {
  markMs: number;
  toScreenMs: number;
  marked: number;
  skipped: number;
}

async function runMarkJs(page: Page, ranges: { start: number; length: number }[]): Promise<MarkJsRun> {
  await watchFrames(page);
  return page.evaluate(async (ranges) => {
    type MarkJs = new (
      context: Element,
    ) => {
      markRanges(
        ranges: { start: number; length: number }[],
        options: { done: (marks: number) => void; noMatch: () => void },
      ): void;
    };
    const Mark = (globalThis as unknown as { Mark: MarkJs }).Mark;
    let marked = 0;
    let skipped = 0;
    const start = performance.now();
    new Mark(document.body).markRanges(ranges, {
      done: (count) => {
        marked = count;
      },
      noMatch: () => {
        skipped++;
      },
    });
    const end = performance.now();
    // The frame that shows the marks: mark.js changed the DOM, so it pays style and layout there.
    await new Promise<void>((resolve) => {
      const check = () => {
        const watch = (globalThis as unknown as { benchWatch: FrameWatch }).benchWatch;
        if (watch.frames.some(([raf]) => raf >= end)) resolve();
        else setTimeout(check, 10);
      };
      check();
    });
    const watch = (globalThis as unknown as { benchWatch: FrameWatch }).benchWatch;
    const done = watch.frames.find(([raf]) => raf >= end)?.[1] ?? Number.NaN;
    return { markMs: end - start, toScreenMs: done - start, marked, skipped };
  }, ranges);
}

export async function paintBenchmark(): Promise<BenchSection> {
  process.env.POLICY_LENS_EXT_DIR = ensureExtensionBuild();
  // Imported late: the harness reads POLICY_LENS_EXT_DIR when it loads.
  const { launchHarness } = await import('../tests/browser/harness');
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-paint-'));
  await writeFile(path.join(dir, 'paint.html'), flaggablePolicyPage(PASSAGES, ['/mark.min.js']));
  await copyFile(path.resolve('node_modules/mark.js/dist/mark.min.js'), path.join(dir, 'mark.min.js'));
  const h = await launchHarness({ fixtures: dir });
  // tsx names the functions we pass to page.evaluate through an `__name` helper the page lacks.
  await h.context.addInitScript('globalThis.__name ??= (f) => f');
  try {
    const ours: OurRun[] = [];
    const markjs: MarkJsRun[] = [];
    let ranges: { start: number; length: number }[] = [];
    // One warm-up run of each (caches, JIT), then alternate so drift hits both alike.
    for (let i = 0; i <= RUNS; i++) {
      const page = await h.openPage('paint.html');
      let report: Report | null = null;
      const run = await runOurs(page, async () => {
        report = await h.analyze(page);
      });
      await page.close();
      const plain = await h.openPage('paint.html');
      const passages = passagesOf(report ?? (await Promise.reject(new Error('no report'))));
      ranges = await markJsRanges(plain, passages);
      const theirs = await runMarkJs(plain, ranges);
      await plain.close();
      if (i === 0) continue;
      ours.push(run);
      markjs.push(theirs);
    }
    const med = <T>(runs: T[], pick: (run: T) => number) => median(runs.map(pick));
    const paintMs = med(ours, (r) => r.paintMs);
    const oursScreen = med(ours, (r) => r.toScreenMs);
    const markMs = med(markjs, (r) => r.markMs);
    const markScreen = med(markjs, (r) => r.toScreenMs);
    const painted = ranges.length;
    const longest = Math.max(...ours.map((r) => r.longestTaskMs));
    const speedup = markScreen / oursScreen;
    const paintOk = oursScreen < TARGET_PAINT_MS;
    const speedOk = speedup >= TARGET_VS_MARKJS;
    const longOk = longest <= LONG_TASK_MS;
    const verdict = (ok: boolean) => (ok ? '✓ met' : '✗ MISSED');
    return {
      title: 'Painting highlights in Chromium',
      table: [
        ['measure', 'result', 'target'],
        [`our paint of ${painted} passages: offsets → Ranges → CSS highlights`, formatMs(paintMs), ''],
        [
          '… until the frame showing them is done',
          `**${formatMs(oursScreen)}**`,
          `< ${TARGET_PAINT_MS} ms ${verdict(paintOk)}`,
        ],
        ['  of which the frame itself (style, layout, paint)', formatMs(med(ours, (r) => r.frameMs)), ''],
        ['mark.js markRanges of the same ranges', formatMs(markMs), ''],
        ['… until the frame showing them is done', formatMs(markScreen), ''],
        [
          'mark.js ÷ ours (to the frame)',
          `**${speedup.toFixed(1)}×**`,
          `≥ ${TARGET_VS_MARKJS}× ${verdict(speedOk)}`,
        ],
        [
          'longest main-thread task while analysing',
          `**${formatMs(longest)}**`,
          `≤ ${LONG_TASK_MS} ms ${verdict(longOk)}`,
        ],
        ['  long tasks per analysis (median)', String(med(ours, (r) => r.longTasks)), ''],
        ['  page text index (content script)', formatMs(med(ours, (r) => r.indexMs)), ''],
        [
          '  engine (in the background, message round trip included)',
          formatMs(med(ours, (r) => r.engineMs)),
          '',
        ],
      ],
      notes: [
        `Built extension (${BENCH_OUT_DIR}) in headless Chromium; a generated page of ${PASSAGES} paragraphs, each with one flaggable sentence (some crossing links and emphasis); medians of ${RUNS} alternating runs after one warm-up each, every run on a freshly loaded page.`,
        `mark.js made ${markjs[0]?.marked ?? 0} elements for the ${painted} red and green passages of our report (${markjs[0]?.skipped ?? 0} skipped), found in its text by their quotes.`,
        'Ours paints only the passages within a screen of the viewport and adds the others as they scroll near (src/highlight/near-viewport.ts); mark.js wraps all of them at once.',
        `Long tasks are counted from the analysis request until the report is back and the highlights are on screen (content script injection included); per run, in ms: ${ours.map((r) => r.longTaskList.join(' + ') || 'none').join('; ')}.`,
        'Before/after (2026-11-28, long tasks): the page text index (35-60 ms), the paint (60-85 ms), the IntersectionObserver’s first answer for 5,000 elements (50+ ms) and the report’s sends (Chromium converting the 5,000-flag object value by value, 25-70 ms each, twice) were single tasks; now the index walk and the paint run in ~8 ms slices with scheduler.yield between them (src/sources/dom-text.ts, src/page/paint-report.ts, src/page/yield-to-page.ts), the observer’s entries are applied in slices (src/highlight/near-viewport.ts), and the report leaves the page as JSON text made once (~5 ms) and sent in a task of its own (entrypoints/content.ts, reportOf in src/messages.ts). Longest task before, load 0.5: 79 ms (per run 56; 79 + 62; 58); after, three benchmark calls at load 1.9-2.1: per run 55; none; none, then none; none; none, then 79; none; 93, then 69; none; 61 + 52: half the runs now have no long task, but one or two of 52-93 ms remain in the others, so the target is still missed.',
        'What that remaining task is (long-animation-frame entries and User Timing, 2026-11-28; with one extra core-hogging process it shows in most runs, 56-105 ms): the whole-page restyle when the ::highlight stylesheet is adopted (a long-animation-frame entry of ~90 ms whose time is rendering, right after the index), evaluating content.js (~40 ms, more under load), and sending the report text (~20-35 ms).',
        'Before/after (2026-11-28): highlights on screen 404-672 ms → 79-86 ms (the frame that showed them took 376-441 ms with all 5,625 ranges registered → 14-32 ms with only those near the viewport; the report is sent after that frame).',
        'Before/after (2026-11-28): the engine ran in the content script, one task of 373-529 ms on this page (longest task 529-616 ms); it now runs in the background (src/page/setup-page-engine.ts) and the page only waits for the reply.',
      ],
      ok: paintOk && speedOk && longOk,
    };
  } finally {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Engine throughput (issue 6, item 1): the whole analysis of a generated ~3 MB / 1,000-page manual,
 * as MB/s and as a ratio against the floor — ONE plain RegExp scan of the same text for a single
 * phrase. Also the latency on one ordinary policy page, which is what a user waits for most often.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/engine/analyze';
import type { PolicyDocument } from '../src/engine/document';
import { originalText } from '../src/engine/document';
import { makeManual, manualPageTexts } from '../tests/helpers/policy-manual';
import { type BenchSection, formatMs, time } from './measure';

/** Issue 2 / issue 6 target for the engine on one core. */
const TARGET_MB_PER_S = 20;
const ENGINE_WARMUP = 6;

export function engineBenchmark(): BenchSection {
  const manual = makeManual({ pages: 1000 });
  const doc: PolicyDocument = {
    source: 'generated-manual.pdf',
    title: 'Generated manual',
    pages: manualPageTexts(manual),
  };
  const text = originalText(doc).text;
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;

  // The first analysis in a fresh process pays for compiling the engine: shown, not judged. V8 keeps
  // optimising the engine's long loops over the next few runs (measured: 450 → 150 ms by the 6th), so
  // the throughput is judged after ENGINE_WARMUP runs, when the figure has settled.
  const coldStart = performance.now();
  analyze(doc);
  const coldMs = performance.now() - coldStart;
  const engine = time(() => analyze(doc), { warmup: ENGINE_WARMUP, runs: 9 });
  // The floor: what any analysis of the text must at least cost — reading all of it once.
  const phrase = /federal immigration officials/gi;
  const floor = time(() => text.match(phrase)?.length ?? 0, { warmup: 3, runs: 15 });

  const report = analyze(doc);
  const flagged = report.questions.flatMap((q) => q.flags).filter((f) => !f.absence);

  const smallText = readFileSync('tests/fixtures/policies/lexipol-style.txt', 'utf8');
  const small = time(() => analyze({ source: 'lexipol-style.txt', title: null, text: smallText }), {
    warmup: 20,
    runs: 51,
  });

  const mbPerS = megabytes / (engine.medianMs / 1000);
  // Judged on CPU time: on this shared machine the load often exceeds the cores, and wall time then
  // counts other processes' turns; on an idle machine the two agree.
  const mbPerCpuS = megabytes / (engine.medianCpuMs / 1000);
  const ratio = engine.medianMs / floor.medianMs;
  const cpuRatio = engine.medianCpuMs / floor.medianCpuMs;
  const ok = mbPerCpuS >= TARGET_MB_PER_S;
  return {
    title: 'Engine throughput (Node)',
    table: [
      ['measure', 'result', 'target'],
      [
        `whole analysis, ${manual.pages.length}-page manual (${megabytes.toFixed(2)} MB)`,
        `${formatMs(engine.medianMs)} wall → ${mbPerS.toFixed(1)} MB/s`,
        '',
      ],
      [
        '  same, CPU time of one analysis',
        `${formatMs(engine.medianCpuMs)} → **${mbPerCpuS.toFixed(1)} MB/s**`,
        `≥ ${TARGET_MB_PER_S} MB/s ${ok ? '✓ met' : '✗ MISSED'}`,
      ],
      ['  first analysis in a fresh process (compiling included)', formatMs(coldMs), ''],
      [
        'one RegExp scan for one phrase (floor)',
        `${formatMs(floor.medianMs)} wall, ${formatMs(floor.medianCpuMs)} CPU`,
        '',
      ],
      ['engine ÷ floor', `${ratio.toFixed(1)}× wall, ${cpuRatio.toFixed(1)}× CPU`, ''],
      [
        `one ordinary policy (${(smallText.length / 1000).toFixed(1)} k characters)`,
        formatMs(small.medianMs),
        '',
      ],
    ],
    notes: [
      `Medians of ${engine.runs} runs after ${ENGINE_WARMUP + 1} warm-up runs (floor: ${floor.runs} runs; small policy: ${small.runs} runs).`,
      'Before/after (2026-11-28, engine-speed fixes in src/engine/: trie walked through typed arrays, "..." parts joined in reused buffers, rules indexed by group, segment bounds and forms read while cached, word table in typed arrays, one reused Lexipol footer window, sized hit list, cheaper rule-book compile): CPU time of one analysis 226 ms (13.1 MB/s; 13.1–19.4 MB/s over earlier runs) → 119–142 ms (21–25 MB/s) in this benchmark over runs at load 1.8–5 on this box (98–128 ms in a bundled driver), wall 110–120 ms at low load (25–27 MB/s) (CPU time also counts V8’s parallel GC threads, so at low load it exceeds wall time); first analysis 500–660 → 346–541 ms; flags identical on every fixture, eval sentence and this manual; the PDF ratio (pdf-node) 1.18× → 1.09×.',
      `The manual holds ${flagged.length} flagged passages and ${report.lexipol.passages.length} Lexipol passages${report.warnings.length ? `; engine warnings: ${report.warnings.join('; ')}` : ''}.`,
    ],
    ok,
  };
}

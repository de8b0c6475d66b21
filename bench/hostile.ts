/**
 * Hostile input (issue 11): the time limits the unit tests used to have, as ratios measured here. The
 * unit tests bound the WORK done on hostile input (tests/helpers/work-counter.ts); this benchmark shows
 * what that work costs in time, judged against a baseline measured in the same run, so a busy machine
 * moves both sides.
 *
 * - The engine on each hostile text (tests/helpers/hostile-text.ts) ÷ the engine on an ordinary
 *   generated manual, per megabyte. A quadratic path would be hundreds of times slower on a megabyte.
 * - Every regular expression written in src/ on inputs made of its own characters (the inputs
 *   rule-patterns.test.ts used), at its full length (20,000 characters, or its audited bound) ÷ at a
 *   quarter of it: a linear expression takes about four times as long for four times the input, a
 *   quadratic one sixteen times.
 * - guessTown on a 1 MB title ÷ on a 300-character one: the title is cut before any pattern runs.
 */
import path from 'node:path';
import { analyze } from '../src/engine/analyze';
import { originalText, type PolicyDocument } from '../src/engine/document';
import { guessTown } from '../src/excerpts/town';
import { gapTooFarText, HOSTILE_DOCUMENTS } from '../tests/helpers/hostile-text';
import { makeManual, manualPageTexts } from '../tests/helpers/policy-manual';
import { alphabetOf, findRegexes } from '../tests/unit/security/regex-audit';
import { AUDITED } from '../tests/unit/security/regex-audited';
import { type BenchSection, formatMs, time } from './measure';

/** Hostile text may cost this many times an ordinary manual per megabyte. */
const ENGINE_TARGET = 5;
/** Four times the input may multiply a regular expression's time by this much (linear 4, quadratic 16). */
const GROWTH_TARGET = 7;
/** Expressions faster than this on their full-length inputs are too quick to time reliably. */
const TIMEABLE_MS = 2;

function regexInputs(source: string, flags: string, length: number): string[] {
  const alphabet = alphabetOf(source, flags);
  return [
    ...alphabet.map((c) => `${c.repeat(length)}\u0000`),
    ...alphabet.flatMap((a) => alphabet.slice(0, 6).map((b) => `${(a + b).repeat(length / 2)}\u0000`)),
    `${'Aa '.repeat(length / 3)}!`,
    `${'1.'.repeat(length / 2)}x`,
  ].map((input) => input.slice(0, length));
}

/** Runs the expression over each input as the code does (every match for a global one), allocating nothing. */
function runAll(regex: RegExp, inputs: string[]): number {
  let hits = 0;
  for (const input of inputs) {
    regex.lastIndex = 0;
    if (!regex.global) {
      if (regex.test(input)) hits++;
      continue;
    }
    let from = 0;
    while (regex.test(input)) {
      hits++;
      // An empty match leaves lastIndex where it was: step past it, as String.prototype.match does.
      if (regex.lastIndex === from) regex.lastIndex++;
      from = regex.lastIndex;
      if (from > input.length) break;
    }
  }
  return hits;
}

/**
 * Time on the full-length inputs, and its ratio to the quarter-length ones. The two are measured in turn
 * (so a change in the machine's load hits both) and the fastest of the runs is kept: on a shared
 * machine, noise only ever adds time, and short runs are mostly noise.
 */
function growthOf(regex: RegExp, full: string[], quarter: string[]): { fullMs: number; growth: number } {
  let fullMs = Number.POSITIVE_INFINITY;
  let quarterMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 9; run++) {
    fullMs = Math.min(fullMs, time(() => runAll(regex, full), { warmup: 0, runs: 1 }).minMs);
    quarterMs = Math.min(quarterMs, time(() => runAll(regex, quarter), { warmup: 0, runs: 1 }).minMs);
  }
  return { fullMs, growth: fullMs / quarterMs };
}

export function hostileBenchmark(): BenchSection {
  const rows: string[][] = [['measure', 'result', 'target']];
  const notes: string[] = [];
  let ok = true;

  // The engine: CPU ms per megabyte, hostile ÷ ordinary.
  const manual: PolicyDocument = {
    source: 'manual.pdf',
    title: null,
    pages: manualPageTexts(makeManual({ pages: 300 })),
  };
  const perMb = (doc: PolicyDocument, runs: number) => {
    const megabytes = originalText(doc).text.length / 1e6;
    return time(() => analyze(doc), { warmup: 2, runs }).medianCpuMs / megabytes;
  };
  const baseline = perMb(manual, 7);
  rows.push([
    `engine on an ordinary ${manual.pages!.length}-page manual (baseline)`,
    `${formatMs(baseline)} CPU per MB`,
    '',
  ]);
  const gap = gapTooFarText();
  const documents: [string, PolicyDocument][] = [
    ...Object.entries(HOSTILE_DOCUMENTS).map(([name, make]): [string, PolicyDocument] => [name, make()]),
    [
      '1 MB of the rules’ "a ... b" phrases, one gap too far apart',
      { source: 'gap', title: null, text: gap.text },
    ],
  ];
  let worst = { name: '', ratio: 0 };
  for (const [name, doc] of documents) {
    const ratio = perMb(doc, 3) / baseline;
    if (ratio > worst.ratio) worst = { name, ratio };
    rows.push([`  ${name}`, `${ratio.toFixed(2)}×`, '']);
  }
  const engineOk = worst.ratio <= ENGINE_TARGET;
  ok &&= engineOk;
  rows.push([
    'engine, worst hostile text ÷ ordinary manual (per MB)',
    `**${worst.ratio.toFixed(2)}×**`,
    `≤ ${ENGINE_TARGET}× ${engineOk ? '✓ met' : '✗ MISSED'}`,
  ]);

  // Every regular expression in src/: full length ÷ a quarter of it.
  const src = path.resolve('src');
  const regexes = findRegexes(src).filter((r) => !r.dynamic);
  let timed = 0;
  let slowest = { where: '', ms: 0 };
  let steepest = { where: '', growth: 0 };
  for (const r of regexes) {
    const where = `${path.relative(src, r.file)}:${r.line}`;
    const regex = new RegExp(r.source, r.flags.replace('y', ''));
    const length = AUDITED[`${path.relative(src, r.file)} ${r.source}`]?.maxInput ?? 20_000;
    const full = regexInputs(r.source, r.flags, length);
    const quarter = regexInputs(r.source, r.flags, length / 4);
    const { fullMs, growth } = growthOf(regex, full, quarter);
    if (fullMs > slowest.ms) slowest = { where: `${where} /${r.source}/`, ms: fullMs };
    if (fullMs < TIMEABLE_MS) continue;
    timed++;
    if (growth > steepest.growth) steepest = { where: `${where} /${r.source}/`, growth };
  }
  const regexOk = steepest.growth <= GROWTH_TARGET;
  ok &&= regexOk;
  rows.push([
    `slowest of ${regexes.length} regular expressions on its full-length inputs`,
    formatMs(slowest.ms),
    '',
  ]);
  rows.push([
    `regular expressions, time for 4× the input (worst of the ${timed} slower than ${TIMEABLE_MS} ms)`,
    timed ? `**${steepest.growth.toFixed(2)}×**` : 'none that slow',
    `≤ ${GROWTH_TARGET}× (linear 4×) ${regexOk ? '✓ met' : '✗ MISSED'}`,
  ]);
  // The measure can tell: the classic quadratic trailing strip, on the same kind of input.
  const control = growthOf(/[\s,;:]+$/, [`${' '.repeat(20_000)}x`], [`${' '.repeat(5_000)}x`]);
  rows.push([
    '  control: /[\\s,;:]+$/ on 20,000 spaces then "x" (quadratic), time for 4× the input',
    `${control.growth.toFixed(1)}×`,
    '',
  ]);
  if (timed) notes.push(`Steepest: ${steepest.where}.`);
  notes.push(`Slowest: ${slowest.where}.`);

  // guessTown: a 1 MB title costs what a 300-character one does.
  const long = 'A-'.repeat(500_000);
  const short = long.slice(0, 300);
  const townLong = time(() => guessTown(long, 'https://example.org/'), { warmup: 20, runs: 51 }).medianMs;
  const townShort = time(() => guessTown(short, 'https://example.org/'), { warmup: 20, runs: 51 }).medianMs;
  const townRatio = townLong / townShort;
  const townOk = townRatio <= 3;
  ok &&= townOk;
  rows.push([
    'town guess, 1 MB hostile title ÷ 300-character title',
    `**${townRatio.toFixed(2)}×**`,
    `≤ 3× ${townOk ? '✓ met' : '✗ MISSED'}`,
  ]);

  notes.push(
    'Engine figures are medians of CPU time (3 runs per hostile text after 2 warm-up runs, 7 for the baseline); the unit tests bound the same inputs by work counted, not time (tests/helpers/work-counter.ts).',
  );
  return { title: 'Hostile input (Node)', table: rows, notes, ok };
}

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { originalText, type PolicyDocument } from '../../../src/engine/document';
import type { Report } from '../../../src/engine/report';
import { defaultRuleBook } from '../../../src/rules/rule-book';

/**
 * Hostile text cannot hang the engine, and offsets stay exact whatever the text.
 * tests/unit/engine/robustness.test.ts (the engine engineer's) covers typographic pieces and a few
 * megabyte inputs; this file adds inputs built from the rules' OWN example sentences (so that many
 * rules are close to firing), near-misses, deep and long lists, every control and invisible character,
 * mixed and right-to-left scripts, 2,000 pages, and random edits of real matches.
 */

// Measured here: 0.2–1.2 s each on a shared 2-core machine. 3 s is generous; a hang is minutes.
const BOUND_MS = 3000;

const examples = defaultRuleBook.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]);
const matches = defaultRuleBook.rules.flatMap((r) => r.examples.match);

function flagsOf(report: Report) {
  return report.questions.flatMap((q) => q.flags).filter((f) => !f.absence);
}

/** Every passage's offsets slice out exactly its quote from the original text. */
function expectExact(doc: PolicyDocument, report: Report): void {
  const { text } = originalText(doc);
  for (const f of flagsOf(report)) {
    expect(f.start).not.toBeNull();
    expect(text.slice(f.start!, f.end!)).toBe(f.quote);
  }
  for (const p of report.lexipol.passages) expect(p.end).toBeLessThanOrEqual(text.length);
}

function timed(doc: PolicyDocument): { report: Report; ms: number } {
  const started = performance.now();
  const report = analyze(doc);
  return { report, ms: performance.now() - started };
}

/** Repeats `unit(i)` until the text is about `size` characters. */
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** A near-miss: one word of the sentence swapped for a close misspelling. */
function nearMiss(sentence: string, i: number): string {
  const words = sentence.split(' ');
  const k = i % words.length;
  words[k] = `${words[k]!.slice(0, -1)}x`;
  return words.join(' ');
}

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c))
  .concat(Array.from({ length: 33 }, (_, c) => String.fromCharCode(0x7f + c)))
  .concat([
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u2028',
    '\u2029',
    '\u202e',
    '\ufeff',
    '\ufffd',
  ])
  .join('');

const hostile: Record<string, () => PolicyDocument> = {
  '1 MB of near-matches of every rule example': () => ({
    source: 'near',
    title: null,
    text: fill(1_000_000, (i) => `${nearMiss(examples[i % examples.length]!, i)} `),
  }),
  '1 MB of real matches, one after another': () => ({
    source: 'matches',
    title: null,
    text: fill(1_000_000, (i) => `${matches[i % matches.length]} `),
  }),
  'a megabyte of one space': () => ({ source: 'spaces', title: null, text: ' '.repeat(1_000_000) }),
  'a megabyte of full stops': () => ({ source: 'dots', title: null, text: '.'.repeat(1_000_000) }),
  'a megabyte of newlines': () => ({ source: 'lines', title: null, text: '\n'.repeat(1_000_000) }),
  'a megabyte of opening brackets': () => ({ source: 'brackets', title: null, text: '('.repeat(1_000_000) }),
  'a megabyte of hyphens at line ends': () => ({
    source: 'hyphens',
    title: null,
    text: 'immi-\n'.repeat(170_000),
  }),
  'a list nested 5,000 levels deep': () => ({
    source: 'deep',
    title: null,
    text: fill(400_000, (i) => {
      const markers = [
        `${i}.`,
        `(${String.fromCharCode(97 + (i % 26))})`,
        `(${'i'.repeat((i % 3) + 1)})`,
        '•',
        '-',
      ];
      return `${'  '.repeat(i % 5_000)}${markers[i % markers.length]} Officers shall not:\n`;
    }),
  }),
  'one lead-in with 50,000 list items': () => ({
    source: 'long-list',
    title: null,
    text: `Officers shall not:\n${fill(1_000_000, (i) => `(${i}) share information with ICE about arrestee ${i};\n`)}`,
  }),
  'every control and invisible character between words': () => ({
    source: 'controls',
    title: null,
    text: fill(1_000_000, (i) => `${matches[i % matches.length]!.split(' ').join(CONTROLS)}${CONTROLS}`),
  }),
  'mixed and right-to-left scripts, combining marks, emoji and lone surrogates': () => ({
    source: 'scripts',
    title: null,
    text: fill(
      1_000_000,
      (i) =>
        `سياسة ICE ‏הגירה‎ 移民身份 Ｉｍｍｉｇｒａｔｉｏｎ i\u0307\u0301mmigration 🚓👮🏽‍♀️ \ud800 status \udfff ${matches[i % matches.length]} `,
    ),
  }),
  '2,000 pages': () => ({
    source: 'manual.pdf',
    title: null,
    pages: Array.from(
      { length: 2000 },
      (_, p) => `Policy Manual\n${examples[p % examples.length]}\nPage ${p + 1} of 2000`,
    ),
  }),
};

describe('hostile text finishes well under the bound', () => {
  it.each(Object.keys(hostile))('%s', (name) => {
    const doc = hostile[name]!();
    const { report, ms } = timed(doc);
    expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
    expectExact(doc, report);
  });

  it('the megabytes above are close to firing: the same sentences, unedited, do fire', () => {
    const real = analyze({ source: 'r', title: null, text: matches.join(' ') });
    expect(flagsOf(real).length).toBeGreaterThan(matches.length / 2);
  });
});

// Random texts made of real rule matches and noise, then randomly edited: characters inserted, deleted
// and replaced at random places (as a page edit or an OCR error would).
const sentence = fc.constantFrom(...examples);
const noise = fc.constantFrom(
  ' ',
  '\n',
  '\n\n',
  '; ',
  ': ',
  '(a) ',
  '1. ',
  '\u00ad',
  '\u00a0',
  '“',
  '”',
  '\t',
  '\f',
);
const policy = fc.array(fc.oneof(sentence, noise), { minLength: 1, maxLength: 25 }).map((p) => p.join(' '));
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(' not', ' ICE', '.', '\n', 'shall ', ' may '),
  ),
});

function applyEdits(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

describe('for random texts and random edits, every flag’s offsets slice out exactly its quote', () => {
  it('in plain text', () => {
    let flagged = 0;
    fc.assert(
      fc.property(policy, fc.array(edit, { maxLength: 8 }), (text, edits) => {
        const doc = { source: 'prop', title: null, text: applyEdits(text, edits) };
        const report = analyze(doc);
        flagged += flagsOf(report).length;
        expectExact(doc, report);
      }),
      { numRuns: 250 },
    );
    // Not vacuous: the generated texts do get flags.
    expect(flagged).toBeGreaterThan(250);
  });

  it('in pages, with page numbers that agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(policy, fc.array(edit, { maxLength: 4 })), { minLength: 1, maxLength: 5 }),
        (raw) => {
          const doc = { source: 'prop.pdf', title: null, pages: raw.map(([t, e]) => applyEdits(t, e)) };
          const report = analyze(doc);
          expectExact(doc, report);
          const { pageStarts } = originalText(doc);
          for (const f of flagsOf(report)) {
            const page = f.page!;
            expect(f.start!).toBeGreaterThanOrEqual(pageStarts[page - 1]!);
            // A passage may run on to the next page (a sentence broken by a page end); it starts on its page.
            expect(f.start!).toBeLessThan(pageStarts[page] ?? Number.POSITIVE_INFINITY);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { originalText, type PolicyDocument } from '../../../src/engine/document';
import type { Report } from '../../../src/engine/report';
import { examples, HOSTILE_DOCUMENTS, matches } from '../../helpers/hostile-text';
import { countWork } from '../../helpers/work-counter';

/**
 * Hostile text cannot hang the engine, and offsets stay exact whatever the text.
 * tests/unit/engine/robustness.test.ts (the engine engineer's) covers typographic pieces and a few
 * megabyte inputs; this file adds inputs built from the rules' OWN example sentences (so that many
 * rules are close to firing), near-misses, deep and long lists, every control and invisible character,
 * mixed and right-to-left scripts, 2,000 pages (tests/helpers/hostile-text.ts), and random edits of
 * real matches.
 *
 * "Cannot hang" is judged on the work done, not on the clock (a busy machine changes the time, never
 * the work): the steps of tests/helpers/work-counter.ts per character of input. Measured 4–31 per
 * character on these inputs and 14 on an ordinary 300-page manual; a path that re-reads the rest of
 * the text for each sentence or word does hundreds of thousands per character on a megabyte. The time
 * the same inputs take, as a ratio to an ordinary manual of the same size, is in bench/hostile.ts.
 */
const STEPS_PER_CHARACTER = 64;

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

describe('hostile text costs a bounded amount of work per character', () => {
  // The first analysis compiles the rule book; that one-time work is not the text's.
  beforeAll(() => analyze({ source: 'warm-up', title: null, text: matches.join(' ') }));

  it.each(Object.keys(HOSTILE_DOCUMENTS))('%s', (name) => {
    const doc = HOSTILE_DOCUMENTS[name]!();
    const characters = originalText(doc).text.length;
    expect(characters).toBeGreaterThan(200_000);
    const { result: report, steps } = countWork(() => analyze(doc));
    expect(steps / characters, `${name}: ${steps} steps`).toBeLessThan(STEPS_PER_CHARACTER);
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

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { originalText, type PolicyDocument, pageOf } from '../../../src/engine/document';
import type { Report } from '../../../src/engine/report';
import { countWork } from '../../helpers/work-counter';

/** Every offset in a report indexes the original text; quotes are exact slices; pages agree. */
function expectConsistent(doc: PolicyDocument, report: Report): void {
  const original = originalText(doc);
  expect(report.chars).toBe(original.text.length);
  for (const q of report.questions) {
    for (const f of q.flags) {
      if (f.absence) continue;
      expect(original.text.slice(f.start!, f.end!)).toBe(f.quote);
      expect(f.quote.length).toBeGreaterThan(0);
      expect(f.page).toBe(pageOf(original.pageStarts, f.start!));
    }
  }
  for (const p of report.lexipol.passages) {
    expect(0 <= p.start && p.start < p.end && p.end <= original.text.length).toBe(true);
    expect(p.page).toBe(pageOf(original.pageStarts, p.start));
  }
}

// Pieces of policy language (with the typography real documents have) that the real rules react to.
const pieces = [
  'Officers shall not inquire about immigration status',
  'Members may share information with ICE',
  'No member will prohibit, or in any way restrict, any other member from sending information to federal immigration officials',
  'This prohibition does not preclude',
  'The Department shall not enter into a 287(g) agreement',
  'An officer may detain the person on a civil immigration detainer',
  'Requests by federal immigration officials for assistance should be directed to a supervisor',
  'immigra-\ntion',
  '“quoted”',
  '\u00a0',
  'Copyright Lexipol, LLC',
  '413.4 IMMIGRATION DETAINERS',
  '(a)',
  '8 U.S.C. § 1373',
  'e.g.',
  ', nor shall',
  '; or',
  ':',
  '.',
  '\n',
  '\n\n',
  ' ',
  '\t',
  '\r\n',
  '\ufb01',
  '\u00ad',
];
const policyText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(' '));

describe('any text', () => {
  it('gives a report whose offsets all index the original text', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const doc = { source: 'prop', title: null, text };
        expectConsistent(doc, analyze(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('and so do pages', () => {
    fc.assert(
      fc.property(fc.array(policyText, { minLength: 1, maxLength: 6 }), (pages) => {
        const doc = { source: 'prop.pdf', title: null, pages };
        expectConsistent(doc, analyze(doc));
      }),
      { numRuns: 150 },
    );
  });

  it('including arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const doc = { source: 'prop', title: null, text };
        expectConsistent(doc, analyze(doc));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile text finishes quickly', () => {
  const hostile: Record<string, string> = {
    'one letter, a megabyte long': 'a'.repeat(1_000_000),
    'a megabyte without spaces': 'ICE,shall;not:share.'.repeat(50_000),
    'one sentence of "no shall" pairs': 'no officer shall '.repeat(60_000),
    'thousands of colons and list markers': 'Officers shall not:\n(a) share with ICE;\n'.repeat(20_000),
    'thousands of clauses in one sentence': 'officers may share with ICE; '.repeat(40_000),
    'control characters': '\u0000\u0001\u0002\u0007\b\u000b\f\u001b'.repeat(100_000),
    'mixed scripts': 'Политика ICE 移民 status ステータス immigration ʻōlelo '.repeat(20_000),
  };
  it.each(Object.entries(hostile))('%s', (_name, text) => {
    const doc = { source: 'hostile', title: null, text };
    analyze({ source: 'warm-up', title: null, text: 'Officers shall not share with ICE.' }); // compiles the rules
    const { result: report, steps } = countWork(() => analyze(doc));
    // Work, not time (tests/helpers/work-counter.ts): "seconds, not minutes" means no quadratic path,
    // i.e. a bounded number of steps per character (measured 7–19 here; a quadratic path does
    // hundreds of thousands per character on a megabyte). The time is in bench/hostile.ts.
    expect(steps / text.length).toBeLessThan(64);
    expectConsistent(doc, report);
  });
});

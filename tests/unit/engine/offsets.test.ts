// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { originalText, type PolicyDocument } from '../../../src/engine/document';
import type { Report } from '../../../src/engine/report';
import { miniBook } from './mini-book';

/** Every offset-bearing finding of a report must quote the original text exactly. */
function expectExactQuotes(doc: PolicyDocument, report: Report): void {
  const { text } = originalText(doc);
  for (const flag of report.questions.flatMap((q) => q.flags)) {
    if (flag.absence) {
      expect(flag.start).toBeNull();
      continue;
    }
    expect(text.slice(flag.start!, flag.end!)).toBe(flag.quote);
    expect(flag.quote).toBe(flag.quote.trim());
  }
  for (const passage of report.lexipol.passages) {
    expect(passage.end).toBeGreaterThan(passage.start);
    expect(passage.end).toBeLessThanOrEqual(text.length);
  }
}

const texts: Record<string, string> = {
  'curly quotes and NBSP':
    'The Department’s rule:\u00a0Officers\u00a0shall not inquire about a person’s “immigration status.”',
  'hyphenation across a line break':
    'Officers shall not inquire about a person’s immigra-\ntion status.\nOfficers may share records with ICE.',
  'hard wraps and CRLF':
    'Officers may share\r\nrecords with\r\nICE.\r\n\r\nNo officer shall send data\r\nto ICE.',
  'lists with markers':
    'Officers shall not:\n  (a)  inquire about immigration status;\n  (b)  share records with ICE.\n',
  'ligatures and tabs':
    'O\ufb03cers\tmay share records with ICE.\tThe Department shall not enter into a 287(g) agreement.',
};

describe('flag offsets index the original text', () => {
  it.each(Object.entries(texts))('%s', (_name, text) => {
    const doc = { source: 'test', title: null, text };
    const report = analyze(doc, miniBook);
    const passages = report.questions.flatMap((q) => q.flags.filter((f) => !f.absence));
    expect(passages.length).toBeGreaterThan(0);
    expectExactQuotes(doc, report);
  });

  it('give the page of each flag in paged input', () => {
    const doc: PolicyDocument = {
      source: 'test.pdf',
      title: null,
      pages: [
        'Section 1. General rules about uniforms and equipment for every officer.',
        'Officers may share records with ICE.\nOfficers shall not inquire about immigration',
        'status. The Department shall not enter into a 287(g) agreement.',
      ],
    };
    const report = analyze(doc, miniBook);
    expectExactQuotes(doc, report);
    const page = (rule: string) =>
      report.questions.flatMap((q) => q.flags).find((f) => f.rule === rule)?.page;
    expect(page('q2-red-share')).toBe(2);
    // A sentence that runs over a page break is on the page where it starts.
    expect(page('q1-green-no-inquiry')).toBe(2);
    expect(page('q7-green-no-287g')).toBe(3);
    expect(report.pages).toBe(3);
  });
});

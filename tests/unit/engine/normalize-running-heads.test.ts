// @vitest-environment node
/**
 * Running heads and feet that read like sentences ("Officers may share information with ICE." at the
 * top of every page). Left in, each copy is a flag of its own: one per page.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { originalText, type PolicyDocument } from '../../../src/engine/document';
import { normalize } from '../../../src/engine/normalize';

const BODIES = [
  'The Department serves every resident of the town.',
  'Parking tickets are paid at the town hall.',
  'Firearms licences are renewed every six years.',
  'Officers wear body cameras while on patrol.',
  'Records requests are answered within ten days.',
  'Lost property is kept for ninety days.',
];

const doc = (pages: string[]): PolicyDocument => ({ source: 'manual.pdf', title: null, pages });
const normalized = (pages: string[]) => normalize(originalText(doc(pages))).text;
const q2Flags = (pages: string[]) =>
  analyze(doc(pages))
    .questions.find((q) => q.id === 2)!
    .flags.filter((f) => !f.absence);

describe('normalize: running heads that read like sentences', () => {
  it.each(['Officers may share information with ICE.', 'Officers may share information with ICE when asked'])(
    'drops "%s" printed at the top of every page',
    (head) => {
      const pages = BODIES.map((body, p) => `${head}\nTown Police Manual\n${body}\n${p + 1}`);
      expect(normalized(pages)).toBe(BODIES.join('\n\n'));
      expect(q2Flags(pages)).toEqual([]);
    },
  );

  it('drops one printed at the foot of every page, under the body', () => {
    const foot = 'Officers may share information with ICE.';
    const pages = BODIES.map((body, p) => `Town Police Manual\n${body}\n${foot}\nPage ${p + 1}`);
    expect(normalized(pages)).toBe(BODIES.join('\n\n'));
  });

  it('keeps the same sentence when it opens only two pages of a long document (a repeat, not a head)', () => {
    const sentence = 'Officers may share information with ICE.';
    const pages = BODIES.map(
      (body, p) => `Town Police Manual\n${p === 1 || p === 4 ? `${sentence}\n` : ''}${body}\n${p + 1}`,
    );
    expect(normalized(pages).match(/Officers may share information with ICE\./g)).toHaveLength(2);
    expect(q2Flags(pages)).toHaveLength(2);
  });

  it('keeps a sentence that opens fewer than half of the pages, even if it opens three', () => {
    const sentence = 'Officers may share information with ICE.';
    const pages = [...BODIES, ...BODIES].map(
      (body, p) => `Town Police Manual\n${p % 4 === 0 ? `${sentence}\n` : ''}${body} (${p})\n${p + 1}`,
    );
    expect(normalized(pages).match(/Officers may share information with ICE\./g)).toHaveLength(3);
  });

  it('keeps a line that ends without punctuation at the foot of pages (the sentence goes on overleaf)', () => {
    const pages = BODIES.map(
      (body, p) => `Town Police Manual\n${body}\nOfficers may share information with\n${p + 1}`,
    );
    expect(normalized(pages).match(/Officers may share information with/g)).toHaveLength(6);
  });

  it('keeps a sentence that opens every page when what follows it is the same too (a repeated page)', () => {
    const page =
      'Town Police Manual\nOfficers may share information with ICE.\nNo member shall ask about status.';
    const text = normalized([page, page, page, page, page]);
    expect(text.match(/Officers may share information with ICE\./g)).toHaveLength(5);
  });
});

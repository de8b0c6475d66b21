// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import type { Flag } from '../../../src/engine/report';
import type { Excerpt } from '../../../src/excerpts/excerpt';
import { pdfFlagDraft, pdfSelectionDraft, placePdfExcerpts } from '../../../src/excerpts/pdf-excerpts';

const pages = [
  '415.1 Purpose\nThis policy covers immigration matters.',
  '415.4 Information sharing\nMembers may share booking records with ICE whenever it serves a public\nsafety interest.',
  '415.5 Assistance\nThe Department may provide available support services.',
];
const { text, pageStarts } = originalText({ source: 'x', title: null, pages });
const doc = {
  text,
  pageStarts,
  url: 'https://records.example/manual.pdf',
  title: 'Manual',
  pdfFingerprint: 'fp-1',
};

const saved = (draft: ReturnType<typeof pdfFlagDraft>, id: string): Excerpt => ({
  ...draft,
  id,
  created: '2026-11-28T10:00:00.000Z',
  modified: '2026-11-28T10:00:00.000Z',
});

describe('PDF excerpts', () => {
  it('drafts from a flag with the page and the PDF fingerprint', () => {
    const quote = 'The Department may provide available support services.';
    const start = text.indexOf(quote);
    const flag: Flag = {
      rule: 'q5-red-support-services',
      flag: 'red',
      start,
      end: start + quote.length,
      page: 3,
      quote,
      explanation: 'x',
      absence: false,
      question: 5,
      section: '415.5',
    };
    expect(pdfFlagDraft(flag, doc)).toMatchObject({
      quote,
      page: 3,
      pdfFingerprint: 'fp-1',
      section: '415.5',
    });
  });

  it('anchors a text-layer selection whose line breaks differ, with its page and section', () => {
    const draft = pdfSelectionDraft(
      doc,
      'Members may share booking records with ICE whenever it serves a public safety interest.',
      2,
    );
    expect(draft.page).toBe(2);
    expect(draft.section).toBe('415.4');
    expect(draft.quote).toBe(
      'Members may share booking records with ICE whenever it serves a public\nsafety interest.',
    );
    expect(() => pdfSelectionDraft(doc, '   ', 1)).toThrow(/Select the passage/);
    expect(() => pdfSelectionDraft(doc, 'Words that appear nowhere in this document at all.', 1)).toThrow(
      /could not be found/,
    );
  });

  it('places this PDF’s excerpts, even from another URL, on their pages; lists what is gone', () => {
    const here = saved(pdfSelectionDraft(doc, 'This policy covers immigration matters.', 1), 'a');
    const gone = {
      ...saved(pdfSelectionDraft(doc, 'Members may share booking records', 2), 'b'),
      quote: 'A sentence the new edition removed entirely.',
    };
    const otherPdf = { ...here, id: 'c', pdfFingerprint: 'fp-2' };
    const renamed = { ...doc, url: 'file:///Downloads/copy.pdf' };
    const result = placePdfExcerpts(renamed, [here, gone, otherPdf]);
    expect(result.placed.map((p) => p.excerpt.id)).toEqual(['a']);
    expect(result.pages).toEqual([1]);
    expect(result.notFound.map((e) => e.id)).toEqual(['b']);
  });
});

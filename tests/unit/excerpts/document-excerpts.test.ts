// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { excerptsForDocument, placeExcerpts } from '../../../src/excerpts/document-excerpts';
import type { Excerpt } from '../../../src/excerpts/excerpt';
import { draftFromSelection } from '../../../src/excerpts/excerpt-draft';

const text =
  'Officers shall not inquire about immigration status. No funds shall be used for immigration enforcement.';

function excerpt(id: string, quote: string, url: string, pdfFingerprint: string | null = null): Excerpt {
  const start = text.indexOf(quote);
  return {
    ...draftFromSelection({ text, url, title: null, pdfFingerprint }, start, start + quote.length),
    id,
    created: '2026-11-28T10:00:00.000Z',
    modified: '2026-11-28T10:00:00.000Z',
  };
}

describe('excerptsForDocument', () => {
  const web = excerpt('a', 'No funds', 'https://town.example/policy#:~:text=No%20funds');
  const pdf = excerpt('b', 'No funds', 'https://old.example/manual.pdf', 'fp1');
  it('matches a page by URL without its fragment', () => {
    expect(
      excerptsForDocument([web, pdf], { url: 'https://town.example/policy', pdfFingerprint: null }),
    ).toEqual([web]);
  });
  it('matches a PDF by fingerprint even under another URL', () => {
    expect(excerptsForDocument([web, pdf], { url: 'file:///copy.pdf', pdfFingerprint: 'fp1' })).toEqual([
      pdf,
    ]);
    expect(excerptsForDocument([web, pdf], { url: 'file:///copy.pdf', pdfFingerprint: 'fp2' })).toEqual([]);
  });
});

describe('placeExcerpts', () => {
  it('places what it finds in text order and lists the rest as not found', () => {
    const funds = excerpt('f', 'No funds shall be used for immigration enforcement.', 'u');
    const status = excerpt('s', 'Officers shall not inquire about immigration status.', 'u');
    const changed = text.replace('Officers shall not inquire about immigration status.', 'Officers may ask.');
    const { placed, notFound } = placeExcerpts(changed, [funds, status]);
    expect(placed.map((p) => p.excerpt.id)).toEqual(['f']);
    expect(changed.slice(placed[0]!.start, placed[0]!.end)).toBe(funds.quote);
    expect(notFound).toEqual([status]);
  });
});

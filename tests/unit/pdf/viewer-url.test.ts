// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  fileNameOf,
  isViewerUrl,
  looksLikePdfUrl,
  originalLink,
  pageFragment,
  parseViewerLocation,
  viewerUrl,
} from '../../../src/pdf/viewer-url';

const BASE = 'chrome-extension://abc/viewer.html';

describe('viewer URLs', () => {
  it('round-trips a PDF address with query and page through the viewer URL', () => {
    const pdf = 'https://town.example/docs/Policy 413.pdf?v=2&x=1#page=7';
    const url = new URL(viewerUrl(BASE, pdf));
    expect(url.hash).toBe('#page=7');
    expect(parseViewerLocation(url.search, url.hash)).toEqual({ file: pdf, page: 7, handoff: null });
  });

  it('has no page when the PDF address has none, and ignores malformed ones', () => {
    expect(viewerUrl(BASE, 'https://t.example/a.pdf')).toBe(`${BASE}?file=https%3A%2F%2Ft.example%2Fa.pdf`);
    expect(pageFragment('https://t.example/a.pdf#zoom=50&page=3')).toBe(3);
    expect(pageFragment('https://t.example/a.pdf#page=0')).toBeNull();
    expect(pageFragment('https://t.example/a.pdf#page=x')).toBeNull();
    expect(parseViewerLocation('', '')).toEqual({ file: null, page: null, handoff: null });
  });

  it('recognises PDF addresses by their path only', () => {
    expect(looksLikePdfUrl('https://t.example/Policy.PDF?download=1')).toBe(true);
    expect(looksLikePdfUrl('https://t.example/page?file=a.pdf')).toBe(false);
    expect(looksLikePdfUrl('not a url.pdf')).toBe(false);
    expect(isViewerUrl(`${BASE}?file=x`, BASE)).toBe(true);
  });

  it('carries a hand-off token next to the file', () => {
    const url = new URL(viewerUrl(BASE, 'https://t.example/a.pdf#page=2', undefined, 'tok-1'));
    expect(parseViewerLocation(url.search, url.hash)).toEqual({
      file: 'https://t.example/a.pdf#page=2',
      page: 2,
      handoff: 'tok-1',
    });
  });

  it('marks original links without losing their fragment', () => {
    expect(originalLink('https://t.example/a.pdf')).toBe('https://t.example/a.pdf#policy-lens-original');
    expect(originalLink('https://t.example/a.pdf#page=2')).toBe(
      'https://t.example/a.pdf#page=2&policy-lens-original',
    );
    expect(pageFragment(originalLink('https://t.example/a.pdf#page=2'))).toBe(2);
  });

  it('names a PDF by its decoded file name', () => {
    expect(fileNameOf('https://t.example/docs/Policy%20413.pdf')).toBe('Policy 413.pdf');
    expect(fileNameOf('https://t.example/')).toBe('https://t.example/');
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sourceLink, textFragment } from '../../../src/excerpts/source-link';

describe('sourceLink', () => {
  const viewer = 'chrome-extension://abc/viewer.html';
  it('links a web page passage with a text fragment, replacing any old fragment', () => {
    const link = sourceLink(
      {
        url: 'https://town.example/p?id=4#top',
        quote: 'No funds, staff or equipment',
        page: null,
        pdfFingerprint: null,
      },
      viewer,
    );
    expect(link).toBe('https://town.example/p?id=4#:~:text=No%20funds%2C%20staff%20or%20equipment');
  });
  it('uses the first and last words of a long quote, encoding the syntax characters', () => {
    expect(
      textFragment(
        'Officers  may share\ninformation with ICE when a so-called public-safety interest & more applies',
      ),
    ).toBe(':~:text=Officers%20may%20share%20information,interest%20%26%20more%20applies');
  });
  it('opens a PDF in our viewer at the page', () => {
    expect(
      sourceLink({ url: 'https://town.example/a b.pdf', quote: 'x', page: 12, pdfFingerprint: 'fp' }, viewer),
    ).toBe('chrome-extension://abc/viewer.html?file=https%3A%2F%2Ftown.example%2Fa%20b.pdf#page=12');
  });
});

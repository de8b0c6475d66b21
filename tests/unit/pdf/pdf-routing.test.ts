import { describe, expect, it } from 'vitest';
import { shouldRedirect } from '../../../src/pdf/pdf-routing';
import { originalLink } from '../../../src/pdf/viewer-url';

const BASE = 'chrome-extension://abc/viewer.html';

describe('the "open PDFs in ICE Policy Lens" redirect', () => {
  it('sends PDF navigations to the viewer once per tab and address', () => {
    expect(shouldRedirect('https://t.example/a.pdf#page=3', new Set(), BASE)).toBe(true);
    expect(shouldRedirect('https://t.example/a.pdf#page=3', new Set(['https://t.example/a.pdf']), BASE)).toBe(
      false,
    );
  });

  it('leaves alone pages, the viewer itself and "open original" links', () => {
    expect(shouldRedirect('https://t.example/policy.html', new Set(), BASE)).toBe(false);
    expect(shouldRedirect(`${BASE}?file=x.pdf`, new Set(), BASE)).toBe(false);
    expect(shouldRedirect(originalLink('https://t.example/a.pdf'), new Set(), BASE)).toBe(false);
  });
});

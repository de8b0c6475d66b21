// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createMarkPainter } from '../../../src/highlight/mark-painter';
import { domPolicyText, domToText } from '../../../src/sources/dom-text';

describe('mark painter (fallback without the Highlight API)', () => {
  it('wraps overlapping passages, keeps the page text, and unwraps cleanly', () => {
    document.body.innerHTML = '<p>Officers <b>may share</b> data with ICE. Officers shall not ask.</p>';
    const before = document.body.textContent;
    // Painting with marks changes text nodes: the caller re-indexes before computing new ranges.
    const at = (quote: string) => {
      const policy = domPolicyText(domToText(document.body));
      const start = policy.text.indexOf(quote);
      return policy.locate(start, start + quote.length)!;
    };
    const painter = createMarkPainter(document);
    painter.paint('lexipol', [at('Officers may share data')]);
    painter.paint('red', [at('may share data with ICE.')]);
    expect(document.body.textContent).toBe(before);
    const red = [...document.querySelectorAll('mark[data-policy-lens="red"]')]
      .map((m) => m.textContent)
      .join('');
    const lexipol = [...document.querySelectorAll('mark[data-policy-lens="lexipol"]')]
      .map((m) => m.textContent)
      .join('');
    expect(red).toBe('may share data with ICE.');
    expect(lexipol).toBe('Officers may share data');
    // Repainting one kind keeps the other.
    painter.paint('red', [at('Officers shall not ask.')]);
    expect(document.querySelector('mark[data-policy-lens="red"]')?.textContent).toBe(
      'Officers shall not ask.',
    );
    expect(document.querySelectorAll('mark[data-policy-lens="lexipol"]').length).toBeGreaterThan(0);
    painter.clear();
    expect(document.querySelector('mark')).toBeNull();
    expect(document.body.innerHTML).toBe(
      '<p>Officers <b>may share</b> data with ICE. Officers shall not ask.</p>',
    );
  });
});

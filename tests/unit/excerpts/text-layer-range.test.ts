import { describe, expect, it } from 'vitest';
import { textLayerQuoteRange } from '../../../src/excerpts/text-layer-range';

function layer(items: string[]): HTMLElement {
  const element = document.createElement('div');
  for (const item of items) {
    const span = document.createElement('span');
    span.textContent = item;
    element.append(span, document.createElement('br'));
  }
  return element;
}

describe('textLayerQuoteRange', () => {
  const el = layer([
    '415.4 Information sharing',
    'Members may share booking records with ICE whenever it',
    'serves a public safety interest.',
  ]);

  it('spans text items, although the layer has no space between them', () => {
    const range = textLayerQuoteRange(el, 'records with ICE whenever it serves a public safety interest.', 0);
    expect(range?.toString()).toBe('records with ICE whenever itserves a public safety interest.');
  });

  it('finds a quote whose spacing differs (fuzzy) and returns null when absent', () => {
    expect(textLayerQuoteRange(el, 'Members  may share booking\nrecords', 0)?.toString()).toBe(
      'Members may share booking records',
    );
    expect(textLayerQuoteRange(el, 'A sentence that is not on this page at all.', 0)).toBeNull();
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { domToText, domToTextInSlices } from '../../../src/sources/dom-text';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html; // test fixture markup written here, not page text at run time
  return doc;
}

describe('domToTextInSlices', () => {
  it('pauses on a long page and builds exactly the index of the one-go walk', async () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) =>
        `<p>Section ${i}: officers <a href="#x">shall not</a> ask <em>about</em> status.</p><ul><li>item ${i}</li></ul>`,
    ).join('');
    const doc = page(`<nav>Menu</nav><main><h1>Policy</h1>${paragraphs}<pre>a\tb</pre></main>`);
    let pauses = 0;
    // A zero-length slice stops after every batch of nodes, so every pause point is exercised.
    const sliced = await domToTextInSlices(
      doc.body,
      {},
      async () => {
        pauses += 1;
      },
      0,
    );
    const whole = domToText(doc.body);
    expect(pauses).toBeGreaterThan(10);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.starts).toEqual(whole.starts);
    expect(sliced.nodes.length).toBe(whole.nodes.length);
    expect(sliced.nodes.every((node, i) => node === whole.nodes[i])).toBe(true);
    expect(whole.text).toContain('Section 399: officers shall not ask about status.\n\nitem 399');
    expect(whole.text).not.toContain('Menu');
  });

  it('does not pause on a short page within its slice', async () => {
    const doc = page('<p>One short paragraph.</p>');
    let pauses = 0;
    const sliced = await domToTextInSlices(doc.body, {}, async () => {
      pauses += 1;
    });
    expect(pauses).toBe(0);
    expect(sliced.text).toBe('One short paragraph.');
  });
});

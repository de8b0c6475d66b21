// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domPolicyText, domToText } from '../../../src/sources/dom-text';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html; // test fixture markup written here, not page text at run time
  return doc;
}

describe('domToText', () => {
  it('joins inline text and breaks at blocks, list items, cells and <br>', () => {
    const doc = page(`
      <h2>413.4 Sharing</h2>
      <p>No officer <b>shall</b> share   information.</p>
      <p>Officers shall not:</p>
      <ul><li>ask about status;</li><li>hold a person on a detainer.</li></ul>
      <table><tr><td>Term</td><td>Meaning</td></tr></table>
      <p>line one<br>line two</p>`);
    const { text } = domToText(doc.body);
    expect(text).toBe(
      '413.4 Sharing\n\nNo officer shall share   information.\n\nOfficers shall not:\n\nask about status;\nhold a person on a detainer.\n\nTerm\nMeaning\n\nline one\nline two',
    );
  });

  it('skips scripts, styles, hidden and aria-hidden content', () => {
    const doc = page(`<p>Seen.</p><script>var x = "secret";</script><style>p{}</style>
      <p hidden>Hidden attr.</p><p aria-hidden="true">Aria hidden.</p><p style="display:none">No display.</p>
      <noscript>No script.</noscript><template><p>Template.</p></template><p>Also seen.</p>`);
    expect(domToText(doc.body).text).toBe('Seen.\n\nAlso seen.');
  });

  it('skips site navigation around the page but keeps a header inside the article', () => {
    const doc = page(`<header><a href="/">Town home</a></header><nav><a>Police</a></nav>
      <main><article><header><h1>Policy 428</h1></header><p>Body text.</p></article></main>
      <footer>Copyright town</footer><div role="navigation">More links</div>`);
    expect(domToText(doc.body).text).toBe('Policy 428\n\nBody text.');
    // A chosen content area keeps everything under it.
    expect(domToText(doc.querySelector('article')!).text).toBe('Policy 428\n\nBody text.');
  });

  it('keeps a space between inline elements but drops indentation between blocks', () => {
    const doc = page('<div>\n   <p><i>No</i> <b>officer</b></p>\n   </div>');
    expect(domToText(doc.body).text).toBe('No officer');
  });

  it('copies node text one-for-one, so every node start points at that node', () => {
    const doc = page('<p>Alpha\nbeta <em>gamma</em></p><ol><li>delta</li></ol>');
    const index = domToText(doc.body);
    index.nodes.forEach((node, i) => {
      const start = index.starts[i]!;
      expect(index.text.slice(start, start + node.data.length)).toBe(node.data.replace(/\s/g, ' '));
    });
  });
});

describe('domPolicyText', () => {
  const doc = page(
    '<h2>Sharing</h2><p>Officers <b>may share</b> information with <a href="#">ICE</a> about arrestees.</p><p>Next.</p>',
  );
  const policy = domPolicyText(domToText(doc.body));

  it('maps a passage across inline elements back to a Range with the same text', () => {
    const quote = 'Officers may share information with ICE about arrestees.';
    const start = policy.text.indexOf(quote);
    const range = policy.locate(start, start + quote.length);
    expect(range?.toString()).toBe(quote);
    expect(range?.startContainer.parentElement?.tagName).toBe('P');
    expect(range?.endContainer.parentElement?.tagName).toBe('P');
  });

  it('trims added line breaks off a range that starts or ends on them', () => {
    const start = policy.text.indexOf('\n\nOfficers');
    const range = policy.locate(start, start + '\n\nOfficers'.length);
    expect(range?.toString()).toBe('Officers');
    expect(policy.locate(start, start + 2)).toBeNull();
  });

  it('turns a point in a text node back into a text offset', () => {
    const ice = doc.querySelector('a')!.firstChild!;
    const offset = policy.offsetOf(ice, 1);
    expect(policy.text.slice(offset!, offset! + 2)).toBe('CE');
    expect(policy.offsetOf(doc.createTextNode('stray'), 0)).toBeNull();
  });

  it('round-trips any passage: the Range text equals the slice without the added breaks', () => {
    fc.assert(
      fc.property(fc.nat(policy.text.length), fc.nat(policy.text.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const range = policy.locate(start, end);
        const slice = policy.text.slice(start, end).trim();
        if (!/\S/.test(slice)) return;
        expect(range?.toString().replace(/\s+/g, '')).toBe(slice.replace(/\s+/g, ''));
      }),
    );
  });
});

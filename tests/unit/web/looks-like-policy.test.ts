// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { looksLikePolicyPage } from '../../../src/page/looks-like-policy';

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = body;
  return doc;
}

describe('looksLikePolicyPage (the cheap check of automatic mode)', () => {
  it('accepts police policies that mention immigration in any of its usual words', () => {
    expect(
      looksLikePolicyPage(page('Policy 413', '<p>Officers shall not ask about immigration status.</p>')),
    ).toBe(true);
    expect(
      looksLikePolicyPage(page('General Orders', '<p>The department will not honor ICE detainers.</p>')),
    ).toBe(true);
    expect(looksLikePolicyPage(page('Procedures', '<p>No 287(g) agreement shall be signed.</p>'))).toBe(true);
  });

  it('rejects ordinary pages, including ones about road ice or with words only in scripts', () => {
    expect(
      looksLikePolicyPage(page('Winter parking', '<p>The police department warns of ice on roads.</p>')),
    ).toBe(false);
    expect(looksLikePolicyPage(page('Recipes', '<p>Immigration of bees, a history.</p>'))).toBe(false);
    expect(
      looksLikePolicyPage(
        page('Town news', '<script>var s = "police immigration policy";</script><p>Fair on Saturday.</p>'),
      ),
    ).toBe(false);
  });

  it('reads a bounded slice of the page, not all of it', () => {
    // ~45,000 characters of news before the first policy words: beyond the check's budget.
    const filler = '<p>Town news about the library and the fair. </p>'.repeat(1000);
    expect(looksLikePolicyPage(page('News', `${filler}<p>Police policy on immigration.</p>`))).toBe(false);
    expect(looksLikePolicyPage(page('News', `<p>Police policy on immigration.</p>${filler}`))).toBe(true);
  });
});

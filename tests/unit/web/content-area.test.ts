// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findContentArea } from '../../../src/page/content-area';

function sentence(i: number): string {
  return `Section ${i}. Members of the Department shall follow this written directive when dealing with federal agencies, and supervisors shall review every report filed under it before the end of the shift.`;
}

describe('findContentArea', () => {
  it('finds the live policy container inside site navigation, and leaves the page untouched', () => {
    const doc = document.implementation.createHTMLDocument('Town of Example – Policy 428');
    const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>${sentence(i + 1)}</p>`).join('');
    doc.body.innerHTML = `
      <div class="site"><nav class="menu"><ul>${'<li><a href="/x">Link to a department page</a></li>'.repeat(20)}</ul></nav>
      <div class="layout"><aside class="sidebar"><p>Pay a parking ticket online.</p></aside>
      <div id="policy-body"><h1>Immigration Enforcement</h1>${paragraphs}</div></div>
      <footer>Town hall, 1 Main Street</footer></div>`;
    const before = doc.body.innerHTML;
    const area = findContentArea(doc);
    expect(area.via).toBe('readability');
    expect(area.root.id).toBe('policy-body');
    expect(area.skipPageChrome).toBe(false);
    expect(area.root.ownerDocument).toBe(doc);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('falls back to the body when there is no article', () => {
    const doc = document.implementation.createHTMLDocument('Empty');
    doc.body.innerHTML = '<p>Hi.</p>';
    expect(findContentArea(doc)).toEqual({ root: doc.body, via: 'body', skipPageChrome: true });
  });

  it('takes the main landmark of a large page without running Readability', () => {
    const doc = document.implementation.createHTMLDocument('Manual');
    const chapter = sentence(1).repeat(150); // ~27,000 characters per paragraph
    doc.body.innerHTML = `<nav>Menu</nav><main id="manual"><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p><p>${chapter}</p></main><footer>Town</footer>`;
    const area = findContentArea(doc);
    expect(area).toMatchObject({ via: 'landmark', skipPageChrome: true });
    expect(area.root.id).toBe('manual');
  });
});

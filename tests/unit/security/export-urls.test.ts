import { describe, expect, it } from 'vitest';
import { briefHtml } from '../../../src/excerpts/brief-html';
import { briefMarkdown } from '../../../src/excerpts/brief-markdown';
import { excerptsCsv } from '../../../src/excerpts/excerpts-csv';
import { sideBySideHtml } from '../../../src/excerpts/side-by-side';
import { sourceLink } from '../../../src/excerpts/source-link';
import { buildTownBrief } from '../../../src/excerpts/town-brief';
import { sampleExcerpt } from '../excerpts/sample-excerpts';

/**
 * An excerpts backup is a file a person can edit or be sent: whatever URL and text it carries, the
 * excerpts page and the exports never turn them into a runnable link or markup. (Found by
 * tests/browser/security-markup.test.ts: an imported `javascript:` URL became the card's link and a
 * Markdown link.)
 */

const HOSTILE_URLS = [
  "javascript:window.__pwned='href'",
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
];
const VIEWER = 'chrome-extension://abc/viewer.html';

describe('URLs from an imported file', () => {
  it.each(HOSTILE_URLS)('%s never becomes a link', (url) => {
    const excerpt = sampleExcerpt({ quote: 'Officers may share information with ICE.', url });
    expect(sourceLink(excerpt, VIEWER)).toBe('about:blank');
    const brief = buildTownBrief('Examplefield', [excerpt]);
    const md = briefMarkdown(brief);
    expect(md).not.toMatch(/\]\(<?\s*(javascript|data|vbscript):/i);
    for (const html of [briefHtml(brief), sideBySideHtml(brief)])
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });

  it('web, file and PDF excerpts keep their links', () => {
    const web = sampleExcerpt({ quote: 'Officers may share information with ICE.' });
    expect(sourceLink(web, VIEWER)).toMatch(
      /^https:\/\/www\.examplefieldma\.gov\/police\/413\.html#:~:text=/,
    );
    const file = sampleExcerpt({ quote: 'Officers may share.', url: 'file:///home/a/policy.html' });
    expect(sourceLink(file, VIEWER)).toMatch(/^file:\/\/\/home\/a\/policy\.html#/);
    const pdf = sampleExcerpt({ quote: 'x', url: 'javascript:alert(1)', page: 3 });
    // A PDF link goes to our viewer, with the URL as an encoded parameter the viewer only fetches.
    expect(sourceLink(pdf, VIEWER)).toBe(
      `${VIEWER}?file=${encodeURIComponent('javascript:alert(1)')}#page=3`,
    );
    expect(briefMarkdown(buildTownBrief('Examplefield', [web]))).toContain(
      '](<https://www.examplefieldma.gov/police/413.html>)',
    );
  });
});

describe('text from an imported file', () => {
  const quote = `Officers may share <img src=x onerror=alert(1)> "quoted" 'single' & </script> information.`;
  const excerpt = sampleExcerpt({
    quote,
    note: '=HYPERLINK("http://x")',
    title: '<b>Title</b>',
    flag: 'red',
    question: 2,
  });
  const brief = buildTownBrief('Examplefield', [excerpt]);

  it('is escaped in both HTML exports', () => {
    for (const html of [briefHtml(brief), sideBySideHtml(brief)]) {
      expect(html).not.toMatch(/<img|<\/script>|<b>Title/);
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    }
  });

  it('is escaped in Markdown and made formula-safe in CSV', () => {
    expect(briefMarkdown(brief)).toContain('\\<img src=x onerror=alert(1)\\>');
    const csv = excerptsCsv([excerpt]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { briefHtml } from '../../../src/excerpts/brief-html';
import { briefMarkdown, markdownText } from '../../../src/excerpts/brief-markdown';
import { csvCell, excerptsCsv } from '../../../src/excerpts/excerpts-csv';
import { letterDraft, MAX_EXAMPLES } from '../../../src/excerpts/letter-draft';
import { meetingSummary } from '../../../src/excerpts/meeting-summary';
import { sideBySideHtml, sideBySideRows } from '../../../src/excerpts/side-by-side';
import { buildTownBrief, buildTownBriefs, UNKNOWN_TOWN } from '../../../src/excerpts/town-brief';
import { MODEL_287G, MODEL_SHARING, sampleExcerpt, sampleSet, testBook } from './sample-excerpts';

const date = new Date('2026-11-28T12:00:00Z');
const excerpts = sampleSet();
const brief = buildTownBrief('Examplefield', excerpts, testBook);

describe('town brief', () => {
  it('groups by town with the unknown town last, and scores each question from the excerpts', () => {
    const briefs = buildTownBriefs([...excerpts, sampleExcerpt({ quote: 'x y z', town: null })], testBook);
    expect(briefs.map((b) => b.town)).toEqual(['Examplefield', 'Otherton', UNKNOWN_TOWN]);
    expect(brief.count).toBe(4);
    expect(brief.questions.map((q) => q.verdict)).toEqual([
      'green',
      'red',
      'none',
      'none',
      'none',
      'none',
      'none',
    ]);
    expect(brief.questions[1]?.notes).toHaveLength(1);
    expect(brief.unassigned.map((e) => e.quote)).toEqual(['A passage about Lunn.']);
  });
});

describe('Markdown brief', () => {
  const md = briefMarkdown(brief, date);

  it('has the seven-question scorecard', () => {
    for (const q of testBook.questions) expect(md).toContain(`| ${q.id} | ${q.title} |`);
    expect(md).toContain('| 2 | Sharing information with ICE | ✗ Red flag (1 red, 0 green) |');
    expect(md).toContain('| 1 | Checking immigration status | ✓ Green flag (0 red, 1 green) |');
  });

  it('quotes red passages with section and page under their question, then the model language', () => {
    const q2 = md.slice(md.indexOf('## 2. Sharing information with ICE'));
    expect(q2).toContain('> “Officers may share booking information with federal immigration officials');
    expect(q2).toContain(
      '> — section 413.3, [Examplefield Police Department Policy 413](<https://www.examplefieldma.gov/police/413.html>)',
    );
    expect(q2.indexOf('### Language to ask for')).toBeGreaterThan(q2.indexOf('public safety interest'));
    expect(q2).toContain(`> “${MODEL_SHARING}”`);
    expect(md).toContain('— “Immigration Status”, page 2');
    expect(md).not.toContain(MODEL_287G); // no excerpt about 287(g): nothing to ask about there
    expect(md).not.toContain('Otherton');
  });

  it('escapes text that would read as Markdown or HTML', () => {
    expect(md).toContain('Our note: Ask who decides \\<what\\> is public safety.');
    expect(markdownText('# [link](x) *b* 287(g)')).toBe('\\# \\[link\\](x) \\*b\\* 287(g)');
  });
});

describe('printable HTML brief', () => {
  const evil = sampleExcerpt({
    quote: '<script>alert(1)</script><img src=x onerror=alert(2)>',
    question: 2,
    flag: 'red',
    url: 'javascript:alert(3)',
    title: '<b>t</b>',
  });
  const html = briefHtml(buildTownBrief('Examplefield', [...excerpts, evil], testBook), date);

  it('escapes all text: page text is never markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>t</b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('href="javascript:');
  });

  it('marks red and green in words as well as colour, and holds the model language', () => {
    expect(html).toContain('<span class="mark">✗ Red flag:</span>');
    expect(html).toContain('<span class="mark">✓ Green flag:</span>');
    expect(html).toContain(MODEL_SHARING.replace('’', '’'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
  });
});

describe('side-by-side', () => {
  it('puts each question’s passages, red first, next to its model language', () => {
    const rows = sideBySideRows(brief);
    expect(rows.map((r) => r.question.info.id)).toEqual([1, 2]);
    expect(rows[1]?.passages.map((p) => p.flag)).toEqual(['red', 'note']);
    expect(rows[1]?.model[0]?.text).toBe(MODEL_SHARING);
    const html = sideBySideHtml(brief);
    expect(html).toContain('No model language in the guide for this question.');
    expect(html).toContain(MODEL_SHARING);
    expect(html).toContain('=HYPERLINK(&#34;http://x&#34;)');
  });
});

describe('meeting summary', () => {
  it('fits the main concerns, their quotes and the asks on one page', () => {
    const text = meetingSummary(brief, date);
    expect(text).toContain('Examplefield police policy and cooperation with ICE — meeting summary');
    expect(text).toContain('✗ 2. Sharing information with ICE: Red flag');
    expect(text).toContain('1. Sharing information with ICE.');
    expect(text).toContain('The policy says: “Officers may share booking information');
    expect(text).toContain(`We ask for language like: “${MODEL_SHARING}” (Model town policy).`);
    expect(text).toContain('What already works: Checking immigration status.');
    expect(text.split('\n').length).toBeLessThan(50);
  });

  it('caps the concerns so a town with many red questions still fits one page', () => {
    const many = [1, 2, 3, 4, 5, 6, 7].map((q) =>
      sampleExcerpt({ quote: 'word '.repeat(200), question: q as 1, flag: 'red', town: 'Big' }),
    );
    const text = meetingSummary(buildTownBrief('Big', many, testBook), date);
    expect(text).toMatch(/^4\. /m);
    expect(text).not.toMatch(/^5\. /m);
    expect(text).toContain('Also of concern:');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(320);
  });
});

describe('letter to the editor', () => {
  it('names the town, quotes at most two red passages and leaves brackets to fill in', () => {
    const many = [2, 4, 7].map((q) =>
      sampleExcerpt({
        quote: `Quoted passage for question ${q}.`,
        question: q as 2,
        flag: 'red',
        town: 'Big',
      }),
    );
    const text = letterDraft(buildTownBrief('Big', many, testBook));
    expect(text).toMatch(/^To the editor:/);
    expect(text).toContain('I live in Big');
    expect(text).toContain('falls short on 3 points');
    expect(text.match(/the policy says: “Quoted passage/g)).toHaveLength(MAX_EXAMPLES);
    expect(text).toContain(`“${MODEL_SHARING}”`);
    expect(text).toContain('[Your name]');
  });
});

describe('CSV', () => {
  const csv = excerptsCsv(excerpts);

  it('has one row per excerpt with RFC 4180 quoting and CRLF line ends', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Town,Question,Flag,Quote,Section,Page,Document,URL,Note,Rule,Explanation,Saved,Edited,Id',
    );
    expect(lines).toHaveLength(excerpts.length + 2); // header, rows, empty after the last CRLF
    expect(csv).toContain('"Sharing for ""public safety"" is a red flag in the guide."');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") -1 @sum"`);
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvCell(risky).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(4)).toBe('4');
  });
});

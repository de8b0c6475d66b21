// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import type { Flag, Report } from '../../../src/engine/report';
import { textLayerHealth } from '../../../src/pdf/analyse-pdf';
import { flagLocation, piecesByPage } from '../../../src/pdf/page-passages';
import { searchPages } from '../../../src/pdf/text-search';
import { pageTextFromItems } from '../../../src/sources/pdf-text';

const pages = ['Header\nOfficers may share information', 'with ICE.\nFooter', 'No funds shall be used.'];
const { text, pageStarts } = originalText({ source: 'x', title: null, pages });
const lengths = pages.map((p) => p.length);

function flagFor(quote: string, colour: 'red' | 'green'): Flag {
  const start = text.indexOf(quote);
  return {
    rule: `q2-${colour}`,
    flag: colour,
    start,
    end: start + quote.length,
    page: null,
    quote,
    explanation: '',
    absence: false,
    question: 2,
    section: null,
  };
}

function reportWith(flags: Flag[]): Report {
  return {
    source: 'x',
    title: null,
    pages: 3,
    chars: text.length,
    lexipol: { detected: false, passages: [] },
    questions: [{ id: 2, title: 't', verdict: 'red', flags, verdictReason: '', silenceIsRed: false }],
    warnings: [],
    rulesVersion: '1',
  };
}

describe('piecesByPage', () => {
  it('splits a passage that crosses a page break into one piece per page, with page-local offsets', () => {
    const across = flagFor('Officers may share information\n\f\nwith ICE.', 'red');
    const inside = flagFor('No funds shall be used.', 'green');
    const byPage = piecesByPage(reportWith([across, inside]), pageStarts, lengths);
    const first = byPage.get(1)?.[0];
    const second = byPage.get(2)?.[0];
    expect(pages[0]!.slice(first!.start, first!.end)).toBe('Officers may share information');
    expect(pages[1]!.slice(second!.start, second!.end)).toBe('with ICE.');
    expect(byPage.get(3)?.map((p) => pages[2]!.slice(p.start, p.end))).toEqual(['No funds shall be used.']);
    expect(flagLocation(across, pageStarts)?.page).toBe(1);
    expect(flagLocation(inside, pageStarts)).toEqual({ page: 3, start: 0, end: 23 });
  });

  it('leaves absence flags out (they have no passage)', () => {
    const absent: Flag = { ...flagFor('No funds', 'red'), start: null, end: null, absence: true };
    expect(piecesByPage(reportWith([absent]), pageStarts, lengths).size).toBe(0);
  });
});

describe('searchPages', () => {
  it('finds words across line breaks, in any case, with page-local offsets', () => {
    // A match never spans two pages: each page is searched on its own.
    expect(searchPages(pages, 'information with')).toEqual([]);
    const wrapped = searchPages(['share\ninformation', 'x SHARE information'], 'share information');
    expect(wrapped).toEqual([
      { page: 1, start: 0, end: 17 },
      { page: 2, start: 2, end: 19 },
    ]);
    expect(searchPages(pages, '  ')).toEqual([]);
    expect(searchPages(['a (b) [c]'], '(b) [c]')).toEqual([{ page: 1, start: 2, end: 9 }]);
  });
});

describe('textLayerHealth', () => {
  const page = (s: string) =>
    pageTextFromItems(
      s ? [{ str: s, transform: [10, 0, 0, 10, 0, 0], width: 1, height: 10, hasEOL: false }] : [],
    );
  const prose = 'Officers shall not inquire about the immigration status of any person they meet. '.repeat(3);

  it('calls a document of empty pages scanned', () => {
    expect(textLayerHealth([page(''), page(''), page('3')]).noTextLayer).toBe(true);
  });

  it('lists the empty pages of an otherwise readable document', () => {
    const health = textLayerHealth([page(prose), page(''), page(prose)]);
    expect(health).toEqual({ noTextLayer: false, pagesWithoutText: [2] });
  });
});

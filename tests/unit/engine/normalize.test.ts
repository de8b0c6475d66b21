// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import { type NormalizedText, normalize, toOriginalSpan } from '../../../src/engine/normalize';

const plain = (text: string) => normalize({ text, pageStarts: [] });
const paged = (pages: string[]) => {
  const original = originalText({ source: 'test.pdf', title: null, pages });
  return { original, norm: normalize(original) };
};
/** The original passage behind the first occurrence of `needle` in the normalised text. */
const originalOf = (original: string, norm: NormalizedText, needle: string) => {
  const at = norm.text.indexOf(needle);
  expect(at, `"${needle}" in ${JSON.stringify(norm.text)}`).toBeGreaterThanOrEqual(0);
  const [a, b] = toOriginalSpan(norm, at, at + needle.length);
  return original.slice(a, b);
};

describe('normalize: characters', () => {
  it('straightens curly quotes and apostrophes, and maps them back to the curly ones', () => {
    const text = 'The officer\u2019s \u201cdetainer\u201d request';
    const norm = plain(text);
    expect(norm.text).toBe('The officer\'s "detainer" request');
    expect(text[norm.toOriginal[norm.text.indexOf("'")]!]).toBe('\u2019');
    expect(originalOf(text, norm, '"detainer"')).toBe('\u201cdetainer\u201d');
  });

  it('turns NBSP, thin spaces and tabs into one plain space and drops zero-width characters', () => {
    const norm = plain('No\u00a0officer\u2009\u2009shall\t\tin\u200bquire \u200b about\u202fstatus');
    expect(norm.text).toBe('No officer shall inquire about status');
  });

  it('trims spaces at both ends of every line', () => {
    expect(plain('   Officers shall not   \n    share data.   ').text).toBe(
      'Officers shall not\nshare data.',
    );
  });

  it('spells out ligatures; every letter points at the ligature', () => {
    const text = 'an o\ufb03cer ﬁles the ﬂag';
    const norm = plain(text);
    expect(norm.text).toBe('an officer files the flag');
    const at = norm.text.indexOf('ffi');
    expect([0, 1, 2].map((k) => norm.toOriginal[at + k])).toEqual([4, 4, 4]);
    expect(originalOf(text, norm, 'officer')).toBe('o\ufb03cer');
    expect(originalOf(text, norm, 'of')).toBe('o\ufb03');
  });

  it('removes soft hyphens inside words', () => {
    expect(plain('immi\u00adgration').text).toBe('immigration');
  });

  it('keeps case (ICE is not ice)', () => {
    expect(plain('Notify ICE, not the ice rink.').text).toBe('Notify ICE, not the ice rink.');
  });

  it('turns stray control characters into spaces and leaves other scripts alone', () => {
    expect(plain('shall\u0000not\u0007share').text).toBe('shall not share');
    expect(plain('Política 移民 سياسة 👮 policy').text).toBe('Política 移民 سياسة 👮 policy');
  });

  it('reads cp1252 punctuation that PDFs leave as control codes', () => {
    expect(plain('officer\u0092s \u0093hold\u0094').text).toBe('officer\'s "hold"');
  });
});

describe('normalize: lines', () => {
  it('turns CRLF and lone CR into \\n', () => {
    expect(plain('one\r\ntwo\rthree\nfour').text).toBe('one\ntwo\nthree\nfour');
  });

  it('keeps single line breaks and makes any run of blank lines exactly one', () => {
    expect(plain('a\nb\n\n\n\nc\n \t \nd').text).toBe('a\nb\n\nc\n\nd');
  });

  it('drops blank lines at the start and the end', () => {
    expect(plain('\n\n  \nPolicy text.\n\n\n').text).toBe('Policy text.');
  });

  it('treats a paragraph separator (U+2029) as a blank line', () => {
    expect(plain('First.\u2029Second.').text).toBe('First.\n\nSecond.');
  });

  it('joins a word hyphenated over a line break', () => {
    const text = 'federal immigra-\ntion officials';
    const norm = plain(text);
    expect(norm.text).toBe('federal immigration officials');
    expect(originalOf(text, norm, 'immigration')).toBe('immigra-\ntion');
  });

  it('joins a word broken with a soft hyphen at the line end', () => {
    expect(plain('the de\u00ad\ntainer').text).toBe('the detainer');
  });

  it('keeps real hyphens: I-247, 287(g)-type, numbers and capitals', () => {
    expect(plain('form I-\n247 and 287(g)-\ntype deals').text).toBe('form I-\n247 and 287(g)-\ntype deals');
    expect(plain('section 200-\n15').text).toBe('section 200-\n15');
    expect(plain('the DHS-\nICE office').text).toBe('the DHS-\nICE office');
  });

  it('joins lowercase compounds too (a known price: "well-\\nknown" becomes "wellknown")', () => {
    expect(plain('a well-\nknown rule').text).toBe('a wellknown rule');
  });

  it('does not join over a blank line', () => {
    expect(plain('immigra-\n\ntion').text).toBe('immigra-\n\ntion');
  });
});

describe('normalize: pages', () => {
  const header = 'Chicopee Police Department\nPolicy Manual';

  it('drops running heads and page numbers, and joins a sentence cut by a page break', () => {
    const { original, norm } = paged([
      `${header}\n413.1 PURPOSE\nOfficers shall not share information with federal\n1`,
      `${header}\nimmigration officials.\nThe Department shall not hold anyone.\n2`,
      `${header}\nNo funds shall be used for immigration enforcement.\n3`,
    ]);
    expect(norm.text).toBe(
      '413.1 PURPOSE\nOfficers shall not share information with federal\nimmigration officials.\n' +
        'The Department shall not hold anyone.\n\nNo funds shall be used for immigration enforcement.',
    );
    expect(norm.removedLines).toHaveLength(9);
    for (const [a, b] of norm.removedLines ?? []) {
      expect(['Chicopee Police Department', 'Policy Manual', '1', '2', '3']).toContain(
        original.text.slice(a, b),
      );
    }
  });

  it('recognises running heads whose digits change from page to page', () => {
    const bodies = [
      'Detainers are requests.',
      'Officers shall not ask.',
      'No funds.',
      'Notify the arrestee.',
      'End.',
    ];
    const pages = bodies.map(
      (body, p) => `Tewksbury PD Manual Revised 2024/0${p + 1}/01\n${body}\nPolicy 413 - ${p + 100}`,
    );
    expect(paged(pages).norm.text).toBe(bodies.join('\n\n'));
  });

  it('keeps body text that repeats on every page', () => {
    const page =
      'Town Police Manual\nOfficers shall not share information with ICE.\nNo member shall ask;\nfederal immigra-\ntion officials.';
    const { norm } = paged([page, page, page, page]);
    expect(
      norm.text.startsWith(
        'Officers shall not share information with ICE.\nNo member shall ask;\nfederal immigration',
      ),
    ).toBe(true);
    expect(norm.text).not.toContain('Town Police Manual');
  });

  it('keeps numbered section headings that happen to open several pages', () => {
    const pages = [113, 212, 745, 801].map(
      (n) => `Town PD Manual\n${n}.1 PURPOSE AND SCOPE\nBody of policy ${n}.`,
    );
    const { norm } = paged(pages);
    expect(norm.text).toContain('113.1 PURPOSE AND SCOPE\nBody of policy 113.');
    expect(norm.text).toContain('745.1 PURPOSE AND SCOPE\nBody of policy 745.');
    expect(norm.text).not.toContain('Town PD Manual');
  });

  it('keeps a wrapped body line that opens or closes several pages (boilerplate repeats)', () => {
    const pages = [1, 2, 3, 4].map(
      (n) =>
        `Town PD Manual\nMembers who are unsure about this policy should consult a supervisor\nbefore acting. Rule ${n}.\nFor more, see the\n${n}`,
    );
    const { norm } = paged(pages);
    expect(norm.text.match(/should consult a supervisor\nbefore acting/g)).toHaveLength(4);
    expect(norm.text.match(/For more, see the/g)).toHaveLength(4);
  });

  it('drops a Lexipol-style copyright foot and reports where it was', () => {
    const foot =
      'Copyright Lexipol, LLC 2024/01/05, All Rights Reserved.\nPublished with permission by Town Police Department';
    const { original, norm } = paged([`One.\n${foot}`, `Two.\n${foot}`, `Three.\n${foot}`]);
    expect(norm.text).toBe('One.\n\nTwo.\n\nThree.');
    const dropped = (norm.removedLines ?? []).map(([a, b]) => original.text.slice(a, b));
    expect(dropped.filter((line) => line.startsWith('Published with permission'))).toHaveLength(3);
  });

  it('recognises the usual page-number shapes', () => {
    const shapes = [
      '12',
      'Page 3',
      'Page 3 of 40',
      '3 of 40',
      '- 7 -',
      '\u2013 7 \u2013',
      'Policy Manual - Page 5',
      'iv',
    ];
    for (const shape of shapes) {
      const { norm } = paged([`First page body.\n${shape}`, `Second page body.\n${shape.replace('7', '8')}`]);
      expect(norm.text, shape).toBe('First page body.\n\nSecond page body.');
    }
  });

  it('joins a word hyphenated over a page break', () => {
    const { original, norm } = paged([`${header}\nthe arrestee's immigra-\n4`, `${header}\ntion status.\n5`]);
    expect(norm.text).toBe("the arrestee's immigration status.");
    expect(originalOf(original.text, norm, 'immigration')).toBe(
      'immigra-\n4\n\f\nChicopee Police Department\nPolicy Manual\ntion',
    );
  });

  it('joins a sentence cut by a page break even when the next page goes on with a capital', () => {
    const { norm } = paged([
      `${header}\nOfficers shall notify\n1`,
      `${header}\nImmigration and Customs Enforcement.\n2`,
    ]);
    expect(norm.text).toBe('Officers shall notify\nImmigration and Customs Enforcement.');
  });

  it('keeps a lead-in and its list together over a page break (one line break after the colon)', () => {
    const { norm } = paged([`${header}\nOfficers shall not:\n1`, `${header}\nAsk about status.\n2`]);
    expect(norm.text).toBe('Officers shall not:\nAsk about status.');
  });

  it('starts a new paragraph at a page break after a full sentence', () => {
    const { norm } = paged(['The first page ends here.', 'the second starts in lowercase.']);
    expect(norm.text).toBe('The first page ends here.\n\nthe second starts in lowercase.');
  });

  it('keeps body lines that repeat in the middle of pages, and lines that open only one page', () => {
    const { norm } = paged([
      'Immigration Detainers\nOfficers shall not hold.\nImmigration Detainers\nEnd one.',
      'Definitions\nA detainer is a request.\nEnd two.',
      'Procedure\nNotify the arrestee.\nEnd three.',
    ]);
    expect(norm.text).toContain('Immigration Detainers\nOfficers shall not hold.\nImmigration Detainers');
    expect(norm.text).toContain('Definitions\nA detainer is a request.');
    expect(norm.removedLines).toBeUndefined();
  });

  it('never drops lines of unpaged text without page marks', () => {
    expect(plain('Header\nBody.\n12\nHeader\nMore body.\n13').text).toBe(
      'Header\nBody.\n12\nHeader\nMore body.\n13',
    );
  });

  it('drops "Page N of M" lines and the running heads beside them from text that lost its page breaks', () => {
    const text = [
      'OAKVILLE POLICE DEPARTMENT        GENERAL ORDER 12-3',
      'Subject: Immigration        Page 1 of 2',
      '',
      'Members shall notify a prisoner when a detainer has',
      'OAKVILLE POLICE DEPARTMENT        GENERAL ORDER 12-3',
      'Subject: Immigration        Page 2 of 2',
      'been lodged. Members shall not hold anyone on it.',
    ].join('\n');
    const norm = plain(text);
    expect(norm.text).toBe(
      'Members shall notify a prisoner when a detainer has\nbeen lodged. Members shall not hold anyone on it.',
    );
    expect(norm.removedLines).toHaveLength(4);
  });

  it('keeps "page N of M" references that do not count the pages of one document', () => {
    const text = 'See the table on page 2 of 3\nBody line one.\nThe form is on page 5 of 9\nEnd.';
    expect(plain(text).text).toBe(text);
  });

  it('takes form feeds of unpaged text (pdftotext output) as page breaks', () => {
    const text = 'Town PD Manual\nOne.\n1\fTown PD Manual\nTwo.\n2\fTown PD Manual\nThree.\n3';
    expect(plain(text).text).toBe('One.\n\nTwo.\n\nThree.');
  });
});

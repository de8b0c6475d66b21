// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatScorecard, trimQuote } from '../../../src/cli/format-scorecard';
import { commonFolder, formatSummaryTable } from '../../../src/cli/summary-table';
import { ANSI_STYLE, PLAIN_STYLE, styleFor } from '../../../src/cli/terminal-style';
import { LEXIPOL_MARKER } from '../../../src/engine/analyze';
import type { Flag, QuestionId, Report, Verdict } from '../../../src/engine/report';

const LONG = `Requests by federal immigration officials for assistance from this department should be directed to a supervisor. ${'The Department may provide available support services. '.repeat(5)}`;

function flag(
  question: QuestionId,
  colour: 'red' | 'green',
  start: number,
  quote: string,
  extra: Partial<Flag> = {},
): Flag {
  return {
    rule: `q${question}-${colour}-test`,
    flag: colour,
    start,
    end: start + quote.length,
    page: null,
    quote,
    explanation: 'why',
    absence: false,
    question,
    section: null,
    ...extra,
  };
}

function report(): Report {
  const titles = ['Checking status', 'Sharing', 'Lunn', 'Detainers', 'Raids', 'Funds', '287(g)'];
  const verdicts: Verdict[] = ['mixed', 'red', 'silent', 'red', 'red', 'green', 'green'];
  const flags: Flag[][] = [
    [
      flag(1, 'green', 500, 'Officers shall not ask victims about their\nimmigration status.', {
        page: 3,
        section: '428.3',
      }),
      flag(1, 'red', 100, 'may detain the person', { page: 1, section: 'Detentions' }),
    ],
    [flag(2, 'red', 900, 'Sending information to federal immigration officials')],
    [],
    [
      {
        ...flag(4, 'red', 0, 'The policy does not require telling an arrestee about a detainer.'),
        start: null,
        end: null,
        absence: true,
        rule: 'q4-silence',
      },
    ],
    [flag(5, 'red', 1200, LONG)],
    [flag(6, 'green', 1500, 'No funds shall be used')],
    [flag(7, 'green', 1700, 'shall not enter into a 287(g) agreement')],
  ];
  return {
    source: 'policies/haverwick.pdf',
    title: 'Policy 428',
    pages: 12,
    chars: 34567,
    lexipol: {
      detected: true,
      passages: [
        { start: 1, end: 2, page: 1, fingerprint: 'x', similarity: 1, label: 'x' },
        {
          start: 5,
          end: 9,
          page: 1,
          fingerprint: LEXIPOL_MARKER.fingerprint,
          similarity: 1,
          label: 'notice',
        },
        {
          start: 15,
          end: 19,
          page: 1,
          fingerprint: LEXIPOL_MARKER.fingerprint,
          similarity: 1,
          label: 'notice',
        },
        {
          start: 25,
          end: 29,
          page: 2,
          fingerprint: LEXIPOL_MARKER.fingerprint,
          similarity: 1,
          label: 'notice',
        },
      ],
    },
    // Out of order on purpose: the scorecard must print the guide's order.
    questions: [7, 1, 2, 3, 4, 5, 6].map((id) => ({
      id: id as QuestionId,
      title: titles[id - 1]!,
      verdict: verdicts[id - 1]!,
      flags: flags[id - 1]!,
      verdictReason: 'reason',
      silenceIsRed: [4, 6, 7].includes(id),
    })),
    warnings: ['page 7 of 12 has no text layer (scanned?): flags there cannot be found'],
    rulesVersion: 'test',
  };
}

describe('formatScorecard', () => {
  const text = formatScorecard(report(), PLAIN_STYLE);
  const lines = text.split('\n');

  it('prints a header with the source, title, pages, size, Lexipol and warnings', () => {
    expect(lines[0]).toBe('policies/haverwick.pdf');
    expect(lines[1]).toBe('  Policy 428');
    expect(lines[2]).toBe(
      '  12 pages · 34,567 characters · Lexipol language detected (1 boilerplate passage, manual notice on 2 pages)',
    );
    expect(lines[3]).toBe(
      '  warning: page 7 of 12 has no text layer (scanned?): flags there cannot be found',
    );
  });

  it('prints seven question rows in the guide order, with a symbol per verdict and passage counts', () => {
    const rows = lines.filter((line) => /^ {2}\d {2}/.test(line));
    expect(rows.map((row) => row.slice(2, 3))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows[0]).toMatch(/^ {2}1 {2}Checking status +± mixed +2$/);
    expect(rows[2]).toMatch(/Lunn +– silent +0$/);
    expect(rows[5]).toMatch(/Funds +✓ green +1$/);
  });

  it('says when a red verdict comes only from silence', () => {
    const rows = lines.filter((line) => /^ {2}\d {2}/.test(line));
    expect(rows[3]).toMatch(/Detainers +✗ red +0 {2}\(silence counts as red\)$/);
    expect(rows[1]).not.toContain('silence');
  });

  it('lists the passages in reading order with question, colour, page, section and a one-line quote', () => {
    const start = lines.indexOf('  Flagged passages (6)');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toBe('  ✗ Q1 red · page 1 · “Detentions”  (q1-red-test)');
    expect(lines[start + 2]).toBe('    “may detain the person”');
    expect(lines[start + 3]).toBe('  ✓ Q1 green · page 3 · § 428.3  (q1-green-test)');
    expect(lines[start + 4]).toBe('    “Officers shall not ask victims about their immigration status.”');
    // The absence flag is not a passage.
    expect(text).not.toContain('does not require telling');
  });

  it('trims long quotes to about 200 characters at a word boundary', () => {
    const quoteLine = lines.find((line) => line.startsWith('    “Requests by federal'));
    expect(quoteLine).toBeDefined();
    const quote = quoteLine!.trim().slice(1, -1);
    expect(quote.length).toBeLessThanOrEqual(201);
    expect(quote.endsWith('…')).toBe(true);
    expect(LONG.startsWith(quote.slice(0, -1))).toBe(true);
    expect(trimQuote('short  and\n wrapped')).toBe('short and wrapped');
    expect(trimQuote('a person’s immi-\ngration status; Policy 7 -\nPage 2')).toBe(
      'a person’s immigration status; Policy 7 - Page 2',
    );
  });

  it('uses no escape codes in plain style and colours verdicts in ANSI style', () => {
    expect(text).not.toContain('\x1b[');
    const coloured = formatScorecard(report(), ANSI_STYLE);
    expect(coloured).toContain('\x1b[31m✗ red');
    expect(coloured).toContain('\x1b[32m✓ green');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(text);
  });
});

describe('styleFor', () => {
  it('colours only a terminal without NO_COLOR', () => {
    expect(styleFor({ isTTY: true }, {})).toBe(ANSI_STYLE);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(PLAIN_STYLE);
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN_STYLE);
    expect(styleFor({}, {})).toBe(PLAIN_STYLE);
  });
});

describe('commonFolder', () => {
  it('finds the folder all files share, at a path boundary', () => {
    expect(commonFolder(['x/policies/a.txt', 'x/policies/sub/b.pdf'])).toBe('x/policies/');
    expect(commonFolder(['x/pol/a.txt', 'x/policies/b.txt'])).toBe('x/');
    expect(commonFolder(['a.txt', 'x/b.txt'])).toBe('');
    expect(commonFolder(['x/a.txt'])).toBe('');
  });
});

describe('formatSummaryTable', () => {
  it('has one row per document: a symbol per question, passage counts, Lexipol, or the error', () => {
    const table = formatSummaryTable(
      [
        { file: 'a/haverwick.pdf', report: report() },
        { file: 'a/locked.pdf', error: 'is password-protected' },
      ],
      PLAIN_STYLE,
    ).split('\n');
    expect(table[0]).toBe('Summary: 2 documents in a/   (✗ red  ✓ green  ± mixed  – silent)');
    expect(table[1]).toMatch(/^Document +Q1 Q2 Q3 Q4 Q5 Q6 Q7 +Red Green +Lexipol$/);
    expect(table[2]).toMatch(/^haverwick\.pdf +± {2}✗ {2}– {2}✗ {2}✗ {2}✓ {2}✓ +3 +3 +yes$/);
    expect(table[3]).toMatch(/^locked\.pdf +error: is password-protected$/);
    expect(table).toHaveLength(4);
  });
});

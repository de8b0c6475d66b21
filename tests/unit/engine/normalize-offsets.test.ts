// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import { type NormalizedText, normalize, toOriginalSpan } from '../../../src/engine/normalize';
import { classify, isBreak, LINE_BREAK, PARAGRAPH_BREAK } from '../../../src/engine/normalize-chars';
import { countWork } from '../../helpers/work-counter';

const plain = (text: string) => normalize({ text, pageStarts: [] });

const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032\u02bc\u0091\u0092";
const DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u0093\u0094';
const LINE_BREAKS = '\n\r\u000b\f\u0085\u2028\u2029';
const alphabet = [
  ...'aeiouxyzAEIOU0123456789.,;:()-§',
  ...SINGLE_QUOTES,
  ...DOUBLE_QUOTES,
  ...' \t\u00a0\u2009\u202f\u3000',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u0000',
  '\u0007',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\u2029',
  '\ufb01',
  '\ufb03',
  '\u2010',
  '\u00e9',
  '\u79fb',
  '\ud83d\udc6e',
  'immigra-\ntion',
];
const policyish = fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((parts) => parts.join(''));

/** Is `out` (a normalised char) what normalisation makes of the original char `from`? */
function comesFrom(out: string, from: string): boolean {
  if (out === from) return true;
  if (out === "'") return SINGLE_QUOTES.includes(from);
  if (out === '"') return DOUBLE_QUOTES.includes(from);
  if (out === '\n') return LINE_BREAKS.includes(from);
  if (out === ' ') return /[\s\u0000-\u001f\u007f-\u009f]/.test(from);
  if (out === '-') return '\u2010\u2011\u2212'.includes(from);
  return from.normalize('NFKC').includes(out);
}

/** A passage with everything normalisation may add, drop or replace taken out. */
function essence(text: string): string {
  return text
    .replace(/[\u0091\u0092]/g, "'")
    .replace(/[\u0093\u0094]/g, '"')
    .normalize('NFKC')
    .replace(/[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b\ufeff\u2028\u2029-]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2212]/g, '');
}

function checkOffsets(original: string, norm: NormalizedText) {
  const map = norm.toOriginal;
  expect(map.length).toBe(norm.text.length + 1);
  expect(map[norm.text.length]).toBe(original.length);
  for (let i = 0; i < norm.text.length; i++) {
    const at = map[i]!;
    expect(at).toBeGreaterThanOrEqual(i === 0 ? 0 : map[i - 1]!);
    expect(at).toBeLessThan(original.length);
    expect(comesFrom(norm.text[i]!, original[at]!), `char ${i} ${JSON.stringify(norm.text[i])}`).toBe(true);
  }
}

describe('normalize: offsets (properties)', () => {
  it('maps every normalised character to the original character it came from', () => {
    fc.assert(
      fc.property(policyish, (text) => {
        checkOffsets(text, plain(text));
      }),
      { numRuns: 400 },
    );
  });

  it('maps every span back to an original passage that differs only by removed characters', () => {
    fc.assert(
      fc.property(policyish, fc.nat(), fc.nat(), (text, x, y) => {
        const norm = plain(text);
        const len = norm.text.length;
        let start = len === 0 ? 0 : x % (len + 1);
        let end = start + (len === start ? 0 : y % (len - start + 1));
        // A span can only begin or end on a whole ligature: widen it if it cuts one.
        const map = norm.toOriginal;
        while (start > 0 && start < end && map[start - 1] === map[start] && text[map[start]!]! > '\u00ff')
          start--;
        while (end > start && end < len && map[end] === map[end - 1] && text[map[end]!]! > '\u00ff') end++;
        const [a, b] = toOriginalSpan(norm, start, end);
        expect(a).toBeLessThanOrEqual(b);
        expect(essence(text.slice(a, b))).toBe(essence(norm.text.slice(start, end)));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps offsets exact on paged text with running heads', () => {
    const page = fc
      .array(
        fc.constantFrom('Town Police Manual', 'Officers shall not ask.', 'immigra-', 'tion', '7', 'ICE'),
        {
          maxLength: 6,
        },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 6 }), (pages) => {
        const original = originalText({ source: 'x.pdf', title: null, pages });
        const norm = normalize(original);
        checkOffsets(original.text, norm);
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(policyish, (text) => {
        const once = plain(text).text;
        expect(plain(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalize: odd input', () => {
  it('handles empty text', () => {
    const norm = plain('');
    expect(norm.text).toBe('');
    expect([...norm.toOriginal]).toEqual([0]);
    expect(toOriginalSpan(norm, 0, 0)).toEqual([0, 0]);
  });

  it('clamps spans outside the text', () => {
    const norm = plain('Officers shall not ask.');
    expect(toOriginalSpan(norm, -5, 999)).toEqual([0, 23]);
    expect(toOriginalSpan(norm, 10, 3)).toEqual([10, 10]);
  });

  it('keeps offsets exact whatever page starts a caller passes (unsorted, out of range, mid-line)', () => {
    fc.assert(
      fc.property(
        policyish,
        fc.array(fc.integer({ min: -5, max: 200 }), { maxLength: 6 }),
        (text, starts) => {
          checkOffsets(text, normalize({ text, pageStarts: starts }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('normalize: character classes', () => {
  it('isBreak agrees with the class table for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const k = classify(c);
      if (isBreak(c) !== (k === LINE_BREAK || k === PARAGRAPH_BREAK)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect([...LINE_BREAKS].every((ch) => isBreak(ch.charCodeAt(0)))).toBe(true);
  });

  it('copies printable ASCII runs exactly: single spaces kept, double spaces and odd characters not', () => {
    expect(plain('Officers  shall\u00a0not ask~ about "status"!').text).toBe(
      'Officers shall not ask~ about "status"!',
    );
  });
});

describe('normalize: hostile and large input', () => {
  it('survives a megabyte of one character, of line breaks and of control characters', () => {
    expect(plain('a'.repeat(1_000_000)).text).toHaveLength(1_000_000);
    expect(plain('\n'.repeat(1_000_000)).text).toBe('');
    expect(plain('\u0001'.repeat(1_000_000)).text).toBe('');
    expect(plain(':'.repeat(500_000)).text).toHaveLength(500_000);
    expect(plain('-\n'.repeat(300_000)).text).toHaveLength(599_999);
  });

  it('stays linear on a 3 MB paged manual', () => {
    const body =
      'No member shall share information with federal immigra-\ntion officials.\n(a) ask;\n'.repeat(30);
    const pages = Array.from(
      { length: 1200 },
      (_, p) => `Town Police Department\nPolicy Manual\n${body}Page ${p + 1}`,
    );
    const original = originalText({ source: 'big.pdf', title: null, pages });
    const { result: norm, steps } = countWork(() => normalize(original));
    // Work, not time (tests/helpers/work-counter.ts): a few steps per character; a quadratic step would
    // do hundreds of thousands per character on 3 MB. The time is in bench/hostile.ts.
    expect(steps / original.text.length).toBeLessThan(32);
    expect(
      norm.text.startsWith('No member shall share information with federal immigration officials.'),
    ).toBe(true);
    expect(norm.text).not.toContain('Policy Manual');
  });
});

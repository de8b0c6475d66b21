import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../src/engine/report';
import {
  CONTEXT_CHARS,
  draftFromFlag,
  draftFromSelection,
  quoteAt,
} from '../../../src/excerpts/excerpt-draft';

const text =
  'Section 413.2 Immigration status. Officers shall not inquire about a person’s immigration status. ' +
  'Officers may share booking information with ICE when it serves a public safety interest.';

function flagOf(quote: string): Flag {
  const start = text.indexOf(quote);
  return {
    rule: 'q2-red-share-public-safety',
    flag: 'red',
    start,
    end: start + quote.length,
    page: null,
    quote,
    explanation: 'Sharing "in the public safety interest" is a red flag.',
    absence: false,
    question: 2,
    section: '413.2',
  };
}

describe('draftFromFlag', () => {
  it('keeps the quote, its context on both sides and the flag fields', () => {
    const quote = 'Officers may share booking information with ICE';
    const draft = draftFromFlag(flagOf(quote), {
      text,
      url: 'https://www.chicopeema.gov/policy.html',
      title: 'Chicopee Police Department Policy 413',
    });
    expect(draft.quote).toBe(quote);
    expect(text.slice(draft.start, draft.end)).toBe(quote);
    expect(draft.prefix).toBe(text.slice(draft.start - CONTEXT_CHARS, draft.start));
    expect(draft.suffix).toBe(text.slice(draft.end, draft.end + CONTEXT_CHARS));
    expect(draft).toMatchObject({
      question: 2,
      flag: 'red',
      rule: 'q2-red-share-public-safety',
      section: '413.2',
      town: 'Chicopee',
      note: '',
      pdfFingerprint: null,
    });
  });

  it('refuses an absence flag, which has no passage', () => {
    const absence: Flag = { ...flagOf('Officers'), start: null, end: null, absence: true };
    expect(() => draftFromFlag(absence, { text, url: 'https://x.org', title: null })).toThrow(/absence/);
  });
});

describe('quoteAt', () => {
  it('clips the context at the ends of the text', () => {
    const q = quoteAt(text, 0, 7);
    expect(q.prefix).toBe('');
    expect(q.quote).toBe('Section');
    const end = quoteAt(text, text.length - 3, text.length);
    expect(end.suffix).toBe('');
  });

  it('rejects offsets outside the text or an empty passage', () => {
    expect(() => quoteAt(text, 5, 5)).toThrow(RangeError);
    expect(() => quoteAt(text, -1, 4)).toThrow(RangeError);
    expect(() => quoteAt(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

describe('draftFromSelection', () => {
  it('is a note without question or rule unless the user picks them', () => {
    const draft = draftFromSelection(
      { text, url: 'file:///policy.pdf', title: null, pdfFingerprint: 'abc' },
      8,
      13,
      {
        page: 3,
      },
    );
    expect(draft).toMatchObject({
      quote: '413.2',
      flag: 'note',
      question: null,
      rule: null,
      page: 3,
      pdfFingerprint: 'abc',
    });
  });
});

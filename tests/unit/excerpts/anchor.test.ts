// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchorExcerpt } from '../../../src/excerpts/anchor';
import { quoteAt } from '../../../src/excerpts/excerpt-draft';

const original = [
  '413.1 Purpose. This policy guides members in matters of immigration.',
  '413.2 Status. Officers shall not inquire about a person’s immigration status except when required by law.',
  '413.3 Sharing. Officers may share booking information with federal immigration officials when doing so serves a public safety interest.',
  '413.4 Detainers. Officers shall notify the person named in an immigration detainer and give them a copy.',
].join('\n\n');

function selectorsFor(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error('test quote not in text');
  return quoteAt(text, start, start + quote.length);
}

const sharing = 'Officers may share booking information with federal immigration officials';

describe('anchorExcerpt', () => {
  it('finds the quote where it was saved', () => {
    const saved = selectorsFor(original, sharing);
    expect(anchorExcerpt(original, saved)).toEqual({
      start: saved.start,
      end: saved.end,
      how: 'exact',
      errors: 0,
    });
  });

  it('finds the quote after text was added above it (the position is only a hint)', () => {
    const saved = selectorsFor(original, sharing);
    const moved = `NEW PREAMBLE adopted in 2026 by the select board after a public hearing.\n\n${original}`;
    const anchor = anchorExcerpt(moved, saved);
    expect(anchor?.how).toBe('exact');
    expect(moved.slice(anchor!.start, anchor!.end)).toBe(sharing);
  });

  it('chooses among repeated quotes by the saved context, not the nearest position', () => {
    const text = 'In 413.2: Officers shall not inquire. In 413.9: Officers shall not inquire. The end.';
    const second = text.lastIndexOf('Officers shall not inquire');
    const saved = quoteAt(text, second, second + 'Officers shall not inquire'.length);
    // The hint now points at the first occurrence; the prefix "413.9: " still picks the second.
    const shifted = { ...saved, start: text.indexOf('Officers'), end: text.indexOf('Officers') + 26 };
    expect(anchorExcerpt(text, shifted)?.start).toBe(second);
  });

  it('finds an edited passage fuzzily', () => {
    const saved = selectorsFor(original, sharing);
    const edited = original.replace(
      sharing,
      'Officers may share arrest and booking information with federal immigration officers',
    );
    const anchor = anchorExcerpt(edited, saved);
    expect(anchor?.how).toBe('fuzzy');
    expect(anchor!.errors).toBeGreaterThan(0);
    const found = edited.slice(anchor!.start, anchor!.end);
    expect(found).toMatch(
      /^Officers may share arrest and booking information with federal immigration officer/,
    );
  });

  it('finds a passage whose line breaks and spaces changed (a PDF extracted again)', () => {
    const saved = selectorsFor(original, sharing);
    const reflowed = original.replace(sharing, sharing.replace(/ (booking|federal) /g, '\n$1  '));
    const anchor = anchorExcerpt(reflowed, saved);
    expect(anchor?.how).toBe('fuzzy');
    expect(reflowed.slice(anchor!.start, anchor!.end).replace(/\s+/g, ' ')).toBe(sharing);
  });

  it('returns null when the passage is gone', () => {
    const saved = selectorsFor(original, sharing);
    const removed = original.replace(/413\.3 Sharing\.[^\n]*/, '413.3 Sharing. Repealed.');
    expect(anchorExcerpt(removed, saved)).toBeNull();
  });

  it('does not match a short quote fuzzily to some other word', () => {
    const saved = selectorsFor(original, 'copy');
    expect(anchorExcerpt(original.replace('copy', 'cop'), saved)).toBeNull();
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sectionNear } from '../../../src/excerpts/section-near';

const text = [
  'Immigration Policy',
  '413.1 Purpose',
  'This policy guides members.',
  '',
  '413.2 Status checks',
  'Officers shall not inquire about status.',
  'More text on the same topic.',
  '  Sec. 9 Detainers',
  'Detainers are not honoured.',
].join('\n');

describe('sectionNear', () => {
  it('finds the section opening the nearest line before the passage', () => {
    expect(sectionNear(text, text.indexOf('More text'))).toBe('413.2');
    expect(sectionNear(text, text.indexOf('members'))).toBe('413.1');
    expect(sectionNear(text, text.indexOf('honoured'))).toBe('Sec. 9');
    expect(sectionNear(text, text.indexOf('413.2'))).toBe('413.2');
  });
  it('is null before any section', () => {
    expect(sectionNear(text, 3)).toBeNull();
  });
});

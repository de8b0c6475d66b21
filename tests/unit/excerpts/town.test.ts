import { describe, expect, it } from 'vitest';
import { guessTown } from '../../../src/excerpts/town';

describe('guessTown', () => {
  it.each([
    ['Chicopee Police Department Policy 413', 'https://example.org/a.pdf', 'Chicopee'],
    ['Town of West Springfield - Police Manual', 'https://example.org/', 'West Springfield'],
    ['Bedford PD: Immigration', 'https://example.org/', 'Bedford'],
    [null, 'https://www.bedfordma.gov/police/policy.pdf', 'Bedford'],
    [null, 'https://ci.chicopee.ma.us/413.pdf', 'Chicopee'],
    [null, 'https://www.townofbrookline.org/p', 'Brookline'],
    [null, 'https://docs.google.com/document/d/1', null],
    [null, 'http://127.0.0.1:8080/policy.html', null],
    ['Immigration Policy', 'file:///home/me/policy.pdf', null],
  ])('%s + %s → %s', (title, url, town) => {
    expect(guessTown(title, url)).toBe(town);
  });
});

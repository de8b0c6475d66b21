// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/rules/explain-text';
import { miniBook } from '../engine/mini-book';

describe('explainText (npm run rules -- --why)', () => {
  it('lists each sentence, the word groups found and the rules that fired', () => {
    const lines = explainText(miniBook, 'Officers may share records with ICE.');
    expect(lines[0]).toBe('sentence 1: "Officers may share records with ICE."');
    expect(lines[1]).toMatch(/permitting-cues "may"/);
    expect(lines[1]).toMatch(/ice "ICE"/);
    expect(lines).toContain('  RED q2-red-share fires on "share records with ICE"');
  });

  it('says why a near miss did not fire', () => {
    const lines = explainText(miniBook, 'Officers shall not routinely inquire about immigration status.');
    expect(lines).toContain(
      '  no q1-green-no-inquiry: a word of its `unless_near` group is within 4 words (q1-green-no-inquiry/unless_near/1)',
    );
    expect(lines).toContain(
      '  no q1-red-inquiry-allowed: the match is in a prohibiting clause; the rule needs permitting',
    );
  });

  it('shows one rule everywhere when asked', () => {
    const lines = explainText(
      miniBook,
      'Officers wear uniforms. Officers may share records with ICE.',
      'q7-green-no-287g',
    );
    expect(lines.filter((l) => l.includes('q7-green-no-287g'))).toEqual([
      '  no q7-green-no-287g: no word of this group (q7-green-no-287g/all/1)',
    ]);
  });

  it('says when an override silenced a rule', () => {
    const lines = explainText(
      miniBook,
      'Officers shall not share records with ICE except as required by law.',
    );
    expect(lines).toContain('  no q2-green-no-share: a more specific rule (overrides) fired');
  });
});

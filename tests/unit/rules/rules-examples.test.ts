// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { firesOn } from '../../../src/rules/check-examples';
import { defaultRuleBook } from '../../../src/rules/rule-book';

/**
 * Every example sentence of every rule in rules/*.yaml, analysed alone through the whole engine:
 * `match` examples must raise the rule's flag, `no_match` examples must not.
 */
for (const rule of defaultRuleBook.rules) {
  describe(rule.id, () => {
    it.each(rule.examples.match)('matches: %s', (sentence) => {
      expect(firesOn(defaultRuleBook, rule, sentence)).toBe(true);
    });
    it.each(rule.examples.noMatch)('does not match: %s', (sentence) => {
      expect(firesOn(defaultRuleBook, rule, sentence)).toBe(false);
    });
  });
}

describe('the rule book', () => {
  it('has rules for all seven questions', () => {
    expect(defaultRuleBook.questions.map((q) => q.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const q of defaultRuleBook.questions) {
      expect(
        defaultRuleBook.rules.some((r) => r.question === q.id),
        `question ${q.id}`,
      ).toBe(true);
    }
  });
});

import { analyze } from '../engine/analyze';
import type { CompiledRule, RuleBook } from './rule-book';

/**
 * Runs a rule's example sentences, each alone, through the whole engine: a `match` example must raise
 * the rule's flag, a `no_match` example must not. Used by `npm run rules` and by the tests.
 */

export function firesOn(book: RuleBook, rule: CompiledRule, sentence: string): boolean {
  const report = analyze({ source: 'example', title: null, text: sentence }, book);
  return report.questions.some((q) => q.flags.some((f) => f.rule === rule.id));
}

/** Plain-language list of examples that do not behave as written. */
export function failingExamples(book: RuleBook): string[] {
  const failures: string[] = [];
  for (const rule of book.rules) {
    for (const sentence of rule.examples.match) {
      if (!firesOn(book, rule, sentence))
        failures.push(`${rule.id} should match but does not: "${sentence}"`);
    }
    for (const sentence of rule.examples.noMatch) {
      if (firesOn(book, rule, sentence)) failures.push(`${rule.id} should not match but does: "${sentence}"`);
    }
  }
  return failures;
}

import { join } from 'node:path';
import { analyze } from '../../../src/engine/analyze';
import type { Report } from '../../../src/engine/report';
import { buildRuleBook } from '../../../src/rules/read-rule-files';
import type { RuleBook } from '../../../src/rules/rule-book';

/** The engine's own small rule book (tests/fixtures/rules-mini), compiled once per test file. */
export const miniBook: RuleBook = (() => {
  const { book, errors } = buildRuleBook(join(__dirname, '../../fixtures/rules-mini'), {
    allQuestions: false,
  });
  if (!book) throw new Error(errors.join('\n'));
  return book;
})();

export function analyzeMini(text: string): Report {
  return analyze({ source: 'test', title: null, text }, miniBook);
}

/** Every passage flag of a report as "rule-id: quote". */
export function flagsOf(report: Report): string[] {
  return report.questions.flatMap((q) =>
    q.flags.filter((f) => !f.absence).map((f) => `${f.rule}: ${f.quote}`),
  );
}

export function rulesFiring(text: string): string[] {
  return [...new Set(flagsOf(analyzeMini(text)).map((f) => f.split(':')[0]!))].sort();
}

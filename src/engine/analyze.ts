import { defaultRuleBook, type RuleBook } from '../rules/rule-book';
import { originalText, type PolicyDocument } from './document';
import type { Report } from './report';

/**
 * Analyse one policy: the whole pipeline from a source's text to the report every surface reads.
 * SKELETON: returns the report's shape with every question silent until the matcher lands.
 */
export function analyze(doc: PolicyDocument, book: RuleBook = defaultRuleBook): Report {
  const original = originalText(doc);
  return {
    source: doc.source,
    title: doc.title,
    pages: doc.pages ? doc.pages.length : null,
    chars: original.text.length,
    lexipol: { detected: false, passages: [] },
    questions: book.questions.map((q) => ({
      id: q.id,
      title: q.title,
      verdict: 'silent',
      flags: [],
      verdictReason: 'Not analysed yet: the rule engine is being built',
      silenceIsRed: q.silenceIsRed,
    })),
    warnings: [],
    rulesVersion: book.version,
  };
}

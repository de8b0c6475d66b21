import { defaultRuleBook, type RuleBook } from '../rules/rule-book';
import { ClauseReader } from './clause-reading';
import { type PolicyDocument, pageOf } from './document';
import { findFlags } from './find-flags';
import { findLexipolMarkers, findLexipolRegions } from './lexipol';
import { matchDocument } from './match-document';
import { toOriginalSpan } from './normalize';
import type { Flag, LexipolPassage, Report } from './report';
import { ruleEngine } from './rule-engine';
import type { Tokens } from './tokenize';
import { questionResult } from './verdict';
import { textWarnings } from './warnings';

/**
 * The whole pipeline from a source's text to the report every surface reads:
 * original text → normalise → segment → one pass of the phrase matcher → rules per sentence or item →
 * verdicts, plus Lexipol passages and warnings. Pure: no DOM, no extension API, no I/O.
 */

/** Shown for a Lexipol footer or notice (markers), which has no passage of its own in lexipol.yaml. */
export const LEXIPOL_MARKER = { fingerprint: 'lexipol-marker', label: 'Lexipol manual notice' } as const;

/** A passage ends after its last word's full stop or closing quote, so a highlight covers the sentence. */
function withClosingPunctuation(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < 3 && '.;:!?)"\'”’'.includes(text[e]!)) e++;
  return e;
}

/** Words on each page (after page headers and footers were dropped), from the tokens already made. */
function wordsPerPage(tokens: Tokens, toOriginal: Int32Array, pageStarts: readonly number[]): number[] {
  const counts = new Array<number>(pageStarts.length).fill(0);
  let page = 0;
  for (let t = 0; t < tokens.count; t++) {
    const at = toOriginal[tokens.start[t]!]!;
    while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= at) page++;
    counts[page]!++;
  }
  return counts;
}

/** Why a ban that a hedge or broad exception qualifies is red, in the guide's terms. */
function hedgedExplanation(hedge: string, banExplanation: string): string {
  return (
    `A weakened ban: it is qualified by "${hedge}", which leaves officers room to do what it seems to ` +
    `forbid. The guide counts hedged bans and broad exceptions as red flags. Without that qualifier it ` +
    `would be green: ${banExplanation}`
  );
}

export function analyze(doc: PolicyDocument, book: RuleBook = defaultRuleBook): Report {
  const engine = ruleEngine(book);
  const { original, norm, words, matched, mentionsImmigration } = matchDocument(engine, doc);
  const { segments, tokens } = matched;
  const text = norm.text;

  const originalSpan = (start: number, end: number) => {
    const [a, b] = toOriginalSpan(norm, start, end);
    return { start: a, end: b, page: pageOf(original.pageStarts, a) };
  };

  const flagsByQuestion = new Map<number, Flag[]>();
  const reader = new ClauseReader(engine, matched);
  for (const { rule, segment: i, hedgedBy } of findFlags(engine, matched)) {
    if (!reader.judge(i, rule.question, rule.flag === 'green' || hedgedBy !== undefined).stands) continue;
    const seg = segments[i]!;
    const span = originalSpan(seg.start, seg.end);
    const list = flagsByQuestion.get(rule.question) ?? [];
    list.push({
      rule: hedgedBy === undefined ? rule.id : `${rule.id}/hedged`,
      flag: hedgedBy === undefined ? rule.flag : 'red',
      start: span.start,
      end: span.end,
      page: span.page,
      quote: original.text.slice(span.start, span.end),
      explanation: hedgedBy === undefined ? rule.explanation : hedgedExplanation(hedgedBy, rule.explanation),
      absence: false,
      question: rule.question,
      section: seg.section,
    });
    flagsByQuestion.set(rule.question, list);
  }

  const passages: LexipolPassage[] = findLexipolRegions(book.lexipol.entries, words).map((region) => {
    const span = originalSpan(
      tokens.start[region.firstToken]!,
      withClosingPunctuation(text, tokens.end[region.lastToken]!),
    );
    return {
      ...span,
      fingerprint: region.entry.id,
      similarity: region.similarity,
      label: region.entry.label,
    };
  });
  for (const [start, end] of findLexipolMarkers(book.lexipol.markers, original.text)) {
    passages.push({ start, end, page: pageOf(original.pageStarts, start), similarity: 1, ...LEXIPOL_MARKER });
  }
  passages.sort((a, b) => a.start - b.start);

  return {
    source: doc.source,
    title: doc.title,
    pages: doc.pages ? doc.pages.length : null,
    chars: original.text.length,
    lexipol: { detected: passages.length > 0, passages },
    questions: book.questions.map((q) =>
      questionResult(
        q,
        (flagsByQuestion.get(q.id) ?? []).sort((a, b) => (a.start ?? 0) - (b.start ?? 0)),
      ),
    ),
    warnings: textWarnings({
      text,
      segments,
      wordCount: tokens.count,
      pageWordCounts: doc.pages ? wordsPerPage(tokens, norm.toOriginal, original.pageStarts) : null,
      mentionsImmigration,
    }),
    rulesVersion: book.version,
  };
}

import type { Segment } from './segment';

/**
 * Warnings about the text itself, kept conservative: a wrong warning teaches people to ignore them.
 * Other modules compare against these exact strings, so they are exported.
 */
export const WARNING = {
  noText: 'no text',
  scanned: 'looks like a scanned document: little or no text',
  noImmigration: 'does not mention immigration at all',
  truncated: 'looks truncated: the text ends in the middle of a sentence',
} as const;

/**
 * Why a report is no answer to the user's question, or null: the text is not a policy on immigration
 * enforcement (a wrong download, a different chapter), and "nothing found" would mislead. The CLI,
 * `npm run eval` and the surfaces all decide from this one function.
 */
export function notAPolicyReason(report: { warnings: readonly string[] }): string | null {
  return report.warnings.includes(WARNING.noImmigration)
    ? `is not an immigration policy (${WARNING.noImmigration})`
    : null;
}

export interface TextFacts {
  /** Normalised text. */
  text: string;
  segments: readonly Segment[];
  wordCount: number;
  /** Words per page, for paged input; null otherwise. */
  pageWordCounts: number[] | null;
  mentionsImmigration: boolean;
}

/** Fewer words than this per page on most pages is what a scan without OCR looks like. */
const SCANNED_WORDS_PER_PAGE = 10;
/** A text this short is too small to call truncated or silent about immigration. */
const MIN_WORDS_TO_JUDGE = 40;

export function textWarnings(facts: TextFacts): string[] {
  const warnings: string[] = [];
  const pages = facts.pageWordCounts;
  if (pages && pages.length > 0) {
    const thin = pages.filter((n) => n < SCANNED_WORDS_PER_PAGE).length;
    if (thin * 2 > pages.length) {
      warnings.push(WARNING.scanned);
      return warnings;
    }
  }
  if (facts.wordCount === 0) return [WARNING.noText];
  if (facts.wordCount >= MIN_WORDS_TO_JUDGE && !facts.mentionsImmigration)
    warnings.push(WARNING.noImmigration);
  if (facts.wordCount >= MIN_WORDS_TO_JUDGE && endsMidSentence(facts)) warnings.push(WARNING.truncated);
  return warnings;
}

/** Words a finished sentence almost never ends on: a text ending on one was cut off. */
const DANGLING = new Set(
  'a an the of to and or nor for with by in on at from as that which who whom whose whether if when than shall may will must should can be is are was were has have their its his her any such this these'.split(
    ' ',
  ),
);

/**
 * Only a closing sentence (not a heading or a list item, which often lack a full stop) that ends on a
 * comma, a hyphen or a word no sentence ends on ("…to verify whether") counts. A sign-off line such as
 * "By order of the Chief of Police" ends on an ordinary word and is left alone.
 */
function endsMidSentence(facts: TextFacts): boolean {
  const last = facts.segments[facts.segments.length - 1];
  if (last?.kind !== 'sentence') return false;
  const tail = facts.text.slice(last.start, last.end).trimEnd();
  const words = tail.split(/\s+/);
  if (words.length < 6) return false;
  const c = tail.charCodeAt(tail.length - 1);
  if (c === 44 || c === 45) return true;
  const lastWord = words[words.length - 1]!;
  return /^[a-z]+$/.test(lastWord) && DANGLING.has(lastWord);
}

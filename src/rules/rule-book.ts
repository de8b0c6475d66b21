import type { FlagColour, QuestionId } from '../engine/report';
import generated from '../generated/rules.json';

/**
 * The compiled rule book: what `scripts/compile-rules.ts` writes to `src/generated/rules.json` from
 * `rules/*.yaml`. The extension and the CLI import this JSON, so no YAML parser ships in the extension.
 * Word groups stay as their source phrases ("no ... shall", "immigra*"): the matcher turns them into
 * its token trie at run time, so the JSON stays readable and independent of the stemmer.
 */

/** Vocabulary groups the engine reads to give each clause its kind (see rules/vocabulary.yaml). */
export const CUE_GROUPS = [
  'prohibiting-cues',
  'discouraging-cues',
  'permitting-cues',
  'lifting-cues',
] as const;

/** `unless_near` distance in words when a rule does not say. */
export const DEFAULT_NEAR = 4;

export type SentenceKind = 'prohibiting' | 'discouraging' | 'permitting' | 'neutral';

export interface QuestionInfo {
  id: QuestionId;
  title: string;
  question: string;
  redCriteria: string;
  greenCriteria: string;
  modelLanguage: { source: string; text: string }[];
  silenceIsRed: boolean;
  silenceExplanation: string | null;
}

export interface CompiledRule {
  id: string;
  question: QuestionId;
  flag: FlagColour;
  explanation: string;
  /** Kinds of the clause where the match starts that let the rule fire; empty means any kind. */
  sentence: SentenceKind[];
  /** Names of groups (keys of `RuleBook.groups`) that must all occur in one sentence or list item. */
  all: string[];
  /** Groups that, anywhere in the sentence or item, stop the rule. */
  none: string[];
  /** Groups that stop the rule when within `near` words of the matched words. */
  unlessNear: string[];
  near: number;
  /** Rules of the same question this one silences when both fire on one passage. */
  overrides: string[];
  examples: { match: string[]; noMatch: string[] };
}

export interface LexipolEntry {
  id: string;
  label: string;
  text: string;
}

export interface RuleBook {
  version: string;
  questions: QuestionInfo[];
  /** Group name → phrases. Vocabulary groups keep their names; a rule's own groups are named
   * "<rule id>/<field>/<n>" and hold only the words written in the rule... */
  groups: Record<string, string[]>;
  /** ...plus, here, the vocabulary groups (@names) they include: a hit of an included group counts
   * as a hit of the including group. */
  includes: Record<string, string[]>;
  rules: CompiledRule[];
  lexipol: { entries: LexipolEntry[]; markers: string[] };
}

/** The rule book built from rules/*.yaml (run `npm run rules` after editing them). */
export const defaultRuleBook: RuleBook = generated as RuleBook;

export function questionInfo(id: QuestionId, book: RuleBook = defaultRuleBook): QuestionInfo {
  const info = book.questions.find((q) => q.id === id);
  if (!info) throw new Error(`The rule book has no question ${id}`);
  return info;
}

export function ruleInfo(
  ruleId: string,
  book: RuleBook = defaultRuleBook,
): { id: string; flag: FlagColour; explanation: string; question: QuestionId } | undefined {
  const rule = book.rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  return { id: rule.id, flag: rule.flag, explanation: rule.explanation, question: rule.question };
}

/**
 * The report: the one JSON shape every surface reads (popup, side panel, PDF viewer, excerpts, CLI).
 * It is a contract with the UI, the tests and outside checks: change it only by ADDING fields.
 *
 * Offsets (`start`/`end`) always index the ORIGINAL text handed to the engine, so
 * `text.slice(start, end) === quote`. For paged input (a PDF) the original text is the pages joined
 * by PAGE_SEPARATOR, and `page` is the 1-based page number.
 */

export type QuestionId = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type FlagColour = 'red' | 'green';
export type Verdict = 'red' | 'green' | 'mixed' | 'silent';

/** Pages of a PDF are joined with this to form the original text that offsets index. */
export const PAGE_SEPARATOR = '\n\f\n';

export interface Flag {
  /** Rule id from rules/*.yaml, e.g. "q2-red-share-when-public-safety". */
  rule: string;
  flag: FlagColour;
  /** Null only for absence flags. */
  start: number | null;
  end: number | null;
  page: number | null;
  /** Exactly `text.slice(start, end)`; for an absence flag, a sentence saying what is missing. */
  quote: string;
  /** Why this is red or green, in the guide's terms (from the rule). */
  explanation: string;
  /** True for a "silence is a red flag" finding (questions 4, 6 and 7): no offsets. */
  absence: boolean;
  // ---- additive fields ----
  /** The question this flag answers (same as the enclosing question's id). */
  question: QuestionId;
  /** Section number or heading nearest before the passage, e.g. "413.4" or "Immigration Detainers". */
  section: string | null;
}

export interface QuestionResult {
  id: QuestionId;
  title: string;
  verdict: Verdict;
  flags: Flag[];
  // ---- additive fields ----
  /** Plain-language statement of how the verdict was reached (shown in the UI, never hidden). */
  verdictReason: string;
  /** True when the guide treats silence on this question as a red flag. */
  silenceIsRed: boolean;
}

export interface LexipolPassage {
  start: number;
  end: number;
  page: number | null;
  /** Id of the known boilerplate passage matched (from rules/lexipol.yaml). */
  fingerprint: string;
  // ---- additive fields ----
  /** 0..1: how much of the known passage's wording was found. */
  similarity: number;
  /** Short name of the boilerplate passage, for the UI. */
  label: string;
}

export interface Report {
  source: string;
  title: string | null;
  pages: number | null;
  chars: number;
  lexipol: { detected: boolean; passages: LexipolPassage[] };
  questions: QuestionResult[];
  warnings: string[];
  // ---- additive fields ----
  /** Version of the rules that produced the report (rules/*.yaml `version`). */
  rulesVersion: string;
}

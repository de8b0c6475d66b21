/**
 * The shapes of the YAML files in rules/, as an advocate writes them (see rules/README.md).
 * `rules/schema.json` checks the same shapes at build time; these types are what the compiler reads after that.
 */

/** A word group: alternatives, each a phrase or "@name" of a vocabulary group. YAML may read 1373 as a number. */
export type GroupSource = (string | number)[];

export interface RuleSource {
  id: string;
  flag: 'red' | 'green';
  explanation: string;
  sentence?: string | string[];
  all: GroupSource[];
  none?: GroupSource[];
  unless_near?: GroupSource[];
  near?: number;
  overrides?: string[];
  examples: { match: string[]; no_match: string[] };
}

export interface QuestionSource {
  id: number;
  title: string;
  question: string;
  red_criteria: string;
  green_criteria: string;
  model_language?: { source: string; text: string }[];
  silence?: 'red' | 'silent';
  silence_explanation?: string;
  rules: RuleSource[];
}

export interface VocabularySource {
  version: string;
  groups: Record<string, GroupSource>;
}

export interface LexipolSource {
  passages: { id: string; label: string; text: string }[];
  markers: string[];
}

/** One parsed rules file and where it came from (for error messages). */
export interface RuleFile {
  /** File name, e.g. "q2-sharing-information.yaml". */
  name: string;
  data: unknown;
}

export type RuleFileKind = 'question' | 'vocabulary' | 'lexipol';

export function ruleFileKind(name: string): RuleFileKind | null {
  if (name === 'vocabulary.yaml') return 'vocabulary';
  if (name === 'lexipol.yaml') return 'lexipol';
  if (/^q[1-7]-[a-z0-9-]+\.yaml$/.test(name)) return 'question';
  return null;
}

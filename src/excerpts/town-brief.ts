import type { QuestionId } from '../engine/report';
import { defaultRuleBook, type QuestionInfo, questionInfo, type RuleBook } from '../rules/rule-book';
import { type Excerpt, QUESTION_IDS } from './excerpt';

/**
 * The excerpts of one town arranged by the guide's seven questions: the shared shape behind every
 * export (Markdown brief, printable view, meeting summary, letter, side-by-side). The verdict here
 * is what the SAVED excerpts show, not a fresh analysis: the user chose them as evidence.
 */

export type ExcerptVerdict = 'red' | 'green' | 'mixed' | 'none';

export interface TownQuestion {
  info: QuestionInfo;
  verdict: ExcerptVerdict;
  red: Excerpt[];
  green: Excerpt[];
  notes: Excerpt[];
}

export interface TownBrief {
  /** The town as the user set it, or UNKNOWN_TOWN. */
  town: string;
  /** The documents quoted, each once, in the order first saved. */
  documents: { title: string | null; url: string }[];
  questions: TownQuestion[];
  /** Passages saved without a question. */
  unassigned: Excerpt[];
  count: number;
}

export const UNKNOWN_TOWN = 'Town not set';

export function townOf(excerpt: Excerpt): string {
  return excerpt.town?.trim() || UNKNOWN_TOWN;
}

function verdictOf(red: number, green: number): ExcerptVerdict {
  if (red > 0 && green > 0) return 'mixed';
  if (red > 0) return 'red';
  if (green > 0) return 'green';
  return 'none';
}

/** In the order of the policy: page, then position. */
function byPlace(a: Excerpt, b: Excerpt): number {
  return (a.page ?? 0) - (b.page ?? 0) || a.start - b.start || a.created.localeCompare(b.created);
}

export function buildTownBrief(
  town: string,
  excerpts: readonly Excerpt[],
  book: RuleBook = defaultRuleBook,
): TownBrief {
  const mine = excerpts.filter((excerpt) => townOf(excerpt) === town);
  const documents: TownBrief['documents'] = [];
  for (const excerpt of [...mine].sort((a, b) => a.created.localeCompare(b.created))) {
    if (!documents.some((d) => d.url === excerpt.url))
      documents.push({ title: excerpt.title, url: excerpt.url });
  }
  const questions = QUESTION_IDS.map((id: QuestionId): TownQuestion => {
    const about = mine.filter((excerpt) => excerpt.question === id).sort(byPlace);
    const red = about.filter((excerpt) => excerpt.flag === 'red');
    const green = about.filter((excerpt) => excerpt.flag === 'green');
    const notes = about.filter((excerpt) => excerpt.flag === 'note');
    return { info: questionInfo(id, book), verdict: verdictOf(red.length, green.length), red, green, notes };
  });
  const unassigned = mine.filter((excerpt) => excerpt.question === null).sort(byPlace);
  return { town, documents, questions, unassigned, count: mine.length };
}

/** One brief per town, towns in alphabetical order with "Town not set" last. */
export function buildTownBriefs(excerpts: readonly Excerpt[], book: RuleBook = defaultRuleBook): TownBrief[] {
  const towns = [...new Set(excerpts.map(townOf))].sort((a, b) =>
    a === UNKNOWN_TOWN ? 1 : b === UNKNOWN_TOWN ? -1 : a.localeCompare(b),
  );
  return towns.map((town) => buildTownBrief(town, excerpts, book));
}

/** Where a passage is, for a citation: "section 413.3, page 4". Empty when nothing is known. */
export function placeOf(excerpt: Excerpt): string {
  const parts: string[] = [];
  if (excerpt.section)
    parts.push(/^\d/.test(excerpt.section) ? `section ${excerpt.section}` : `“${excerpt.section}”`);
  if (excerpt.page !== null) parts.push(`page ${excerpt.page}`);
  return parts.join(', ');
}

export const VERDICT_WORDS: Record<ExcerptVerdict, string> = {
  red: 'Red flag',
  green: 'Green flag',
  mixed: 'Mixed: red and green',
  none: 'No red or green excerpt saved',
};

/** Marks that tell verdicts apart without colour (print, colour blindness, screen readers read the words). */
export const VERDICT_MARKS: Record<ExcerptVerdict, string> = { red: '✗', green: '✓', mixed: '±', none: '–' };

import type { QuestionId } from '../engine/report';
import type { Excerpt } from './excerpt';
import { townOf } from './town-brief';

/** What the excerpts page narrows the list to. Empty values mean "any". */
export interface ExcerptFilter {
  town: string;
  question: QuestionId | 'none' | '';
  flag: Excerpt['flag'] | '';
  /** Words that must all appear in the quote, note, section, title, town or URL (any case). */
  search: string;
}

export const NO_FILTER: ExcerptFilter = { town: '', question: '', flag: '', search: '' };

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterExcerpts(excerpts: readonly Excerpt[], filter: ExcerptFilter): Excerpt[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  return excerpts.filter((excerpt) => {
    if (filter.town && townOf(excerpt) !== filter.town) return false;
    if (
      filter.question === 'none'
        ? excerpt.question !== null
        : filter.question && excerpt.question !== filter.question
    )
      return false;
    if (filter.flag && excerpt.flag !== filter.flag) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [
        excerpt.quote,
        excerpt.note,
        excerpt.section,
        excerpt.title,
        excerpt.town,
        excerpt.url,
        excerpt.explanation,
      ]
        .filter(Boolean)
        .join(' \n '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Towns present, alphabetically, for the filter's choices. */
export function townsOf(excerpts: readonly Excerpt[]): string[] {
  return [...new Set(excerpts.map(townOf))].sort((a, b) => a.localeCompare(b));
}

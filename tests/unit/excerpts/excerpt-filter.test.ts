// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { filterExcerpts, NO_FILTER, townsOf } from '../../../src/excerpts/excerpt-filter';
import { sampleSet } from './sample-excerpts';

const all = sampleSet();
const quotes = (filter: Partial<typeof NO_FILTER>) =>
  filterExcerpts(all, { ...NO_FILTER, ...filter }).map((e) => e.quote);

describe('filterExcerpts', () => {
  it('keeps everything without a filter', () => expect(quotes({})).toHaveLength(all.length));
  it('filters by town, question, unsorted and flag', () => {
    expect(quotes({ town: 'Otherton' })).toEqual(['Otherton may hold people on detainers.']);
    expect(quotes({ question: 1 })).toHaveLength(1);
    expect(quotes({ question: 'none' })).toEqual(['A passage about Lunn.']);
    expect(quotes({ flag: 'red' })).toHaveLength(2);
  });
  it('searches all words in any case and accent, across quote, note and section', () => {
    expect(quotes({ search: 'PUBLIC wHo' })).toHaveLength(1); // "public" in the quote, "who" in the note
    expect(quotes({ search: 'immigration statús' })).toEqual([
      'Officers shall not inquire about immigration status except as required by law.',
    ]);
    expect(quotes({ search: 'nowhere-to-be-found' })).toEqual([]);
  });
  it('lists the towns', () => expect(townsOf(all)).toEqual(['Examplefield', 'Otherton']));
});

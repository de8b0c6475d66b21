import search from 'approx-string-match';

/**
 * Finding a saved excerpt again in the text of a page or PDF that may have changed since.
 *
 * The quote and its context decide; the saved position is only a hint (the page may have gained a
 * paragraph above the passage). In order:
 *   1. exact occurrences of the quote, the one whose surrounding text best matches the saved
 *      prefix/suffix winning (ties go to the one nearest the hint);
 *   2. else a fuzzy match (approx-string-match, Myers' bit-parallel edit distance) allowing up to a
 *      quarter of the quote's length in edits, again ranked by context and distance;
 *   3. else null: the caller lists the excerpt as "not found on this version of the page".
 * Pure: no DOM, runs in the content script, the viewer and Node tests alike.
 */

export interface ExcerptSelectors {
  quote: string;
  prefix: string;
  suffix: string;
  /** Position hint: where the quote was when saved. */
  start: number;
  end: number;
}

export interface Anchor {
  start: number;
  end: number;
  /** 'exact': the quote as saved; 'fuzzy': a changed version of it (`errors` edits away). */
  how: 'exact' | 'fuzzy';
  errors: number;
}

/** Share of the quote's length that may differ for a fuzzy match to count. */
export const FUZZY_ERROR_SHARE = 0.25;
/** Below this length a fuzzy match is too likely to be some other passage: exact only. */
export const FUZZY_MIN_LENGTH = 12;
/** Exact occurrences considered; a quote repeated more often than this is judged by the first ones. */
const MAX_EXACT_CANDIDATES = 500;

/** Edit distance between two short strings (context is at most a few dozen characters). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** 0..1: how alike the saved context is to the text now at that place (1 when nothing was saved). */
function similarity(saved: string, now: string): number {
  if (saved.length === 0) return 1;
  return 1 - editDistance(saved, now) / Math.max(saved.length, now.length);
}

/** Context counts more than position: a passage that moved is still the passage. */
function score(
  text: string,
  selectors: ExcerptSelectors,
  start: number,
  end: number,
  errors: number,
): number {
  const before = text.slice(Math.max(0, start - selectors.prefix.length), start);
  const after = text.slice(end, end + selectors.suffix.length);
  const quoteSimilarity = 1 - errors / selectors.quote.length;
  const nearness = 1 - Math.min(1, Math.abs(start - selectors.start) / Math.max(1, text.length));
  return (
    50 * quoteSimilarity +
    20 * similarity(selectors.prefix, before) +
    20 * similarity(selectors.suffix, after) +
    2 * nearness
  );
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_EXACT_CANDIDATES; ) {
    found.push(at);
    at = text.indexOf(quote, at + 1);
  }
  return found;
}

function best(text: string, selectors: ExcerptSelectors, candidates: Omit<Anchor, 'how'>[]) {
  let winner: Omit<Anchor, 'how'> | null = null;
  let winnerScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const s = score(text, selectors, candidate.start, candidate.end, candidate.errors);
    if (s > winnerScore) {
      winner = candidate;
      winnerScore = s;
    }
  }
  return winner;
}

export function anchorExcerpt(text: string, selectors: ExcerptSelectors): Anchor | null {
  const { quote } = selectors;
  if (quote.length === 0) return null;

  const exact = exactOccurrences(text, quote).map((start) => ({
    start,
    end: start + quote.length,
    errors: 0,
  }));
  const exactWinner = best(text, selectors, exact);
  if (exactWinner) return { ...exactWinner, how: 'exact' };

  if (quote.length < FUZZY_MIN_LENGTH) return null;
  const maxErrors = Math.floor(quote.length * FUZZY_ERROR_SHARE);
  const fuzzyWinner = best(text, selectors, search(text, quote, maxErrors));
  return fuzzyWinner ? { ...fuzzyWinner, how: 'fuzzy' } : null;
}

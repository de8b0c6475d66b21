// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimQuote } from '../../../src/cli/format-scorecard';
import { analyze } from '../../../src/engine/analyze';
import { MAX_GAP, parsePhrase } from '../../../src/engine/phrase';
import { tokenize } from '../../../src/engine/tokenize';
import { shorten } from '../../../src/excerpts/shorten';
import { guessTown } from '../../../src/excerpts/town';
import { searchPages } from '../../../src/pdf/text-search';
import { defaultRuleBook } from '../../../src/rules/rule-book';
import { alphabetOf, findRegexes, riskyShapes } from './regex-audit';

/**
 * Rules cannot hang a tab.
 *
 * WHY THIS IS ENOUGH. Rule phrases are never turned into regular expressions: src/engine/phrase-matcher.ts
 * compiles every phrase of every group into one trie over word symbols and reads the text once, word by
 * word, keeping a set of live trie positions no larger than (longest phrase part) × (symbols one word can
 * carry); "a ... b" phrases are joined afterwards with a binary search. So the cost of the rules is
 * linear in the number of words, with a constant the first block below bounds from the rule data.
 * What remains are the hand-written regular expressions in the source: the second block finds EVERY one
 * in src/ with the TypeScript parser (nothing hides in strings or comments), rejects the shapes that make
 * backtracking engines exponential or polynomial unless a person has audited that very pattern, and then
 * times each one on long inputs made of its own characters.
 */

const book = defaultRuleBook;
const allPhrases = Object.entries(book.groups).flatMap(([group, phrases]) =>
  phrases.map((phrase) => ({ group, phrase })),
);

describe('rule phrases and vocabulary', () => {
  it('all parse into plain word patterns (no phrase is a regular expression)', () => {
    expect(allPhrases.length).toBeGreaterThan(100);
    for (const { group, phrase } of allPhrases) {
      expect(() => parsePhrase(phrase), `${group}: ${phrase}`).not.toThrow();
    }
  });

  it('keep the matcher’s live set small: short parts, few gaps, no wildcard that matches most words', () => {
    let longestPart = 0;
    for (const { group, phrase } of allPhrases) {
      const parts = parsePhrase(phrase);
      expect(parts.length, `${group}: "${phrase}" has too many "..." gaps`).toBeLessThanOrEqual(4);
      for (const part of parts) {
        longestPart = Math.max(longestPart, part.length);
        for (const word of part) {
          // "a*" or "im*" would give a symbol to a large share of all words and fill the live set.
          if (word.kind === 'prefix')
            expect(word.value.length, `${group}: "${phrase}" prefix too short`).toBeGreaterThanOrEqual(4);
        }
      }
    }
    expect(longestPart).toBeLessThanOrEqual(24);
  });

  it('let one word carry only a few prefix symbols (nested prefixes such as immigr* and immigra*)', () => {
    const prefixes = [
      ...new Set(allPhrases.flatMap(({ phrase }) => phrase.split(/\s+/).filter((w) => w.endsWith('*')))),
    ].map((w) => w.slice(0, -1).toLowerCase());
    for (const p of prefixes) {
      const nested = prefixes.filter((q) => p.startsWith(q));
      expect(nested.length, `prefixes nested in ${p}: ${nested.join(', ')}`).toBeLessThanOrEqual(4);
    }
  });

  it('finish in well under a second on a megabyte made of the rules’ own words, one gap too far apart', () => {
    // The worst case for "a ... b" joining: every first part followed by its later part MAX_GAP+1 words on.
    const firsts: string[] = [];
    for (const { phrase } of allPhrases) {
      const parts = parsePhrase(phrase);
      if (parts.length < 2) continue;
      const [first, second] = phrase.split(/\s*(?:\.\.\.|…)\s*/);
      firsts.push(`${first} ${'filler '.repeat(MAX_GAP + 1)}${second}`);
    }
    expect(firsts.length).toBeGreaterThan(5);
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `${firsts[i % firsts.length]} `;
    const started = performance.now();
    analyze({ source: 'near-misses', title: null, text });
    // About 0.3 s here; 3 s leaves room for two shared cores. A backtracking blow-up takes minutes.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

// Patterns that the shape check flags but that a person has read and found safe, with the reason and,
// where the reason is a bounded input, the bound (the timing test below uses it and a behaviour test
// proves the caller enforces it). The key is the file (relative to src/) and the pattern as written: a
// changed pattern must be read again.
const AUDITED: Record<string, { reason: string; maxInput?: number }> = {
  'engine/segment-lines.ts ^(\\d{1,4}(?:\\.\\d{1,4})+|\\d{1,4}-\\d{1,4})\\.?(?=\\s|$)': {
    reason:
      'Anchored at ^ and run on one line; each repetition starts with a literal "." that \\d cannot match, so there is one way to split.',
  },
  'engine/segment-lines.ts ^((?:Section|SECTION|Sec\\.|SEC\\.|§{1,2}|Article|ARTICLE|Art\\.|Chapter|CHAPTER|Policy|POLICY|Part|PART|General Order|GENERAL ORDER)\\s*(?:\\d{1,4}(?:[.-]\\d{1,4})*[A-Za-z]?|[IVX]{1,6}))(?=[\\s.:]|$)':
    { reason: 'Anchored at ^, literal words; each repetition starts with "." or "-" that \\d cannot match.' },
  // Quadratic on one long run such as "A-A-A-…" (3.6 s for 40,000 characters before guessTown capped
  // the title at 300 characters): see "town guess" below.
  "excerpts/town.ts \\b(?:Town|City)\\s+of\\s+([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*){0,2})": {
    reason: 'Run on the first 300 characters of a title only.',
    maxInput: 300,
  },
  "excerpts/town.ts \\b([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*){0,2})\\s+Police\\s+(?:Department|Dept\\.?|Policy|Policies|Manual)\\b":
    { reason: 'Run on the first 300 characters of a title only.', maxInput: 300 },
  "excerpts/town.ts \\b([A-Z][\\w'.-]*(?:\\s+[A-Z][\\w'.-]*){0,2})\\s+PD\\b": {
    reason: 'Run on the first 300 characters of a title only.',
    maxInput: 300,
  },
  // Trailing-punctuation strips: n² on a long run, but both run on a quote already cut to its limit.
  'excerpts/shorten.ts [\\s,;:.]+$': {
    reason: 'Runs on the cut text, at most `max` characters.',
    maxInput: 400,
  },
  'cli/format-scorecard.ts [\\s,;:]+$': {
    reason: 'Runs on the cut quote, at most `limit` characters.',
    maxInput: 400,
  },
};
// Built at run time: what they can contain is proven by the tests named here.
const DYNAMIC: Record<string, string> = {
  'engine/lexipol.ts': 'an alternation of plain words (see "Lexipol anchors are plain words")',
  'pdf/text-search.ts':
    'the user’s search words with every metacharacter escaped, joined by \\s+ (see "search words")',
};

const SRC = path.resolve('src');
const regexes = findRegexes(SRC).map((r) => ({ ...r, where: path.relative(SRC, r.file) }));

describe('regular expressions in the source', () => {
  it('are all found (the scan sees literals and RegExp constructions)', () => {
    expect(regexes.length).toBeGreaterThan(50);
    expect(regexes.some((r) => r.where === 'engine/lexipol.ts' && r.dynamic)).toBe(true);
  });

  it('the shape check rejects the classic catastrophic patterns (so it can fail)', () => {
    expect(riskyShapes('(a+)+$', '')).not.toEqual([]);
    expect(riskyShapes('^(\\w+\\s?)*$', '')).not.toEqual([]);
    expect(riskyShapes('(a|aa)*b', '')).not.toEqual([]);
    expect(riskyShapes('\\s*\\s*$', '')).not.toEqual([]);
    expect(riskyShapes('^.*a.*b', '')).toEqual([]); // anchored, and a required "a" between the two
    expect(riskyShapes('.*a.*b', '')).not.toEqual([]); // unanchored: every start scans the line
    expect(riskyShapes('[\\s,;:]+$', '')).not.toEqual([]); // the trailing-strip n²
    expect(riskyShapes('(\\w+)-\\1', '')).not.toEqual([]);
    expect(riskyShapes('^page ?\\d{1,4}( ?(of|\\/) ?\\d{1,4})?$', 'i')).toEqual([]);
  });

  it('have no risky shape unless audited, and every audit still names a pattern in the code', () => {
    const unaudited: string[] = [];
    const used = new Set<string>();
    for (const r of regexes) {
      if (r.dynamic) {
        expect(
          DYNAMIC[r.where],
          `new RegExp(...) in ${r.where}:${r.line} needs a reviewed reason`,
        ).toBeDefined();
        continue;
      }
      const problems = riskyShapes(r.source, r.flags);
      if (problems.length === 0) continue;
      const key = `${r.where} ${r.source}`;
      if (AUDITED[key]?.reason) used.add(key);
      else unaudited.push(`${r.where}:${r.line} /${r.source}/${r.flags}: ${problems.join('; ')}`);
    }
    expect(unaudited).toEqual([]);
    expect([...used].sort()).toEqual(Object.keys(AUDITED).sort());
  });

  it('each run in linear time on 20,000-character inputs made of their own characters', () => {
    const slow: string[] = [];
    for (const r of regexes.filter((x) => !x.dynamic)) {
      const regex = new RegExp(r.source, r.flags.replace('y', ''));
      const alphabet = alphabetOf(r.source, r.flags);
      const bound = AUDITED[`${r.where} ${r.source}`]?.maxInput ?? 20_000;
      const inputs = [
        ...alphabet.map((c) => `${c.repeat(bound)}\u0000`),
        ...alphabet.flatMap((a) => alphabet.slice(0, 6).map((b) => `${(a + b).repeat(bound / 2)}\u0000`)),
        `${'Aa '.repeat(bound / 3)}!`,
        `${'1.'.repeat(bound / 2)}x`,
      ].map((input) => input.slice(0, bound));
      const started = performance.now();
      for (const input of inputs) {
        regex.lastIndex = 0;
        if (regex.global) input.match(regex);
        else regex.test(input);
      }
      const ms = performance.now() - started;
      // Linear patterns take a few ms for all inputs; an n² one takes seconds on 20,000 characters.
      if (ms > 400) slow.push(`${r.where}:${r.line} /${r.source}/ took ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it('Lexipol anchors are plain words, so the one RegExp built from rule data is a literal alternation', () => {
    for (const marker of book.lexipol.markers) {
      const words = tokenize(marker);
      expect(words.count).toBeGreaterThan(0);
      for (let t = 0; t < words.count; t++) {
        expect(marker.slice(words.start[t], words.end[t])).toMatch(/^[\p{L}\p{N}]+$/u);
      }
    }
  });

  it('town guess: a hostile 1 MB title costs nothing (the title is capped before the patterns run)', () => {
    for (const title of ['A-'.repeat(500_000), `Town of ${"A'".repeat(500_000)}`, 'A '.repeat(500_000)]) {
      const started = performance.now();
      guessTown(title, 'https://example.org/');
      expect(performance.now() - started).toBeLessThan(200);
    }
    expect(guessTown('Policy 413 | Bedford Police Department', 'https://example.org/')).toBe('Bedford');
  });

  it('quote shortening: the trailing strip runs on the cut text only', () => {
    for (const quote of [` ${' ,'.repeat(500_000)}x`, `${'word, '.repeat(200_000)}`]) {
      const started = performance.now();
      expect(shorten(quote, 300).length).toBeLessThanOrEqual(300);
      expect(trimQuote(quote).length).toBeLessThanOrEqual(201);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('search words are escaped before they are joined into a RegExp: a hostile query is literal and fast', () => {
    const page = `${'a'.repeat(30_000)} (a+)+$ [x] ${'a '.repeat(30_000)}`;
    const started = performance.now();
    const hits = searchPages([page], '(a+)+$ [x]');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits).toHaveLength(1);
    expect(page.slice(hits[0]!.start, hits[0]!.end)).toBe('(a+)+$ [x]');
    expect(searchPages([page], '.*')).toEqual([]);
  });
});

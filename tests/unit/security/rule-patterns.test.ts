// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimQuote } from '../../../src/cli/format-scorecard';
import { analyze } from '../../../src/engine/analyze';
import { parsePhrase } from '../../../src/engine/phrase';
import { tokenize } from '../../../src/engine/tokenize';
import { shorten } from '../../../src/excerpts/shorten';
import { guessTown } from '../../../src/excerpts/town';
import { searchPages } from '../../../src/pdf/text-search';
import { defaultRuleBook } from '../../../src/rules/rule-book';
import { gapTooFarText } from '../../helpers/hostile-text';
import { countWork } from '../../helpers/work-counter';
import { findRegexes, riskyShapes } from './regex-audit';
import { AUDITED, DYNAMIC } from './regex-audited';

/**
 * Rules cannot hang a tab.
 *
 * WHY THIS IS ENOUGH. Rule phrases are never turned into regular expressions: src/engine/phrase-matcher.ts
 * compiles every phrase of every group into one trie over word symbols and reads the text once, word by
 * word, keeping a set of live trie positions no larger than (longest phrase part) × (symbols one word can
 * carry); "a ... b" phrases are joined afterwards with a binary search. So the cost of the rules is
 * linear in the number of words, with a constant the first block below bounds from the rule data.
 * What remains are the hand-written regular expressions in the source: the second block finds EVERY one
 * in src/ with the TypeScript parser (nothing hides in strings or comments) and rejects the shapes that
 * make backtracking engines exponential or polynomial unless a person has audited that very pattern; for
 * the audited ones that are safe only on short input, it checks that the callers cut the input first.
 *
 * No test here reads the clock: work is counted (tests/helpers/work-counter.ts), and the timings — each
 * expression on long inputs made of its own characters, at two lengths — are in bench/hostile.ts.
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

  it('cost a bounded amount of work per character on a megabyte of the rules’ own words, one gap too far apart', () => {
    // The worst case for "a ... b" joining: every first part followed by its later part MAX_GAP+1 words on.
    const { text, phrases } = gapTooFarText();
    expect(phrases).toBeGreaterThan(5);
    analyze({ source: 'warm-up', title: null, text: text.slice(0, 2000) }); // compiles the rule book
    const { steps } = countWork(() => analyze({ source: 'near-misses', title: null, text }));
    // About 15 steps per character (as on an ordinary manual); a joining step that looked back over
    // all earlier parts would be quadratic, hundreds of thousands per character here.
    expect(steps / text.length).toBeLessThan(64);
  });
});

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
      const work = countWork(() => guessTown(title, 'https://example.org/'));
      // Every pattern sees at most the audited 300 characters, so the work does not grow with the title.
      expect(work.longestRegexInput).toBeLessThanOrEqual(300);
      expect(work.steps).toBeLessThan(20_000);
    }
    expect(guessTown('Policy 413 | Bedford Police Department', 'https://example.org/')).toBe('Bedford');
  });

  it('quote shortening: the trailing strip runs on the cut text only', () => {
    const strips = Object.keys(AUDITED)
      .filter((key) => key.startsWith('excerpts/shorten.ts ') || key.startsWith('cli/format-scorecard.ts '))
      .map((key) => key.slice(key.indexOf(' ') + 1));
    expect(strips).toHaveLength(2);
    for (const quote of [` ${' ,'.repeat(500_000)}x`, `${'word, '.repeat(200_000)}`]) {
      const work = countWork(() => {
        expect(shorten(quote, 300).length).toBeLessThanOrEqual(300);
        expect(trimQuote(quote).length).toBeLessThanOrEqual(201);
      });
      for (const strip of strips) {
        expect(work.longestInputOf.has(strip), `${strip} ran`).toBe(true);
        expect(work.longestInputOf.get(strip), strip).toBeLessThanOrEqual(300);
      }
      // Collapsing the whitespace reads the quote a few times; nothing re-reads it per character.
      expect(work.steps / quote.length).toBeLessThan(16);
    }
  });

  it('search words are escaped before they are joined into a RegExp: a hostile query is literal and cheap', () => {
    const page = `${'a'.repeat(30_000)} (a+)+$ [x] ${'a '.repeat(30_000)}`;
    const { result: hits, steps } = countWork(() => searchPages([page], '(a+)+$ [x]'));
    expect(steps / page.length).toBeLessThan(16);
    expect(hits).toHaveLength(1);
    expect(page.slice(hits[0]!.start, hits[0]!.end)).toBe('(a+)+$ [x]');
    expect(searchPages([page], '.*')).toEqual([]);
  });
});

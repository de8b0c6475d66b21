// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HitList } from '../../../src/engine/hit-list';
import { MAX_GAP, type PhrasePart, parsePhrase, type WordPattern } from '../../../src/engine/phrase';
import { PhraseMatcher } from '../../../src/engine/phrase-matcher';
import { stem } from '../../../src/engine/stem';
import { type Tokens, tokenize } from '../../../src/engine/tokenize';
import { internWords } from '../../../src/engine/words';

/**
 * The phrase matcher (a trie walked through typed arrays, parts joined in reused buffers) against a
 * plain, slow reading of the same rules: every phrase tried at every word. Random texts and rule
 * books over a small vocabulary, so stems, capitals, prefixes, overlaps and gaps meet often.
 */

function fits(pattern: WordPattern, word: string): boolean {
  const lower = word.toLowerCase();
  if (pattern.kind === 'caps') return word === pattern.value;
  if (pattern.kind === 'prefix') return lower.startsWith(pattern.value);
  return stem(lower) === pattern.value;
}

/** Last word of `part` when it starts at word i (within [from, to)), else -1. */
function partAt(part: PhrasePart, words: string[], i: number, to: number): number {
  if (i + part.length > to) return -1;
  return part.every((pattern, k) => fits(pattern, words[i + k]!)) ? i + part.length - 1 : -1;
}

/** Hits as "group:first:last", found the slow way: each part after the first is its earliest
 * occurrence after the previous part, and must start within MAX_GAP words of it. */
function slowHits(groups: Record<string, string[]>, words: string[], from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (const [name, phrases] of Object.entries(groups)) {
    for (const phrase of phrases) {
      const parts = parsePhrase(phrase);
      for (let i = from; i < to; i++) {
        let last = partAt(parts[0]!, words, i, to);
        for (let p = 1; p < parts.length && last >= 0; p++) {
          let next = -1;
          for (let j = last + 1; j < to && next < 0; j++) {
            const end = partAt(parts[p]!, words, j, to);
            if (end >= 0) next = j - last - 1 <= MAX_GAP ? end : -2;
          }
          last = next < 0 ? -1 : next;
        }
        if (last >= 0) found.add(`${name}:${i}:${last}`);
      }
    }
  }
  return found;
}

function fastHits(groups: Record<string, string[]>, text: string, tokens: Tokens, from: number, to: number) {
  const matcher = new PhraseMatcher(groups);
  const hits = new HitList(4);
  matcher.scanner(text, internWords(text, tokens))(from, to, hits);
  const found = new Set<string>();
  for (let h = 0; h < hits.length; h++) {
    found.add(`${matcher.groupNames[hits.group[h]!]}:${hits.first[h]}:${hits.last[h]}`);
  }
  return found;
}

const VOCABULARY = [
  'shall',
  'not',
  'no',
  'share',
  'sharing',
  'shared',
  'ICE',
  'ice',
  'Ice',
  'immigration',
  'Immigrant',
  'status',
  'officer',
  'officers',
  'may',
  'detain',
  'detainer',
  'the',
  'ICE’s',
];
const RULE_WORDS = [
  'shall',
  'not',
  'no',
  'share',
  'ICE',
  'immigra*',
  'status',
  'officer',
  'may',
  'detain',
  'the',
];

const phrase = fc
  .array(fc.array(fc.constantFrom(...RULE_WORDS), { minLength: 1, maxLength: 2 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.map((words) => words.join(' ')).join(' ... '));
const book = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd'),
  fc.array(phrase, { minLength: 1, maxLength: 4 }),
  { minKeys: 1 },
);
/** Words of the vocabulary, or runs of 1–10 filler words, so gaps of every size around MAX_GAP occur. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 }).map((n) => Array(n).fill('x').join(' ')) },
);
const text = fc
  .array(fc.tuple(piece, fc.constantFrom(' ', ' ', ', ', '; ', ' (')), { maxLength: 40 })
  .map((words) => words.map(([w, sep]) => w + sep).join(''));

describe('PhraseMatcher against a slow reading of the same phrases', () => {
  it('finds the same hits in random texts and rule books', () => {
    fc.assert(
      fc.property(book, text, fc.nat(), fc.nat(), (groups, policy, a, b) => {
        const tokens = tokenize(policy);
        const words = Array.from({ length: tokens.count }, (_, t) =>
          policy.slice(tokens.start[t], tokens.end[t]),
        );
        // A scanned range, as a sentence is: hits never reach outside it.
        const from = tokens.count === 0 ? 0 : a % tokens.count;
        const to = from + (tokens.count === 0 ? 0 : b % (tokens.count - from + 1));
        expect([...fastHits(groups, policy, tokens, from, to)].sort()).toEqual(
          [...slowHits(groups, words, from, to)].sort(),
        );
      }),
      { numRuns: 600 },
    );
  });

  it('keeps finding the same hits when one matcher scans many documents and ranges in turn', () => {
    // The matcher reuses its joining buffers between scans and documents: nothing may leak across.
    const groups = { a: ['no ... shall ... share', 'officer'], b: ['immigra* status', 'ICE ... detain'] };
    const matcher = new PhraseMatcher(groups);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (policies) => {
        for (const policy of policies) {
          const tokens = tokenize(policy);
          const words = Array.from({ length: tokens.count }, (_, t) =>
            policy.slice(tokens.start[t], tokens.end[t]),
          );
          const scan = matcher.scanner(policy, internWords(policy, tokens));
          const half = tokens.count >> 1;
          for (const [from, to] of [
            [0, half],
            [half, tokens.count],
          ] as const) {
            const hits = new HitList(4);
            scan(from, to, hits);
            const found = new Set<string>();
            for (let h = 0; h < hits.length; h++) {
              found.add(`${matcher.groupNames[hits.group[h]!]}:${hits.first[h]}:${hits.last[h]}`);
            }
            expect([...found].sort()).toEqual([...slowHits(groups, words, from, to)].sort());
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

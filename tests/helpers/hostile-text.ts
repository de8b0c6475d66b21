import type { PolicyDocument } from '../../src/engine/document';
import { MAX_GAP, parsePhrase } from '../../src/engine/phrase';
import { defaultRuleBook } from '../../src/rules/rule-book';

/**
 * Hostile texts for the engine: inputs built from the rules' OWN example sentences (so that many rules
 * are close to firing), near-misses, deep and long lists, every control and invisible character, mixed
 * and right-to-left scripts, and 2,000 pages. tests/unit/security/hostile-text.test.ts bounds the work
 * the engine does on each; bench/hostile.ts times each against an ordinary manual of the same size.
 */

export const examples = defaultRuleBook.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]);
export const matches = defaultRuleBook.rules.flatMap((r) => r.examples.match);

/** Repeats `unit(i)` until the text is about `size` characters. */
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** A near-miss: one word of the sentence swapped for a close misspelling. */
function nearMiss(sentence: string, i: number): string {
  const words = sentence.split(' ');
  const k = i % words.length;
  words[k] = `${words[k]!.slice(0, -1)}x`;
  return words.join(' ');
}

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c))
  .concat(Array.from({ length: 33 }, (_, c) => String.fromCharCode(0x7f + c)))
  .concat([
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u2028',
    '\u2029',
    '\u202e',
    '\ufeff',
    '\ufffd',
  ])
  .join('');

export const HOSTILE_DOCUMENTS: Record<string, () => PolicyDocument> = {
  '1 MB of near-matches of every rule example': () => ({
    source: 'near',
    title: null,
    text: fill(1_000_000, (i) => `${nearMiss(examples[i % examples.length]!, i)} `),
  }),
  '1 MB of real matches, one after another': () => ({
    source: 'matches',
    title: null,
    text: fill(1_000_000, (i) => `${matches[i % matches.length]} `),
  }),
  'a megabyte of one space': () => ({ source: 'spaces', title: null, text: ' '.repeat(1_000_000) }),
  'a megabyte of full stops': () => ({ source: 'dots', title: null, text: '.'.repeat(1_000_000) }),
  'a megabyte of newlines': () => ({ source: 'lines', title: null, text: '\n'.repeat(1_000_000) }),
  'a megabyte of opening brackets': () => ({ source: 'brackets', title: null, text: '('.repeat(1_000_000) }),
  'a megabyte of hyphens at line ends': () => ({
    source: 'hyphens',
    title: null,
    text: 'immi-\n'.repeat(170_000),
  }),
  'a list nested 5,000 levels deep': () => ({
    source: 'deep',
    title: null,
    text: fill(400_000, (i) => {
      const markers = [
        `${i}.`,
        `(${String.fromCharCode(97 + (i % 26))})`,
        `(${'i'.repeat((i % 3) + 1)})`,
        '•',
        '-',
      ];
      return `${'  '.repeat(i % 5_000)}${markers[i % markers.length]} Officers shall not:\n`;
    }),
  }),
  'one lead-in with 50,000 list items': () => ({
    source: 'long-list',
    title: null,
    text: `Officers shall not:\n${fill(1_000_000, (i) => `(${i}) share information with ICE about arrestee ${i};\n`)}`,
  }),
  'every control and invisible character between words': () => ({
    source: 'controls',
    title: null,
    text: fill(1_000_000, (i) => `${matches[i % matches.length]!.split(' ').join(CONTROLS)}${CONTROLS}`),
  }),
  'mixed and right-to-left scripts, combining marks, emoji and lone surrogates': () => ({
    source: 'scripts',
    title: null,
    text: fill(
      1_000_000,
      (i) =>
        `سياسة ICE ‏הגירה‎ 移民身份 Ｉｍｍｉｇｒａｔｉｏｎ i\u0307\u0301mmigration 🚓👮🏽‍♀️ \ud800 status \udfff ${matches[i % matches.length]} `,
    ),
  }),
  '2,000 pages': () => ({
    source: 'manual.pdf',
    title: null,
    pages: Array.from(
      { length: 2000 },
      (_, p) => `Policy Manual\n${examples[p % examples.length]}\nPage ${p + 1} of 2000`,
    ),
  }),
};

/**
 * About a megabyte of the rules' own "a ... b" phrases with every later part MAX_GAP+1 words after its
 * first part: the worst case for joining the parts of a phrase (each first part waits for a later part
 * that never comes close enough). Also returns how many such phrases the rule book has.
 */
export function gapTooFarText(size = 1_000_000): { text: string; phrases: number } {
  const firsts: string[] = [];
  for (const phrases of Object.values(defaultRuleBook.groups)) {
    for (const phrase of phrases) {
      if (parsePhrase(phrase).length < 2) continue;
      const [first, second] = phrase.split(/\s*(?:\.\.\.|…)\s*/);
      firsts.push(`${first} ${'filler '.repeat(MAX_GAP + 1)}${second}`);
    }
  }
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${firsts[i % firsts.length]} `;
  return { text, phrases: firsts.length };
}

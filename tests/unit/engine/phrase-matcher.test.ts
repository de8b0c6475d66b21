// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HitList } from '../../../src/engine/hit-list';
import { parsePhrase } from '../../../src/engine/phrase';
import { PhraseMatcher } from '../../../src/engine/phrase-matcher';
import { tokenize } from '../../../src/engine/tokenize';
import { internWords } from '../../../src/engine/words';

/** Names of the groups found in `text`, with the words each hit covers. */
function find(groups: Record<string, string[]>, text: string): string[] {
  const matcher = new PhraseMatcher(groups);
  const tokens = tokenize(text);
  const words = internWords(text, tokens);
  const hits = new HitList();
  matcher.scanner(text, words)(0, tokens.count, hits);
  return Array.from(
    { length: hits.length },
    (_, i) =>
      `${matcher.groupNames[hits.group[i]!]}:${text.slice(tokens.start[hits.first[i]!], tokens.end[hits.last[i]!])}`,
  );
}

describe('parsePhrase', () => {
  it('reads stems, capitals, prefixes and gaps', () => {
    expect(parsePhrase('no ... shall')).toEqual([
      [{ kind: 'stem', value: 'no' }],
      [{ kind: 'stem', value: 'shall' }],
    ]);
    expect(parsePhrase('ICE immigra*')).toEqual([
      [
        { kind: 'caps', value: 'ICE' },
        { kind: 'prefix', value: 'immigra' },
      ],
    ]);
    expect(parsePhrase('287(g)')).toEqual([
      [
        { kind: 'stem', value: '287' },
        { kind: 'stem', value: 'g' },
      ],
    ]);
  });

  it('refuses phrases without words', () => {
    expect(() => parsePhrase('...')).toThrow(/needs at least one word/);
    expect(() => parsePhrase('*')).toThrow(/\* must follow letters/);
    expect(() => parsePhrase('shall ...')).toThrow(/needs at least one word/);
  });
});

describe('PhraseMatcher', () => {
  it('matches any inflection of a word', () => {
    expect(
      find({ share: ['share information'] }, 'Members shared information and were sharing informations.'),
    ).toEqual(['share:shared information', 'share:sharing informations']);
  });

  it('matches capitalised rule words only in capitals, other words in any case', () => {
    const groups = { ice: ['ICE'], status: ['immigration status'] };
    expect(find(groups, 'ICE agents; ice on roads; Ice; IMMIGRATION STATUS')).toEqual([
      'ice:ICE',
      'status:IMMIGRATION STATUS',
    ]);
  });

  it('ignores punctuation inside phrases', () => {
    expect(find({ usc: ['8 U.S.C. 1373'] }, 'under 8 USC 1373 or 8 U.S.C. § 1373')).toEqual([
      'usc:8 U.S.C. § 1373',
    ]);
  });

  it('matches a prefix', () => {
    expect(find({ imm: ['immigra*'] }, 'immigrant, Immigration, immigr')).toEqual([
      'imm:immigrant',
      'imm:Immigration',
    ]);
  });

  it('allows up to eight words in a gap, not nine', () => {
    const groups = { ban: ['no ... shall'] };
    expect(find(groups, 'No officer or employee of the Department shall')).toEqual([
      'ban:No officer or employee of the Department shall',
    ]);
    expect(find(groups, 'No one two three four five six seven eight shall')).toHaveLength(1);
    expect(find(groups, 'No one two three four five six seven eight nine shall')).toEqual([]);
  });

  it('joins three-part phrases in order', () => {
    const groups = { lift: ['no ... will prohibit ... restrict'] };
    expect(find(groups, 'No member will prohibit, or in any way restrict, another')).toHaveLength(1);
    expect(find(groups, 'restrict no member will prohibit')).toEqual([]);
  });

  it('finds overlapping phrases and reports a phrase once per group that holds it', () => {
    const groups = { a: ['immigration status', 'status'], b: ['immigration status'] };
    expect(find(groups, 'immigration status').sort()).toEqual([
      'a:immigration status',
      'a:status',
      'b:immigration status',
    ]);
  });

  it('does not match across scanned ranges', () => {
    const text = 'shall. not';
    const matcher = new PhraseMatcher({ ban: ['shall not'] });
    const tokens = tokenize(text);
    const scan = matcher.scanner(text, internWords(text, tokens));
    const hits = new HitList();
    scan(0, 1, hits);
    scan(1, 2, hits);
    expect(hits.length).toBe(0);
    scan(0, 2, hits);
    expect(hits.length).toBe(1);
  });
});

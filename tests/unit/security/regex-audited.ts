/**
 * The reviewed exceptions of tests/unit/security/rule-patterns.test.ts, shared with bench/hostile.ts.
 */

// Patterns that the shape check flags but that a person has read and found safe, with the reason and,
// where the reason is a bounded input, the bound (bench/hostile.ts times the pattern on inputs that
// long, and a test in rule-patterns.test.ts proves the caller enforces it). The key is the file
// (relative to src/) and the pattern as written: a changed pattern must be read again.
export const AUDITED: Record<string, { reason: string; maxInput?: number }> = {
  'engine/segment-lines.ts ^(\\d{1,4}(?:\\.\\d{1,4})+|\\d{1,4}-\\d{1,4})\\.?(?=\\s|$)': {
    reason:
      'Anchored at ^ and run on one line; each repetition starts with a literal "." that \\d cannot match, so there is one way to split.',
  },
  'engine/segment-lines.ts ^((?:Section|SECTION|Sec\\.|SEC\\.|§{1,2}|Article|ARTICLE|Art\\.|Chapter|CHAPTER|Policy|POLICY|Part|PART|General Order|GENERAL ORDER)\\s*(?:\\d{1,4}(?:[.-]\\d{1,4})*[A-Za-z]?|[IVX]{1,6}))(?=[\\s.:]|$)':
    { reason: 'Anchored at ^, literal words; each repetition starts with "." or "-" that \\d cannot match.' },
  // Quadratic on one long run such as "A-A-A-…" (3.6 s for 40,000 characters before guessTown capped
  // the title at 300 characters): see "town guess" in rule-patterns.test.ts.
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
export const DYNAMIC: Record<string, string> = {
  'engine/lexipol.ts': 'an alternation of plain words (see "Lexipol anchors are plain words")',
  'pdf/text-search.ts':
    'the user’s search words with every metacharacter escaped, joined by \\s+ (see "search words")',
};

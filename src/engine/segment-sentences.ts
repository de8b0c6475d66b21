/**
 * Sentence ends and clause starts inside normalised text. Segments are asked for in
 * text order, so each punctuation mark is found with the engine's native indexOf from a cursor that
 * only moves forward: a whole text costs one native scan per mark, and hostile input (a megabyte of
 * dots, thousands of colons) stays linear. A look-back never goes further than one short word.
 */

/** Words that end with a dot without ending the sentence, lowercased, without the dot. */
const ABBREVIATIONS = new Set(
  (
    'sec secs no nos inc st mr mrs ms dr jr sr lt sgt capt cpt det ofc ptl cpl lieut supt dept gov gen co corp ' +
    'ltd ave rd blvd vs al cf approx art ch par para pp fig ex mass stat app ct supp fed reg jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec vol op id ibid seq cl subd subsec ss amend const admin rev ann cir ed pub dist ' +
    'prob juv mun comm govt asst atty gen dep insp sup ord'
  ).split(' '),
);

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function isUpperLetter(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** Can a sentence begin with this character? (A capital, a digit, an opening quote or bracket.) */
function opensSentence(c: number): boolean {
  return isUpperLetter(c) || isDigit(c) || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b;
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Is the word ending at the dot `dot` an abbreviation (U.S.C., e.g., Sec., v., J.)? */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let k = dot;
  let letters = 0;
  let dots = 0;
  let others = 0;
  while (k > from && dot - k < 16) {
    const c = text.charCodeAt(k - 1);
    if (isWhite(c) || c === 0x28 || c === 0x22) break;
    if (c === 0x2e) dots++;
    else if (isLetter(c)) letters++;
    else others++;
    k--;
  }
  if (letters === 0) return false;
  if (letters === 1 && dots === 0 && others === 0) return true; // initials, "v.", "c. 276"
  if (dots > 0 && others === 0) {
    // U.S.C, e.g, i.e, M.G.L — but a.m./p.m. usually end a sentence when a capital follows.
    const c0 = text.charCodeAt(k) | 0x20;
    return !(dot - k === 3 && (c0 === 0x61 || c0 === 0x70) && (text.charCodeAt(k + 2) | 0x20) === 0x6d);
  }
  return others === 0 && dot - k <= 6 && ABBREVIATIONS.has(text.slice(k, dot).toLowerCase());
}

/** Next occurrence of one character, remembering the last answer, so forward queries cost O(n) in all. */
class NextChar {
  private from = Number.MAX_SAFE_INTEGER;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}

  /** Index of the first occurrence at or after `from`, or text.length. */
  after(from: number): number {
    if (from >= this.from && from <= this.at) return this.at;
    const at = this.text.indexOf(this.ch, from);
    this.from = from;
    this.at = at < 0 ? this.text.length : at;
    return this.at;
  }
}

/** Does the word at `at` read `word` (ASCII, any case) and end there? */
function wordIs(text: string, at: number, end: number, word: string): boolean {
  if (at + word.length > end) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  const after = text.charCodeAt(at + word.length) | 0x20;
  return !(after >= 0x61 && after <= 0x7a);
}

/** ", but" / ", nor" / ", however" / ", provided" / ", except that" at `at` (the word after the comma). */
function isClauseCue(text: string, at: number, end: number): boolean {
  switch (text.charCodeAt(at) | 0x20) {
    case 0x62:
      return wordIs(text, at, end, 'but');
    case 0x6e:
      return wordIs(text, at, end, 'nor');
    case 0x68:
      return wordIs(text, at, end, 'however');
    case 0x70:
      return wordIs(text, at, end, 'provided');
    case 0x65:
      return wordIs(text, at, end, 'except') && wordIs(text, at + 7, end, 'that');
    default:
      return false;
  }
}

export class SentenceScanner {
  /** The first colon of the sentence found by the last sentenceEnd call, or -1. */
  firstColon = -1;
  private readonly dots: NextChar;
  private readonly questions: NextChar;
  private readonly exclamations: NextChar;
  readonly colons: NextChar;
  private readonly semicolons: NextChar;
  private readonly commas: NextChar;

  constructor(readonly text: string) {
    this.dots = new NextChar(text, '.');
    this.questions = new NextChar(text, '?');
    this.exclamations = new NextChar(text, '!');
    this.colons = new NextChar(text, ':');
    this.semicolons = new NextChar(text, ';');
    this.commas = new NextChar(text, ',');
  }

  private nextStop(from: number): number {
    return Math.min(this.dots.after(from), this.questions.after(from), this.exclamations.after(from));
  }

  /** Offset just past the sentence that starts at `from` (after its final punctuation and closing quotes), or `to`. */
  sentenceEnd(from: number, to: number): number {
    const text = this.text;
    let end = to;
    for (let i = this.nextStop(from); i < to; i = this.nextStop(i + 1)) {
      let j = i + 1;
      while (
        j < to &&
        (text.charCodeAt(j) === 0x22 || text.charCodeAt(j) === 0x27 || text.charCodeAt(j) === 0x29)
      )
        j++;
      if (j >= to) break;
      if (!isWhite(text.charCodeAt(j))) continue;
      let k = j;
      while (k < to && isWhite(text.charCodeAt(k))) k++;
      if (
        k >= to ||
        (opensSentence(text.charCodeAt(k)) && !(text.charCodeAt(i) === 0x2e && isAbbreviation(text, from, i)))
      ) {
        end = j;
        break;
      }
    }
    const colon = this.colons.after(from);
    this.firstColon = colon < end ? colon : -1;
    return end;
  }

  /**
   * Clause starts inside [start, end): after each ";" and before ", but" / ", nor" / ", however" /
   * ", except that" / ", provided" — so that "shall not ask, but may share" gets two kinds.
   */
  clauseStarts(start: number, end: number): number[] {
    const text = this.text;
    const starts = [start];
    let semicolon = this.semicolons.after(start);
    let comma = this.commas.after(start);
    for (;;) {
      const at = Math.min(semicolon, comma);
      if (at >= end) break;
      let k = at + 1;
      while (k < end && isWhite(text.charCodeAt(k))) k++;
      if (k >= end) break;
      if (at === semicolon) semicolon = this.semicolons.after(at + 1);
      else comma = this.commas.after(at + 1);
      if (text.charCodeAt(at) === 0x2c && !isClauseCue(text, k, end)) continue;
      if (k > (starts[starts.length - 1] ?? start)) starts.push(k);
    }
    return starts;
  }
}

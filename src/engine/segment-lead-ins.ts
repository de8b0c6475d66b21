/**
 * Does a lead-in ending with ":" reach across a blank line to the lines after it? Web pages are read
 * with a blank line between a paragraph and the list after it ("officers shall not:" / blank / the
 * <li> lines), so the list must keep its lead-in, or "hold people for immigration agents" reads as a
 * permission. But "Procedure:" above an ordinary paragraph is a label, and its words must not join
 * that paragraph's words.
 */
import { headingCase } from './segment-lines';

/** Longer lines are paragraphs, not list items (a web page's <li> is one line; a <p> may be too). */
const MAX_ITEM_LINE = 300;
/** A label has few words ("Procedure", "Civil Detainers", "Exceptions to This Policy"). */
const MAX_LABEL_WORDS = 6;
/** Up to this many words, a label may be in sentence case ("Policy statement"). */
const MAX_PLAIN_LABEL_WORDS = 2;

/** Words that make a lead-in a sentence ("Officers shall not", "The following are prohibited"). */
const VERBS = new Set(
  'shall may must will should can cannot could would might are is be do does has have need needs not never'.split(
    ' ',
  ),
);
/** Last words that leave a lead-in unfinished ("…any of the following", "…prohibited from"). */
const OPEN_ENDINGS = new Set(
  'following follows to from of that which who whom including include includes by for with when if unless except or and the any these those as'.split(
    ' ',
  ),
);

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

function isLowerStart(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  return ch !== ch.toUpperCase();
}

/**
 * Is the lead-in [start, end) (its last character is the colon) a label such as "Procedure:" or
 * "IMMIGRATION DETAINERS:" rather than the start of a sentence that a list finishes?
 */
export function isLabelLike(text: string, start: number, end: number): boolean {
  return isLabelText(text, start, end - 1, MAX_PLAIN_LABEL_WORDS);
}

/**
 * Is the numbered line's text [start, end) a title ("Immigration status", "Funds and personnel") when it
 * stands alone between blank lines? Not if it says something ("Officers may share records with ICE").
 */
export function isNumberedTitle(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  const endsInWord = (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a;
  return endsInWord && isLabelText(text, start, end, MAX_LABEL_WORDS);
}

/** Short, no verb, not cut short; beyond `maxPlainWords` words set as a title (caps or Title Case). */
function isLabelText(text: string, start: number, end: number, maxPlainWords: number): boolean {
  if (end - start > 80 || end <= start || isLowerStart(text, start)) return false;
  const words = text
    .slice(start, end)
    .toLowerCase()
    .split(/[\s,()]+/)
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return false;
  if (OPEN_ENDINGS.has(words[words.length - 1]!) || words.some((w) => VERBS.has(w))) return false;
  if (words.length <= maxPlainWords) return true;
  // Longer labels are set as titles; "The Department prohibits" is a sentence cut short.
  const kind = headingCase(text, start, end);
  return kind === 'caps' || kind === 'title';
}

/**
 * Does the line [start, end) read as a list item whatever comes before it: it goes on in lowercase, or
 * ends like an item that another follows ("…;", "…; or", "…; and")?
 */
export function readsAsItem(text: string, start: number, end: number): boolean {
  return isLowerStart(text, start) || endsWithItemBreak(text, start, end);
}

/** A line short enough to be one list item. */
export function isItemLength(start: number, end: number): boolean {
  return end - start <= MAX_ITEM_LINE;
}

/** Does [start, end) end with ";", "; or", "; and" or "; and/or" — an item with more to follow? */
export function endsWithItemBreak(text: string, start: number, end: number): boolean {
  let b = end;
  while (b > start && isWhite(text.charCodeAt(b - 1))) b--;
  if (text.charCodeAt(b - 1) === 0x3b) return true;
  let w = b;
  while (w > start && text.charCodeAt(w - 1) !== 0x20) w--;
  const word = text.slice(w, b).toLowerCase();
  if (word !== 'or' && word !== 'and' && word !== 'and/or') return false;
  while (w > start && isWhite(text.charCodeAt(w - 1))) w--;
  return text.charCodeAt(w - 1) === 0x3b;
}

/** Lines at least this long that stop without punctuation are taken for hard wraps (text files wrap at
 *  60 to 100 characters); a list item without punctuation is usually shorter. */
const MIN_WRAPPED_LINE = 60;

/**
 * Does the line [start, end) look cut by a hard wrap, so that the next line goes on with the same
 * sentence even if it starts with a capital ("…about a person with" / "ICE or any other…")?
 */
export function looksHardWrapped(text: string, start: number, end: number): boolean {
  if (end - start < MIN_WRAPPED_LINE) return false;
  const last = text.charCodeAt(end - 1);
  return (last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a) || (last >= 0x30 && last <= 0x39);
}

/**
 * A deliberately light stemmer, applied to rule words and text words alike, so that a rule written
 * with one form of a word matches its inflections: share/shares/shared/sharing → "shar",
 * inquire/inquiry/inquiries/inquiring → "inquir", detain/detained/detaining → "detain".
 *
 * It only strips inflection (-s, -es, -ies, -ed, -ied, -ing) and a final -e or -y, never derivation, so
 * "detainer", "detainee", "detention" and "detain" stay four different words, and "communicate" does not
 * match "communication": rules list such words separately. Known limits (accepted, because rules are
 * whole phrases and a collision rarely lines up with the rest of a rule):
 * - short words (3 letters or fewer) are left alone, so "use" → "us" but "used" stays "used";
 * - irregular forms are not joined ("held" ≠ "hold", "gave" ≠ "give");
 * - unrelated words can meet ("sharing"/"share" but also "shares" as in stock); "police" and "policy"
 *   would meet, so "policy" is kept apart by an exception, as are "note" (not "not") and "willing"
 *   (not "will"), which would otherwise read as cue words.
 * Input must already be lower case.
 */

const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['policy', 'policy'],
  ['policies', 'policy'],
  // Words that would otherwise meet a cue word and change a sentence's kind: "shall note the detainer"
  // must not read as "shall not", nor "officers are willing to" as "officers are will".
  ['note', 'note'],
  ['notes', 'note'],
  ['noted', 'note'],
  ['noting', 'note'],
  ['willing', 'willing'],
  // "not a party to an agreement" is a ban; "not part of the record" must be written as its own cue
  ['party', 'party'],
  ['parties', 'party'],
]);

function isVowel(code: number): boolean {
  // a e i o u y
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;
}

function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isVowel(word.charCodeAt(i))) return true;
  return false;
}

/** "stopp" → "stop", but "call" and "pass" keep their double letter (they are not doubled by -ed). */
function undouble(word: string): string {
  const n = word.length;
  if (n < 3) return word;
  const last = word.charCodeAt(n - 1);
  if (last !== word.charCodeAt(n - 2) || isVowel(last)) return word;
  if (last === 108 || last === 115 || last === 122) return word; // l, s, z
  return word.slice(0, -1);
}

export function stem(word: string): string {
  if (word.length <= 3) return word;
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  let w = word;
  const n = w.length;
  if (n > 4 && (w.endsWith('ies') || w.endsWith('ied'))) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  else if (w.endsWith('ing') && n - 3 >= 3 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && n - 2 >= 3 && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  const last = w.charCodeAt(w.length - 1);
  if (w.length > 3 && (last === 101 || last === 121)) w = w.slice(0, -1); // final e or y
  return w;
}

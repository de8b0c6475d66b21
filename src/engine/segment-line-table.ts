/**
 * The non-blank lines of a text, trimmed, each knowing whether a blank line came before it: what the
 * segmenter walks. Typed arrays, not an object per line: a manual has tens of thousands of lines.
 */

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Non-blank lines, trimmed, each knowing whether a blank line came before it (typed arrays: no object per line). */
export interface Lines {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  blankBefore: Uint8Array;
}

export function linesOf(text: string): Lines {
  let capacity = (text.length >> 5) + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let blanks = new Uint8Array(capacity);
  let count = 0;
  let blankBefore = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let a = start;
    let b = end;
    while (a < b && isWhite(text.charCodeAt(a))) a++;
    while (b > a && isWhite(text.charCodeAt(b - 1))) b--;
    if (a < b) {
      if (count === capacity) {
        capacity *= 2;
        const grownStarts = new Int32Array(capacity);
        const grownEnds = new Int32Array(capacity);
        const grownBlanks = new Uint8Array(capacity);
        grownStarts.set(starts);
        grownEnds.set(ends);
        grownBlanks.set(blanks);
        starts = grownStarts;
        ends = grownEnds;
        blanks = grownBlanks;
      }
      starts[count] = a;
      ends[count] = b;
      blanks[count] = blankBefore;
      count++;
      blankBefore = 0;
    } else if (count > 0) {
      blankBefore = 1;
    }
    start = end + 1;
  }
  return { count, starts, ends, blankBefore: blanks };
}

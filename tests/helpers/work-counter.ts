/**
 * Counts the work a piece of code does on strings, without a clock: the hostile-input tests bound the
 * work done (steps per character of input), which a busy machine cannot change, instead of the time it
 * took. Timings are for bench/ (`npm run bench -- hostile`).
 *
 * A step is
 *   - one `String.prototype.charCodeAt` call (how the engine and the text sources read characters);
 *   - each character a regular expression scans: from where it starts to the end of its match, or to the
 *     end of the input when a non-sticky expression fails (a failing sticky one costs one). Every way of
 *     running one (test, match, replace, split, …) goes through `RegExp.prototype.exec`, so all count;
 *   - each character `indexOf` and `lastIndexOf` pass over (to the hit, or to the end when there is none);
 *   - each character `slice`, `substring` and `toLowerCase` copy into a new string.
 * Reading a character as `text[i]` cannot be counted; the engine reads them with charCodeAt.
 * Backtracking inside one match is not counted: tests/unit/security/rule-patterns.test.ts rejects the
 * expression shapes that backtrack, and the regular-expression timings are in bench/hostile.ts.
 *
 * A linear algorithm does a constant number of steps per character however long the text; a quadratic
 * one does a number proportional to the length (hundreds of thousands per character on a megabyte).
 */

export interface Work<T> {
  result: T;
  /** All steps (see above). */
  steps: number;
  /** Regular expressions run. */
  regexRuns: number;
  /** The longest string any regular expression was run on. */
  longestRegexInput: number;
  /** The same, for each expression (by its source as written). */
  longestInputOf: Map<string, number>;
}

type StringMethod = (this: string, ...args: never[]) => unknown;

export function countWork<T>(work: () => T): Work<T> {
  const strings = String.prototype as unknown as Record<string, StringMethod>;
  const exec = RegExp.prototype.exec;
  const saved = {
    charCodeAt: strings.charCodeAt!,
    indexOf: strings.indexOf!,
    lastIndexOf: strings.lastIndexOf!,
    slice: strings.slice!,
    substring: strings.substring!,
    toLowerCase: strings.toLowerCase!,
  };
  let steps = 0;
  let regexRuns = 0;
  let longestRegexInput = 0;
  const longestInputOf = new Map<string, number>();
  const copying = (original: StringMethod) =>
    function (this: string, ...args: never[]) {
      const out = original.apply(this, args) as string;
      steps += out.length;
      return out;
    };
  strings.charCodeAt = function (this: string, ...args: never[]) {
    steps++;
    return saved.charCodeAt.apply(this, args);
  };
  strings.indexOf = function (this: string, ...args: never[]) {
    const at = saved.indexOf.apply(this, args) as number;
    const from = Math.max(0, Math.min(this.length, Number(args[1] ?? 0) || 0));
    steps += at < 0 ? Math.max(1, this.length - from) : at - from + 1;
    return at;
  };
  strings.lastIndexOf = function (this: string, ...args: never[]) {
    const at = saved.lastIndexOf.apply(this, args) as number;
    const given = args[1] === undefined ? this.length : Number(args[1]);
    const from = Math.max(0, Math.min(this.length, Number.isNaN(given) ? this.length : given));
    steps += at < 0 ? from + 1 : from - at + 1;
    return at;
  };
  strings.slice = copying(saved.slice);
  strings.substring = copying(saved.substring);
  strings.toLowerCase = copying(saved.toLowerCase);
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    regexRuns++;
    longestRegexInput = Math.max(longestRegexInput, text.length);
    longestInputOf.set(this.source, Math.max(longestInputOf.get(this.source) ?? 0, text.length));
    if (match) steps += Math.max(1, match.index + match[0].length - from);
    else steps += this.sticky ? 1 : Math.max(1, text.length - from);
    return match;
  };
  try {
    const result = work();
    return { result, steps, regexRuns, longestRegexInput, longestInputOf };
  } finally {
    Object.assign(strings, saved);
    RegExp.prototype.exec = exec;
  }
}

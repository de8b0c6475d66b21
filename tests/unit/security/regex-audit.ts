import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds every regular expression in the extension's source and reports the shapes that can make a
 * backtracking engine (V8's Irregexp, SpiderMonkey's) take exponential or high-polynomial time.
 * Used by tests/unit/security/rule-patterns.test.ts.
 */

export interface FoundRegex {
  file: string;
  line: number;
  /** The pattern body, as written. */
  source: string;
  flags: string;
  /** Built with `new RegExp(...)` from something other than two string literals: checked by hand. */
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Uses the TypeScript parser, so a `/` in a string, comment or division is never taken for a regex. */
export function findRegexes(root: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const lineOf = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const slash = literal.lastIndexOf('/');
        found.push({
          file,
          line: lineOf(node),
          source: literal.slice(1, slash),
          flags: literal.slice(slash + 1),
          dynamic: false,
        });
      }
      if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [body, flags] = node.arguments ?? [];
        const literalBody = body && ts.isStringLiteralLike(body) ? body.text : null;
        const literalFlags = flags === undefined ? '' : ts.isStringLiteralLike(flags) ? flags.text : null;
        found.push({
          file,
          line: lineOf(node),
          source: literalBody ?? node.getText(),
          flags: literalFlags ?? '',
          dynamic: literalBody === null || literalFlags === null,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

interface Quantifier {
  min: number;
  max: number;
}

/** One atom of a pattern with what the checks need to know about it. */
interface Atom {
  /** Contains (at any depth) a quantifier that repeats more than once. */
  repeatsInside: boolean;
  /** Contains an alternation `|` (at any depth). */
  alternates: boolean;
  quantifier: Quantifier | null;
  /** Pattern text of a single-character atom (class, escape, dot, literal), for overlap tests. */
  single: string | null;
}

const ONCE: Quantifier = { min: 1, max: 1 };

/**
 * The risky shapes, by the classic analysis of backtracking matchers:
 * - a repeated group whose body itself repeats or alternates: `(a+)+`, `(a|ab)*`, `(\w{1,3})+`:
 *   the ways to split a failing input grow exponentially;
 * - back-references: matching them is NP-hard in general;
 * - two unbounded repetitions side by side whose characters overlap, without a start anchor:
 *   `\s*\s*`, `.*.*`: polynomial (n² or n³) blow-up on a long failing line.
 * Returns the problems found (empty when the pattern is linear in practice).
 */
export function riskyShapes(source: string, flags: string): string[] {
  const problems: string[] = [];
  let i = 0;
  const unicode = flags.includes('u') || flags.includes('v');

  const readQuantifier = (): Quantifier => {
    const c = source[i];
    let q: Quantifier = ONCE;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return ONCE;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length;
      if (source[i] === '?') i++;
      return { min, max };
    } else return ONCE;
    i++;
    if (source[i] === '?') i++; // lazy: same worst case
    return q;
  };

  // Parses a sequence up to `)` or the end; returns whether it repeats or alternates inside.
  const parseSequence = (): { repeats: boolean; alternates: boolean } => {
    let repeats = false;
    let alternates = false;
    let branch: Atom[] = [];
    const checkBranch = () => {
      // Only when nothing required stands between them: a required character the two cannot both
      // absorb (`[ \t]*\n\s*`) fixes where one ends and the other starts.
      for (let x = 0; x < branch.length; x++) {
        if (branch[x]!.quantifier?.max !== Infinity) continue;
        for (let y = x + 1; y < branch.length; y++) {
          const between = branch.slice(x + 1, y);
          if (between.some((a) => (a.quantifier?.min ?? 1) > 0)) break;
          if (branch[y]!.quantifier?.max !== Infinity) continue;
          if (!source.startsWith('^') && overlap(branch[x]!.single, branch[y]!.single, flags))
            problems.push(`two unbounded repetitions that can match the same characters: ${source}`);
        }
      }
    };
    while (i < source.length && source[i] !== ')') {
      const c = source[i]!;
      if (c === '|') {
        alternates = true;
        checkBranch();
        branch = [];
        i++;
        continue;
      }
      let atom: Atom;
      if (c === '(') {
        i++;
        if (source[i] === '?') {
          i++;
          if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!') {
            while (source[i] !== '>') i++;
            i++;
          } else if (source[i] === '<') i += 2;
          else i++;
        }
        const inner = parseSequence();
        i++; // ')'
        atom = { repeatsInside: inner.repeats, alternates: inner.alternates, quantifier: null, single: null };
      } else if (c === '[') {
        const begin = i;
        i++;
        if (source[i] === '^') i++;
        if (source[i] === ']') i++;
        while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
        i++;
        atom = { repeatsInside: false, alternates: false, quantifier: null, single: source.slice(begin, i) };
      } else if (c === '\\') {
        const next = source[i + 1] ?? '';
        if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))
          problems.push(`back-reference: ${source}`);
        let end = i + 2;
        if ((next === 'p' || next === 'P') && unicode) end = source.indexOf('}', i) + 1;
        else if (next === 'u' && source[i + 2] === '{') end = source.indexOf('}', i) + 1;
        else if (next === 'u') end = i + 6;
        else if (next === 'x') end = i + 4;
        const text = source.slice(i, end);
        i = end;
        atom = { repeatsInside: false, alternates: false, quantifier: null, single: text };
      } else if (c === '^' || c === '$') {
        i++;
        continue;
      } else {
        i++;
        atom = { repeatsInside: false, alternates: false, quantifier: null, single: c };
      }
      atom.quantifier = readQuantifier();
      if (atom.quantifier.max > 1) {
        if (atom.repeatsInside) problems.push(`a repeated group repeats inside: ${source}`);
        if (atom.alternates) problems.push(`a repeated group alternates: ${source}`);
        repeats = true;
      }
      if (atom.repeatsInside) repeats = true;
      if (atom.alternates) alternates = true;
      branch.push(atom);
    }
    checkBranch();
    return { repeats, alternates };
  };

  parseSequence();
  // An unanchored pattern that starts with an unbounded repetition and then needs more (`[\s,;:]+$`,
  // `\w+X`): every start position scans to the end of the run and back, n² on one long run.
  if (!source.startsWith('^') && !flags.includes('y')) {
    i = 0;
    const first = firstAtomUnbounded(source);
    if (first && source.length > first) problems.push(`starts with an unbounded repetition: ${source}`);
  }
  return problems;
}

/** Length of a leading single-character atom with `+`, `*` or `{n,}`, or 0. */
function firstAtomUnbounded(source: string): number {
  let end = 0;
  if (source[0] === '[') {
    end = 1;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    end++;
  } else if (source[0] === '\\') end = 2;
  else if (source[0] === '.') end = 1;
  else return 0;
  const rest = source.slice(end);
  const q = /^(?:[*+]|\{\d+,\})\??/.exec(rest);
  return q ? end + q[0].length : 0;
}

// Characters tried when asking "can these two atoms match the same character?".
const PROBES = [
  ...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)),
  '\u00a0',
  '\u00ad',
  '\u2013',
  '\u2014',
  '\u2019',
  '\u3000',
  'é',
  'Ж',
  '移',
];

function overlap(a: string | null, b: string | null, flags: string): boolean {
  if (a === null || b === null) return true; // a group: assume the worst
  const f = flags.replace(/[gy]/g, '');
  const ra = new RegExp(`^(?:${a})$`, f);
  const rb = new RegExp(`^(?:${b})$`, f);
  return PROBES.some((p) => ra.test(p) && rb.test(p));
}

/** Characters a pattern mentions, for building inputs that come close to matching it. */
export function alphabetOf(source: string, flags: string): string[] {
  const f = flags.replace(/[gy]/g, '');
  const chars = new Set<string>();
  for (const probe of PROBES) {
    // A character belongs if the pattern can use it somewhere: test it against each class/literal.
    if (source.includes(probe)) chars.add(probe);
  }
  const classes = source.match(/\[[^\]]*\]|\\[dswDSW]|\./g) ?? [];
  for (const cls of classes) {
    try {
      const re = new RegExp(`^${cls}$`, f);
      const member = PROBES.find((p) => re.test(p));
      if (member) chars.add(member);
    } catch {
      // A fragment that only makes sense in context: the literal characters above still apply.
    }
  }
  chars.add(' ');
  chars.add('a');
  chars.add('1');
  return [...chars];
}

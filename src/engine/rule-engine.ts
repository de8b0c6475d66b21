import { type CompiledRule, CUE_GROUPS, type RuleBook, type SentenceKind } from '../rules/rule-book';
import { PhraseMatcher } from './phrase-matcher';
import type { CueGroups } from './sentence-kinds';

/**
 * Vocabulary group of phrases where a ban word only says what may be so ("persons who MAY NOT BE
 * lawfully present", "when a suspect CANNOT BE identified"): see clauseKinds. Optional, unlike
 * CUE_GROUPS, so a rule book without it still compiles.
 */
const POSSIBILITY_CUES = 'possibility-cues';
/** Vocabulary groups of words opening a subordinate clause (who, if, when…) and of negations that
 * describe ("does not have", "cannot post bail"): see clauseKinds. Optional too. */
const SUBORDINATE_CUES = 'subordinate-cues';
const DESCRIBING_NEGATIONS = 'describing-negations';

/**
 * A rule book made ready to run: one PhraseMatcher for every group, rules pointing at group numbers,
 * and an index from each rule's rarest group to the rule, so a sentence only tries the rules whose
 * rarest group it contains. Built once per rule book and cached.
 */

export interface RunnableRule {
  rule: CompiledRule;
  all: number[];
  none: number[];
  unlessNear: number[];
  /** Kinds allowed where the match starts; null = any. */
  kinds: ReadonlySet<SentenceKind> | null;
}

export interface RuleEngine {
  book: RuleBook;
  matcher: PhraseMatcher;
  rules: RunnableRule[];
  /** Group number → rules keyed on that group. */
  rulesByKeyGroup: Map<number, RunnableRule[]>;
  /** The same, as an array indexed by group (undefined: no rule is keyed on it), for the hot loop. */
  rulesByKey: (RunnableRule[] | undefined)[];
  cues: CueGroups;
  /** Group number → the groups a hit of it counts for: itself and every rule group that includes it. */
  countsFor: number[][];
  /** countsFor flattened: the groups of group g are countsList[countsFrom[g] .. countsFrom[g + 1]). */
  countsFrom: Int32Array;
  countsList: Int32Array;
  /** Group that any mention of immigration hits (for the "does not mention immigration" warning). */
  mentionsImmigration: number;
  /** Vocabulary groups that weaken a ban when they qualify it (hedges, broad exceptions): a green
   * rule stopped only by one of them reads as a hedged ban, a red finding. */
  weakeners: number[];
  /** Words that open an exception to a ban (unless, except …) and the narrow exceptions the guide
   * accepts (required by law, a judge's warrant …); -1 when the rule book has none. */
  exceptionWords: number;
  narrowExceptions: number;
  broadConditions: number;
  /** A vocabulary group's number by name (aliases resolved), or -1 when the rule book has none. */
  groupOf: (name: string) => number;
}

/** Vocabulary groups whose words, next to a ban, make it a weak one in the guide's terms. */
const WEAKENING_GROUPS = ['hedges', 'broad-exceptions'];

/** Engine-internal group name; "/" cannot occur in vocabulary names, and rule groups start with "q". */
const MENTIONS_IMMIGRATION = '/mentions-immigration';
const MENTION_WORDS = [
  'immigra*',
  'ICE',
  'deport*',
  'alien',
  'aliens',
  'undocumented',
  'citizenship',
  'homeland security',
  '287(g)',
  '1357(g)',
  '1373',
];

const cache = new WeakMap<RuleBook, RuleEngine>();

export function ruleEngine(book: RuleBook): RuleEngine {
  const known = cache.get(book);
  if (known) return known;
  // Twin rules (a red one and its green counterpart) often write the same group: match it once.
  // Every name keeps working through `canonical`; only the first name of a group reaches the matcher.
  const canonical = new Map<string, string>();
  const byContent = new Map<string, string>();
  const distinct: Record<string, readonly string[]> = {};
  for (const [name, phrases] of Object.entries(book.groups)) {
    const content = JSON.stringify([[...phrases].sort(), [...(book.includes[name] ?? [])].sort()]);
    const first = byContent.get(content);
    if (first !== undefined) {
      canonical.set(name, first);
      continue;
    }
    byContent.set(content, name);
    canonical.set(name, name);
    distinct[name] = phrases;
  }
  const matcher = new PhraseMatcher({ ...distinct, [MENTIONS_IMMIGRATION]: MENTION_WORDS });
  const id = (name: string): number => {
    const group = matcher.groupId(canonical.get(name) ?? name);
    if (group === undefined) throw new Error(`The rule book names a group it does not define: ${name}`);
    return group;
  };
  const rules: RunnableRule[] = book.rules.map((rule) => ({
    rule,
    all: rule.all.map(id),
    none: rule.none.map(id),
    unlessNear: rule.unlessNear.map(id),
    kinds: rule.sentence.length === 0 ? null : new Set(rule.sentence),
  }));
  const rulesByKeyGroup = new Map<number, RunnableRule[]>();
  for (const r of rules) {
    // Fewest phrases is the best guess at the rarest group; ties go to the rule's own groups ("q…/all/1"),
    // which are usually more specific than shared vocabulary.
    let key = r.all[0]!;
    let keySize = Number.POSITIVE_INFINITY;
    r.rule.all.forEach((name, n) => {
      const included = (book.includes[name] ?? []).reduce((sum, g) => sum + (book.groups[g]?.length ?? 0), 0);
      const size = (book.groups[name]?.length ?? 0) + included + (name.includes('/') ? 0 : 0.5);
      if (size < keySize) {
        keySize = size;
        key = r.all[n]!;
      }
    });
    const list = rulesByKeyGroup.get(key) ?? [];
    list.push(r);
    rulesByKeyGroup.set(key, list);
  }
  const countsFor: number[][] = matcher.groupNames.map((_, g) => [g]);
  for (const [name, included] of Object.entries(book.includes)) {
    if (canonical.get(name) !== name) continue; // an alias: its twin already counts
    for (const g of included) countsFor[id(g)]!.push(id(name));
  }
  const countsFrom = new Int32Array(countsFor.length + 1);
  for (let g = 0; g < countsFor.length; g++) countsFrom[g + 1] = countsFrom[g]! + countsFor[g]!.length;
  const countsList = Int32Array.from(countsFor.flat());
  const rulesByKey: (RunnableRule[] | undefined)[] = matcher.groupNames.map((_, g) => rulesByKeyGroup.get(g));
  const [prohibiting, discouraging, permitting, lifting] = CUE_GROUPS.map(
    (name) => matcher.groupId(name) ?? -1,
  );
  /** A vocabulary group's number by name (aliases resolved), or -1 when the rule book has none. */
  const groupOf = (name: string): number => matcher.groupId(canonical.get(name) ?? name) ?? -1;
  const engine: RuleEngine = {
    book,
    matcher,
    rules,
    rulesByKeyGroup,
    rulesByKey,
    cues: {
      prohibiting: prohibiting!,
      discouraging: discouraging!,
      permitting: permitting!,
      lifting: lifting!,
      // Optional in a rule book: without them no such phrase is known (-1 matches no hit).
      possibility: matcher.groupId(canonical.get(POSSIBILITY_CUES) ?? POSSIBILITY_CUES) ?? -1,
      subordinate: matcher.groupId(canonical.get(SUBORDINATE_CUES) ?? SUBORDINATE_CUES) ?? -1,
      describing: matcher.groupId(canonical.get(DESCRIBING_NEGATIONS) ?? DESCRIBING_NEGATIONS) ?? -1,
    },
    countsFor,
    countsFrom,
    countsList,
    mentionsImmigration: id(MENTIONS_IMMIGRATION),
    groupOf,
    exceptionWords: groupOf('exception-words'),
    narrowExceptions: groupOf('narrow-exceptions'),
    broadConditions: groupOf('broad-conditions'),
    weakeners: WEAKENING_GROUPS.map(groupOf).filter((g) => g >= 0),
  };
  cache.set(book, engine);
  return engine;
}

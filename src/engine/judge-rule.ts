import type { GroupHit } from './phrase-matcher';
import type { RunnableRule } from './rule-engine';
import { type ClauseKind, sentenceKind } from './sentence-kinds';

/**
 * One rule against one sentence or list item (a "unit": the segment plus the words it carries from a
 * lead-in or from the sentence a carve-out reaches back to). Says whether the rule fires and, if not,
 * why, so `npm run rules -- --why` can tell a rule's author what stopped it.
 */

export interface Unit {
  segment: number;
  /** The segments whose words count, in text order (lead-in or previous sentence first). */
  parts: number[];
  hits: GroupHit[];
  /** Kind at a token of the unit. */
  kindAt: (t: number) => ClauseKind;
  /** A match must reach this token: a list item is flagged for what it says, not for its lead-in
   * alone (the lead-in gets its own flag). -1 for no limit. */
  mustReach: number;
}

export type Judgement =
  | { fires: true; first: number; last: number }
  | {
      fires: false;
      why: string;
      group?: number;
      /** Stopped only by a hedge or a broad exception next to the match ("shall not ROUTINELY ask",
       * "shall not ask UNLESS the person is arrested"): the clause is a ban the guide calls weak, read
       * as a red finding of its own (see findFlags). */
      weakened?: { first: number; last: number; hedge: GroupHit };
    };

/** What weakens a ban: hedges and broad exceptions near it, and exceptions with a broad condition. */
export interface Weakening {
  /** Vocabulary groups of hedges and broad exceptions. */
  weakeners: readonly number[];
  /** Words opening an exception (unless, except …), and the narrow exceptions; -1 for none. */
  exceptionWords: number;
  narrowExceptions: number;
  /** Conditions that make an exception broad (public safety, a felony, a supervisor's approval …). */
  broadConditions: number;
  /** Whether a hedge hit qualifies the basis of an action ("solely on the basis of"), not a purpose. */
  qualifiesBasis?: (hit: GroupHit) => boolean;
}

const NO_WEAKENING: Weakening = {
  weakeners: [],
  exceptionWords: -1,
  narrowExceptions: -1,
  broadConditions: -1,
};

/** How far after an exception word its condition may name a narrow exception. */
const EXCEPTION_REACH = 20;

export function judgeRule(
  rule: RunnableRule,
  byGroup: ReadonlyMap<number, GroupHit[]>,
  unit: Unit,
  weakening: Weakening = NO_WEAKENING,
): Judgement {
  const { weakeners } = weakening;
  /** Where the first hit of a group lies in an exception's condition (the words after its exception
   * word), or Infinity. */
  const firstInCondition = (at: GroupHit, group: number): number =>
    (byGroup.get(group) ?? []).find((n) => n.first >= at.first && n.first <= at.last + EXCEPTION_REACH)
      ?.first ?? Number.POSITIVE_INFINITY;
  /** The condition names one of the guide's narrow exceptions before any broad one: "except as required
   * by law" does; "except as necessary for public safety, or as required by law" does not. */
  const narrowException = (at: GroupHit): boolean => {
    const narrow = firstInCondition(at, weakening.narrowExceptions);
    return narrow !== Number.POSITIVE_INFINITY && narrow <= firstInCondition(at, weakening.broadConditions);
  };
  /** The condition names a broad exception before any narrow one. */
  const broadException = (at: GroupHit): boolean => {
    const broad = firstInCondition(at, weakening.broadConditions);
    return broad !== Number.POSITIVE_INFINITY && broad < firstInCondition(at, weakening.narrowExceptions);
  };
  const lists: GroupHit[][] = [];
  for (const group of rule.all) {
    const list = byGroup.get(group);
    if (!list) return { fires: false, why: 'no word of this group', group };
    lists.push(list);
  }
  const excluding = rule.none.find((group) => byGroup.has(group));
  if (excluding !== undefined)
    return { fires: false, why: 'a word of its `none` group is here', group: excluding };
  const window = tightestWindow(lists, unit.mustReach);
  if (!window) return { fires: false, why: 'its words are all in the lead-in, not in this item' };
  const kind = sentenceKind(unit.kindAt(window.first));
  if (rule.kinds && !rule.kinds.has(kind)) {
    return {
      fires: false,
      why: `the match is in a ${kind} clause; the rule needs ${[...rule.kinds].join(' or ')}`,
    };
  }
  const near = rule.rule.near;
  const isNear = (hit: GroupHit) => hit.last >= window.first - near && hit.first <= window.last + near;
  // "based solely on status" qualifies the basis of an action: the guide's own green wording, no hedge.
  const isWeakenerHit = (hit: GroupHit) =>
    !weakening.qualifiesBasis?.(hit) &&
    weakeners.some((w) => byGroup.get(w)?.some((x) => x.first === hit.first && x.last === hit.last));
  for (const group of rule.unlessNear) {
    for (const hit of byGroup.get(group) ?? []) {
      if (!isNear(hit)) continue;
      const weakens = isWeakenerHit(hit);
      // "unless … necessary to the ongoing investigation of an indictable offense": a broad-looking
      // exception whose condition is one of the guide's narrow ones does not stop a ban.
      if (weakens && narrowException(hit)) continue;
      const why = `a word of its \`unless_near\` group is within ${near} words`;
      // Weakened only when the word that stops the rule IS a hedge or broad exception: other
      // unless_near words ("alone", "for other jurisdictions") stop a rule for other reasons.
      return weakens
        ? { fires: false, why, group, weakened: { ...window, hedge: hit } }
        : { fires: false, why, group };
    }
  }
  const kindAtMatch = unit.kindAt(window.first);
  if (rule.rule.flag === 'green' && (kindAtMatch === 'prohibiting' || kindAtMatch === 'discouraging')) {
    // A hedge anywhere in the same forbidding clause qualifies the ban ("must feel secure that
    // contacting the police will NOT AUTOMATICALLY lead to an immigration inquiry"), however far
    // from the words the rule matched.
    for (const group of rule.unlessNear) {
      for (const hit of byGroup.get(group) ?? []) {
        if (unit.kindAt(hit.first) !== kindAtMatch || !isWeakenerHit(hit) || narrowException(hit)) continue;
        const why = 'a hedge or broad exception qualifies the ban in the same clause';
        return { fires: false, why, group, weakened: { ...window, hedge: hit } };
      }
    }
    // An exception in the ban's clause whose condition is broad leaves room to act: "does not inquire
    // …, unless the police need that information to facilitate an investigation" is a weakened ban.
    for (const hit of byGroup.get(weakening.exceptionWords) ?? []) {
      if (unit.kindAt(hit.first) !== kindAtMatch || !broadException(hit)) continue;
      const why = 'a broad exception qualifies the ban';
      return { fires: false, why, weakened: { ...window, hedge: hit } };
    }
  }
  return { fires: true, ...window };
}

/**
 * The shortest stretch of words holding one hit of every list (each list = one group's hits, in text
 * order) and reaching at least token `mustReach`. Sliding window over all hits sorted by first word;
 * ties keep the earliest.
 */
export function tightestWindow(
  lists: readonly (readonly GroupHit[])[],
  mustReach = -1,
): { first: number; last: number } | null {
  const all: { hit: GroupHit; list: number }[] = [];
  lists.forEach((list, n) => {
    for (const hit of list) all.push({ hit, list: n });
  });
  all.sort((a, b) => a.hit.first - b.hit.first || a.hit.last - b.hit.last);
  const count = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let best = { first: 0, last: Number.POSITIVE_INFINITY };
  let left = 0;
  for (let right = 0; right < all.length; right++) {
    const r = all[right]!;
    if (count[r.list] === 0) covered++;
    count[r.list] = count[r.list]! + 1;
    while (covered === lists.length) {
      const l = all[left]!;
      let last = 0;
      for (let k = left; k <= right; k++) last = Math.max(last, all[k]!.hit.last);
      if (last >= mustReach && last - l.hit.first < best.last - best.first)
        best = { first: l.hit.first, last };
      count[l.list] = count[l.list]! - 1;
      if (count[l.list] === 0) covered--;
      left++;
    }
  }
  return best.last === Number.POSITIVE_INFINITY ? null : best;
}

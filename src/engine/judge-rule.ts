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

/** What weakens a ban: hedges and broad exceptions near it, any exception that is not narrow. */
export interface Weakening {
  /** Vocabulary groups of hedges and broad exceptions. */
  weakeners: readonly number[];
  /** Words opening an exception (unless, except …), and the narrow exceptions; -1 for none. */
  exceptionWords: number;
  narrowExceptions: number;
}

const NO_WEAKENING: Weakening = { weakeners: [], exceptionWords: -1, narrowExceptions: -1 };

/** How far after an exception word its condition may name a narrow exception. */
const EXCEPTION_REACH = 20;

export function judgeRule(
  rule: RunnableRule,
  byGroup: ReadonlyMap<number, GroupHit[]>,
  unit: Unit,
  weakening: Weakening = NO_WEAKENING,
): Judgement {
  const { weakeners } = weakening;
  /** The condition after an exception word names one of the guide's narrow exceptions. */
  const narrowAfter = (at: GroupHit): boolean =>
    (byGroup.get(weakening.narrowExceptions) ?? []).some(
      (n) => n.first >= at.first && n.first <= at.last + EXCEPTION_REACH,
    );
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
  const isWeakenerHit = (hit: GroupHit) =>
    weakeners.some((w) => byGroup.get(w)?.some((x) => x.first === hit.first && x.last === hit.last));
  for (const group of rule.unlessNear) {
    for (const hit of byGroup.get(group) ?? []) {
      if (!isNear(hit)) continue;
      // "unless … necessary to the ongoing investigation of an indictable offense": a broad-looking
      // exception whose condition is one of the guide's narrow ones does not stop a ban.
      if (isWeakenerHit(hit) && narrowAfter(hit)) continue;
      const why = `a word of its \`unless_near\` group is within ${near} words`;
      // Weakened only when the word that stops the rule IS a hedge or broad exception: other
      // unless_near words ("alone", "for other jurisdictions") stop a rule for other reasons.
      const hedge = weakeners.some((w) =>
        byGroup.get(w)?.some((x) => x.first === hit.first && x.last === hit.last),
      )
        ? hit
        : undefined;
      return hedge
        ? { fires: false, why, group, weakened: { ...window, hedge } }
        : { fires: false, why, group };
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

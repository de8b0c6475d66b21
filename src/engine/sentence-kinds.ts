import type { SentenceKind } from '../rules/rule-book';
import type { GroupHit } from './phrase-matcher';

/**
 * Each clause of a sentence gets a kind from the cue words in it (vocabulary.yaml's *-cues groups):
 * a lifted ban ("No member will prohibit or restrict…", "Nothing in this policy shall prevent…") is
 * permitting although it reads like a prohibition: the ban words inside it do not count. Then a ban
 * (prohibiting), the lift, discouraging, permitting. A clause without cues carries on the kind before it (", nor shall" and "; or share" keep
 * the sentence's force).
 */

/** A clause's kind before "lifted" is folded into permitting: list items and carve-outs need the difference. */
export type ClauseKind = 'lifting' | SentenceKind;

export interface CueGroups {
  prohibiting: number;
  discouraging: number;
  permitting: number;
  lifting: number;
  /** Phrases whose ban words state a possibility, not a ban (-1 when the rule book has none). */
  possibility: number;
  /** Words opening a subordinate clause: who, if, when, unless… (-1 when the rule book has none). */
  subordinate: number;
  /** Negations that describe rather than direct: "does not", "cannot"… (-1 when none). */
  describing: number;
}

/** A ban this close after a subordinating word belongs to that word's clause ("who does not have"). */
const SUBORDINATE_REACH = 4;

const NO_CUE = 0;
// A ban outranks a lift only when its words are not the lift's own (see clauseKinds).
const RANK: Record<ClauseKind, number> = {
  neutral: 0,
  permitting: 1,
  discouraging: 2,
  lifting: 3,
  prohibiting: 4,
};
const BY_RANK: ClauseKind[] = ['neutral', 'permitting', 'discouraging', 'lifting', 'prohibiting'];

export function sentenceKind(kind: ClauseKind): SentenceKind {
  return kind === 'lifting' ? 'permitting' : kind;
}

/** Index of the clause holding token t, given each clause's first token (ascending). */
export function clauseAt(clauseStarts: readonly number[], t: number): number {
  // Binary search: hostile text can make one "sentence" of a hundred thousand clauses.
  let lo = 0;
  let hi = clauseStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (clauseStarts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Kinds of the clauses of one segment. `clauseStarts` are the clauses' first tokens; a cue counts for a
 * clause only when it lies wholly inside it (so "no … shall" never pairs words of two clauses).
 * `carried` is the kind a cue-less first clause takes (a list item's lead-in), or neutral.
 */
export function clauseKinds(
  clauseStarts: readonly number[],
  endToken: number,
  hits: readonly GroupHit[],
  cues: CueGroups,
  carried: ClauseKind = 'neutral',
): ClauseKind[] {
  const inClause = (hit: GroupHit): number => {
    const clause = clauseAt(clauseStarts, hit.first);
    const clauseEnd = clauseStarts[clause + 1] ?? endToken;
    return hit.last < clauseEnd ? clause : -1;
  };
  const lifted: GroupHit[] = hits.filter((h) => h.group === cues.lifting && inClause(h) >= 0);
  // "Persons who may not be lawfully present", "when a suspect cannot be identified": the ban words
  // describe what may be so about someone, so they neither forbid nor lift anything.
  const possible: GroupHit[] = hits.filter((h) => h.group === cues.possibility);
  // "Officers MAY notify ICE of any arrestee WHO DOES NOT have lawful status": the clause's force is
  // its first modal; a ban just after a later "who", "if", "when"… describes a person or a condition.
  // A ban that comes first keeps its force ("When ICE asks, officers shall not help").
  const firstPermit = new Array<number>(clauseStarts.length).fill(Number.POSITIVE_INFINITY);
  for (const h of hits) {
    if (h.group !== cues.permitting) continue;
    const clause = inClause(h);
    if (clause >= 0 && h.first < firstPermit[clause]!) firstPermit[clause] = h.first;
  }
  // Only describing negations: "…, who SHALL decline it" gives the supervisor an order, a ban.
  const openers: GroupHit[] = hits.filter((h) => h.group === cues.subordinate);
  const describing: GroupHit[] = hits.filter((h) => h.group === cues.describing);
  const inSubordinateClause = (hit: GroupHit, clause: number): boolean =>
    describing.some((d) => d.first <= hit.last && hit.first <= d.last) &&
    openers.some(
      (o) =>
        o.first > firstPermit[clause]! &&
        o.last < hit.first &&
        hit.first - o.last <= SUBORDINATE_REACH &&
        inClause(o) === clause,
    );
  const rank = new Array<number>(clauseStarts.length).fill(NO_CUE);
  for (const hit of hits) {
    let kind: ClauseKind;
    if (hit.group === cues.lifting) kind = 'lifting';
    else if (hit.group === cues.prohibiting) kind = 'prohibiting';
    else if (hit.group === cues.discouraging) kind = 'discouraging';
    else if (hit.group === cues.permitting) kind = 'permitting';
    else continue;
    const clause = inClause(hit);
    if (clause < 0) continue;
    // The words of a lifted ban ("No member WILL PROHIBIT…", "does NOT preclude") are part of the
    // lift, not a ban of their own. A ban elsewhere in the clause is one: "Notwithstanding the above,
    // officers shall not share…" forbids.
    if (kind === 'prohibiting' || kind === 'discouraging') {
      if (lifted.some((l) => l.first <= hit.last && hit.first <= l.last)) continue;
      if (possible.some((p) => p.first <= hit.last && hit.first <= p.last)) continue;
      if (inSubordinateClause(hit, clause)) continue;
    }
    rank[clause] = Math.max(rank[clause]!, RANK[kind]);
  }
  const kinds: ClauseKind[] = [];
  let previous = carried;
  for (const r of rank) {
    const kind = r === NO_CUE ? previous : BY_RANK[r]!;
    kinds.push(kind);
    previous = kind;
  }
  return kinds;
}

/**
 * A list item reads with its lead-in: "Officers shall not: (a) ask …" is prohibiting throughout.
 * Only a stronger cue of the item's own (a ban, a discouragement, a lifted ban) overrides the lead-in;
 * a bare "may" or "shall" inside an item ("whether a person may be undocumented") does not.
 */
export function itemKinds(own: readonly ClauseKind[], leadIn: ClauseKind): ClauseKind[] {
  if (leadIn === 'neutral') return [...own];
  return own.map((kind) => (kind === 'neutral' || kind === 'permitting' ? leadIn : kind));
}

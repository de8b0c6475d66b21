import type { CompiledRule } from '../rules/rule-book';
import type { HitList } from './hit-list';
import type { GroupHit } from './phrase-matcher';
import type { RuleEngine, RunnableRule } from './rule-engine';
import type { Segment } from './segment';
import { type ClauseKind, clauseAt, clauseKinds, itemKinds, sentenceKind } from './sentence-kinds';
import type { Tokens } from './tokenize';

/**
 * Which rules fire on which sentence or list item. The text has been read once (MatchedText: the
 * group hits of every segment); here each segment is evaluated from its hits alone:
 * - a list item also counts its lead-in's words, and takes its lead-in's kind;
 * - a sentence that opens with a carve-out ("This prohibition does not preclude…", "Nothing in this
 *   policy shall prevent…") also counts the previous sentence's words (or the whole list before it),
 *   and is permitting;
 * - a rule fires when all its groups occur; the tightest window holding one hit of each decides the
 *   kind (the kind of the clause where the window starts) and is what `unless_near` is measured from.
 */

export interface MatchedText {
  segments: readonly Segment[];
  tokens: Tokens;
  /** Per segment: its first token and one past its last. */
  tokenFrom: Int32Array;
  tokenTo: Int32Array;
  /** Every group hit of the text, segment by segment (token indices). */
  hits: HitList;
  /** Per segment: its hits are hits[hitFrom[i] .. hitTo[i]). */
  hitFrom: Int32Array;
  hitTo: Int32Array;
}

export interface FoundFlag {
  rule: CompiledRule;
  segment: number;
}

/** A carve-out cue must start within this many words of the sentence's start to reach back. */
const CARVE_OUT_OPENING = 8;
/** Bounds the window search on pathological text (one "sentence" of a megabyte). */
const MAX_HITS_PER_GROUP = 400;
/** A carve-out after a list reads back over at most this many items. */
const MAX_CARRIED_ITEMS = 40;
/** Hits read per segment: real sentences have a few dozen; this bounds a hostile one-sentence megabyte
 * (and stops a huge lead-in being re-read for each of thousands of items). */
const MAX_HITS_PER_SEGMENT = 4000;

interface Unit {
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

export function findFlags(engine: RuleEngine, matched: MatchedText): FoundFlag[] {
  const { segments, tokens, tokenFrom, tokenTo, hits, hitFrom, hitTo } = matched;
  const kindsCache = new Map<number, { starts: number[]; kinds: ClauseKind[] }>();
  const hitsCache = new Map<number, GroupHit[]>();
  const isKey = new Uint8Array(engine.matcher.groupNames.length);
  for (const group of engine.rulesByKeyGroup.keys()) isKey[group] = 1;

  const hitEnd = (i: number): number => Math.min(hitTo[i]!, hitFrom[i]! + MAX_HITS_PER_SEGMENT);

  /** Hits of one segment as objects: made only for the few segments a rule may fire on. */
  const hitsOf = (i: number): GroupHit[] => {
    let list = hitsCache.get(i);
    if (!list) {
      list = [];
      for (let h = hitFrom[i]!; h < hitEnd(i); h++) {
        for (const group of engine.countsFor[hits.group[h]!]!) {
          list.push({ group, first: hits.first[h]!, last: hits.last[h]! });
        }
      }
      hitsCache.set(i, list);
    }
    return list;
  };

  const clauseStarts = (i: number): number[] => {
    const seg = segments[i]!;
    const starts: number[] = [];
    let t = tokenFrom[i]!;
    for (const offset of seg.clauses.length > 0 ? seg.clauses : [seg.start]) {
      while (t < tokenTo[i]! && tokens.start[t]! < offset) t++;
      if (starts.length === 0 || t > starts[starts.length - 1]!) starts.push(t);
    }
    if (starts.length === 0) starts.push(tokenFrom[i]!);
    starts[0] = tokenFrom[i]!;
    return starts;
  };

  /** Clause kinds of a segment as written (items before their lead-in is applied). */
  const ownKinds = (i: number): { starts: number[]; kinds: ClauseKind[] } => {
    let known = kindsCache.get(i);
    if (!known) {
      const starts = clauseStarts(i);
      known = { starts, kinds: clauseKinds(starts, tokenTo[i]!, hitsOf(i), engine.cues) };
      kindsCache.set(i, known);
    }
    return known;
  };

  /** A sentence that opens by lifting a ban, and whose opening clause really is a lift (not
   * "Notwithstanding the above, officers shall not…", which bans). */
  const isCarveOut = (i: number): boolean => {
    for (let h = hitFrom[i]!; h < hitEnd(i); h++) {
      if (hits.group[h] !== engine.cues.lifting || hits.first[h]! - tokenFrom[i]! >= CARVE_OUT_OPENING)
        continue;
      const own = ownKinds(i);
      return own.kinds[clauseAt(own.starts, hits.first[h]!)] === 'lifting';
    }
    return false;
  };

  /** The segments whose words count for segment i: a list item's lead-in, or the sentence a carve-out reaches back to. */
  const partsOf = (i: number): number[] => {
    const seg = segments[i]!;
    const previous = i - 1;
    const carveOut =
      seg.kind !== 'heading' && previous >= 0 && segments[previous]!.kind !== 'heading' && isCarveOut(i);
    if (carveOut) {
      // After a list, "This prohibition does not preclude…" reaches back to the whole list: its lead-in
      // and its items (a bounded number). The segmenter may also read it as the list's last item.
      const leadIn = segments[previous]!.kind === 'item' ? segments[previous]!.leadIn : -1;
      if (leadIn < 0 || leadIn >= i || previous - leadIn > MAX_CARRIED_ITEMS) {
        return seg.kind === 'item' && seg.leadIn >= 0 && seg.leadIn < i ? [seg.leadIn, i] : [previous, i];
      }
      const parts: number[] = [];
      for (let p = leadIn; p < i; p++) if (p === leadIn || segments[p]!.leadIn === leadIn) parts.push(p);
      parts.push(i);
      return parts;
    }
    if (seg.kind === 'item' && seg.leadIn >= 0 && seg.leadIn < i) return [seg.leadIn, i];
    return [i];
  };

  const unitOf = (i: number, parts: number[]): Unit => {
    const seg = segments[i]!;
    const own = ownKinds(i);
    if (parts.length === 1) {
      return {
        segment: i,
        parts,
        hits: hitsOf(i),
        kindAt: (t) => own.kinds[clauseAt(own.starts, t)]!,
        mustReach: -1,
      };
    }
    const before = parts[0]!;
    const hitsOfUnit = parts.flatMap(hitsOf);
    const isPlainItem = seg.kind === 'item' && parts.length === 2 && before === seg.leadIn && !isCarveOut(i);
    // A carve-out reopens what came before it, so its match may lie wholly in the words it reaches back to.
    if (!isPlainItem) return { segment: i, parts, hits: hitsOfUnit, kindAt: () => 'lifting', mustReach: -1 };
    const lead = ownKinds(before);
    const leadKind = lead.kinds[lead.kinds.length - 1] ?? 'neutral';
    const kinds = itemKinds(own.kinds, leadKind);
    return {
      segment: i,
      parts,
      hits: hitsOfUnit,
      kindAt: (t) => (t < tokenFrom[i]! ? leadKind : kinds[clauseAt(own.starts, t)]!),
      mustReach: tokenFrom[i]!,
    };
  };

  // Cheap first test on the flat hit arrays: which groups a unit holds (stamp[group] === segment).
  // Only units where some rule has ALL its groups (and none of its `none` groups) are built and judged;
  // in a manual that is a few hundred sentences out of tens of thousands.
  const stamp = new Int32Array(engine.matcher.groupNames.length).fill(-1);
  const found: FoundFlag[] = [];
  for (let i = 0; i < segments.length; i++) {
    const kind = segments[i]!.kind;
    if (kind === 'heading' || (kind !== 'item' && hitTo[i] === hitFrom[i])) continue;
    const parts = partsOf(i);
    for (const p of parts) {
      for (let h = hitFrom[p]!; h < hitEnd(p); h++)
        for (const g of engine.countsFor[hits.group[h]!]!) stamp[g] = i;
    }
    let candidates: RunnableRule[] | undefined;
    for (const p of parts) {
      for (let h = hitFrom[p]!; h < hitEnd(p); h++) {
        for (const group of engine.countsFor[hits.group[h]!]!) {
          for (const rule of engine.rulesByKeyGroup.get(group) ?? []) {
            if (candidates?.includes(rule)) continue;
            if (!rule.all.every((g) => stamp[g] === i) || rule.none.some((g) => stamp[g] === i)) continue;
            candidates = candidates ?? [];
            candidates.push(rule);
          }
        }
      }
    }
    if (!candidates) continue;
    const unit = unitOf(i, parts);
    const byGroup = new Map<number, GroupHit[]>();
    for (const hit of unit.hits) {
      const list = byGroup.get(hit.group);
      if (!list) byGroup.set(hit.group, [hit]);
      else if (list.length < MAX_HITS_PER_GROUP) list.push(hit);
    }
    const fired = candidates.filter((rule) => ruleFires(rule, byGroup, unit));
    const overridden = new Set(fired.flatMap((r) => r.rule.overrides));
    for (const r of fired) if (!overridden.has(r.rule.id)) found.push({ rule: r.rule, segment: i });
    // Segments far behind are never read again: keep the caches small on long manuals.
    hitsCache.delete(i - 2);
    kindsCache.delete(i - 2);
  }
  return found;
}

function ruleFires(rule: RunnableRule, byGroup: Map<number, GroupHit[]>, unit: Unit): boolean {
  const lists: GroupHit[][] = [];
  for (const group of rule.all) {
    const list = byGroup.get(group);
    if (!list) return false;
    lists.push(list);
  }
  if (rule.none.some((group) => byGroup.has(group))) return false;
  const window = tightestWindow(lists, unit.mustReach);
  if (!window) return false;
  if (rule.kinds && !rule.kinds.has(sentenceKind(unit.kindAt(window.first)))) return false;
  const near = rule.rule.near;
  for (const group of rule.unlessNear) {
    for (const hit of byGroup.get(group) ?? []) {
      if (hit.last >= window.first - near && hit.first <= window.last + near) return false;
    }
  }
  return true;
}

/**
 * The shortest stretch of words holding one hit of every list (each list = one group's hits, in text
 * order). Sliding window over all hits sorted by first word; ties keep the earliest.
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

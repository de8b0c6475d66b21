import type { CompiledRule } from '../rules/rule-book';
import type { HitList } from './hit-list';
import { type Judgement, judgeRule, type Unit } from './judge-rule';
import type { GroupHit } from './phrase-matcher';
import type { RuleEngine, RunnableRule } from './rule-engine';
import type { Segment } from './segment';
import { type ClauseKind, clauseAt, clauseKinds, itemKinds } from './sentence-kinds';
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
  /** The normalised text the segments and tokens index. */
  text: string;
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
  /** Per segment: its form (SENTENCE, QUESTION, ITEM or HEADING), read here without touching the
   * segment objects and the text again (on a long manual those reads were cache misses). */
  form: Uint8Array;
}

/** A segment's form in MatchedText.form: QUESTION is a sentence that ends with "?". */
export const SENTENCE = 0;
export const QUESTION = 1;
export const ITEM = 2;
export const HEADING = 3;

export interface FoundFlag {
  rule: CompiledRule;
  segment: number;
  /** A green rule's ban qualified by a hedge or a broad exception: reported red, as a hedged ban. */
  hedgedBy?: string;
}

/** Told, for every rule tried on a segment, what happened ("fires", or why not). */
export type RuleTrace = (segment: number, rule: RunnableRule, judgement: Judgement) => void;

/** A carve-out cue must start within this many words of the sentence's start to reach back. */
const CARVE_OUT_OPENING = 8;
/** Bounds the window search on pathological text (one "sentence" of a megabyte). */
const MAX_HITS_PER_GROUP = 400;
/** A carve-out after a list reads back over at most this many items. */
const MAX_CARRIED_ITEMS = 40;
/** Hits read per segment: real sentences have a few dozen; this bounds a hostile one-sentence megabyte
 * (and stops a huge lead-in being re-read for each of thousands of items). */
const MAX_HITS_PER_SEGMENT = 4000;

/** Words after "solely" / "sole" that make it qualify the BASIS of an action ("solely on the basis of a
 * detainer", "based solely on status"): the guide's own green wording, not a hedge. "Solely to
 * determine status" qualifies a purpose, and that is a hedge. */
const BASIS_WORDS = new Set(['on', 'upon', 'based', 'because', 'due', 'by', 'basis', 'for']);

function qualifiesBasis(matched: MatchedText, hedgeLast: number): boolean {
  const { tokens, text } = matched;
  const word = (t: number) =>
    t < tokens.count ? text.slice(tokens.start[t], tokens.end[t]).toLowerCase() : '';
  const hedge = word(hedgeLast);
  if (hedge !== 'solely' && hedge !== 'sole') return false;
  const next = word(hedgeLast + 1);
  // "for the sole purpose of" is a purpose; "solely for violations" is a basis
  return (
    BASIS_WORDS.has(next) &&
    !(next === 'for' && word(hedgeLast + 2) === 'purpose') &&
    !(hedge === 'sole' && next === 'purpose')
  );
}

/** Whether a unit stamped `i` holds every group of the rule and none of the groups that stop it. */
function allStamped(rule: RunnableRule, stamp: Int32Array, i: number): boolean {
  for (let k = 0; k < rule.all.length; k++) if (stamp[rule.all[k]!] !== i) return false;
  for (let k = 0; k < rule.none.length; k++) if (stamp[rule.none[k]!] === i) return false;
  return true;
}

export function findFlags(engine: RuleEngine, matched: MatchedText, trace?: RuleTrace): FoundFlag[] {
  const { segments, tokens, tokenFrom, tokenTo, hits, hitFrom, hitTo, form } = matched;
  const kindsCache = new Map<number, { starts: number[]; kinds: ClauseKind[] }>();
  const hitsCache = new Map<number, GroupHit[]>();

  const hitEnd = (i: number): number => Math.min(hitTo[i]!, hitFrom[i]! + MAX_HITS_PER_SEGMENT);

  /** Hits of one segment as objects: made only for the few segments a rule may fire on. */
  const hitsOf = (i: number): GroupHit[] => {
    let list = hitsCache.get(i);
    if (!list) {
      list = [];
      const to = hitEnd(i);
      for (let h = hitFrom[i]!; h < to; h++) {
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
    const to = hitEnd(i);
    const lifting = engine.cues.lifting;
    for (let h = hitFrom[i]!; h < to; h++) {
      if (hits.group[h] !== lifting || hits.first[h]! - tokenFrom[i]! >= CARVE_OUT_OPENING) continue;
      const own = ownKinds(i);
      return own.kinds[clauseAt(own.starts, hits.first[h]!)] === 'lifting';
    }
    return false;
  };

  const alone = [0];
  /** The segments whose words count for segment i: a list item's lead-in, or the sentence a carve-out reaches back to. */
  const partsOf = (i: number): number[] => {
    // Kinds from `form`, not the segment objects: this runs for every segment with hits.
    const previous = i - 1;
    const carveOut = form[i] !== HEADING && previous >= 0 && form[previous] !== HEADING && isCarveOut(i);
    if (carveOut) {
      const seg = segments[i]!;
      // After a list, "This prohibition does not preclude…" reaches back to the whole list: its lead-in
      // and its items (a bounded number). The segmenter may also read it as the list's last item.
      const leadIn = form[previous] === ITEM ? segments[previous]!.leadIn : -1;
      if (leadIn < 0 || leadIn >= i || previous - leadIn > MAX_CARRIED_ITEMS) {
        return seg.kind === 'item' && seg.leadIn >= 0 && seg.leadIn < i ? [seg.leadIn, i] : [previous, i];
      }
      const parts: number[] = [];
      for (let p = leadIn; p < i; p++) if (p === leadIn || segments[p]!.leadIn === leadIn) parts.push(p);
      parts.push(i);
      return parts;
    }
    if (form[i] === ITEM) {
      const { leadIn } = segments[i]!;
      if (leadIn >= 0 && leadIn < i) return [leadIn, i];
    }
    const question = questionAnswered(i);
    if (question >= 0) return [question, i];
    // Most segments stand alone: one reused array instead of a new one for each of a manual's
    // sentences (the caller copies it if it keeps it).
    alone[0] = i;
    return alone;
  };

  const endsWithQuestionMark = (p: number): boolean => form[p] === QUESTION;

  /** In a FAQ ("Does the Department have a 287(g) agreement? No, and it will not sign one."), an
   * answer that opens with No reads with its question (a bare "No." may stand between them).
   * Other sentences after a question ("We will tell the person about the detainer.") stand alone:
   * read with the question's words they would say things they do not. -1 if not such an answer. */
  const questionAnswered = (i: number): number => {
    if (form[i] !== SENTENCE && form[i] !== QUESTION) return -1;
    let p = i - 1;
    let opener = tokenFrom[i]!;
    if (p >= 0 && !endsWithQuestionMark(p) && tokenTo[p]! - tokenFrom[p]! <= 2) {
      opener = tokenFrom[p]!;
      p--;
    }
    if (p < 0 || !endsWithQuestionMark(p) || opener >= tokens.count) return -1;
    const first = matched.text.slice(tokens.start[opener], tokens.end[opener]).toLowerCase();
    // Only "No": it turns the question into a ban. A "Yes" answer often affirms a different clause of
    // the question than the one a rule would pick ("…someone we arrested, will that person know? Yes").
    if (first !== 'no') return -1;
    // Only an answer with force of its own ("will not", "may") says something about the question.
    return ownKinds(i).kinds[0] === 'neutral' ? -1 : p;
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
    if (seg.kind === 'sentence' && !isCarveOut(i) && endsWithQuestionMark(before)) {
      // The question says what the answer is about ("…a 287(g) agreement?"), the answer gives the force
      // ("No, and it will not sign one."): words of both count, with the answer's kind.
      const answerKind = own.kinds[0] ?? 'neutral';
      return {
        segment: i,
        parts,
        hits: hitsOfUnit,
        kindAt: (t) => (t < tokenFrom[i]! ? answerKind : own.kinds[clauseAt(own.starts, t)]!),
        mustReach: -1,
      };
    }
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
  const tried = new Int32Array(engine.matcher.groupNames.length).fill(-1);
  const { countsFrom, countsList, rulesByKey } = engine;
  const hitGroup = hits.group;
  const found: FoundFlag[] = [];
  const weakening = { ...engine, qualifiesBasis: (hit: GroupHit) => qualifiesBasis(matched, hit.last) };
  for (let i = 0; i < segments.length; i++) {
    const f = form[i]!;
    if (f === HEADING || (f !== ITEM && hitTo[i] === hitFrom[i])) continue;
    // A question asks; it states no policy ("Will the police hold someone so that ICE can pick them up?").
    if (f === QUESTION) continue;
    const parts = partsOf(i);
    for (let n = 0; n < parts.length; n++) {
      const p = parts[n]!;
      const to = hitEnd(p);
      for (let h = hitFrom[p]!; h < to; h++) {
        const g = hitGroup[h]!;
        const last = countsFrom[g + 1]!;
        for (let c = countsFrom[g]!; c < last; c++) stamp[countsList[c]!] = i;
      }
    }
    let candidates: RunnableRule[] | undefined;
    for (let n = 0; n < parts.length; n++) {
      const p = parts[n]!;
      const to = hitEnd(p);
      for (let h = hitFrom[p]!; h < to; h++) {
        const g = hitGroup[h]!;
        const last = countsFrom[g + 1]!;
        for (let c = countsFrom[g]!; c < last; c++) {
          const counted = countsList[c]!;
          // Each group's rules are tried once per unit, however many hits it has there.
          if (tried[counted] === i) continue;
          tried[counted] = i;
          const keyed = rulesByKey[counted];
          if (keyed === undefined) continue;
          for (let r = 0; r < keyed.length; r++) {
            const rule = keyed[r]!;
            if (candidates?.includes(rule) || !allStamped(rule, stamp, i)) continue;
            candidates = candidates ?? [];
            candidates.push(rule);
          }
        }
      }
    }
    // Tracing (for rule authors) judges every rule, to say why each did not fire.
    if (trace) candidates = engine.rules;
    if (!candidates) continue;
    const unit = unitOf(i, [...parts]);
    const byGroup = new Map<number, GroupHit[]>();
    for (const hit of unit.hits) {
      const list = byGroup.get(hit.group);
      if (!list) byGroup.set(hit.group, [hit]);
      else if (list.length < MAX_HITS_PER_GROUP) list.push(hit);
    }
    const judged = candidates.map((rule) => ({
      rule,
      judgement: judgeRule(rule, byGroup, unit, weakening),
    }));
    const fired = judged.filter((j) => j.judgement.fires).map((j) => j.rule);
    const overridden = new Set(fired.flatMap((r) => r.rule.overrides));
    for (const { rule, judgement } of judged) {
      const overriddenBy = judgement.fires && overridden.has(rule.rule.id);
      if (judgement.fires && !overriddenBy) found.push({ rule: rule.rule, segment: i });
      else if (!judgement.fires && judgement.weakened && rule.rule.flag === 'green') {
        const { hedge } = judgement.weakened;
        const hedgedBy = matched.text.slice(tokens.start[hedge.first], tokens.end[hedge.last]);
        found.push({ rule: rule.rule, segment: i, hedgedBy });
      }
      trace?.(
        i,
        rule,
        overriddenBy ? { fires: false, why: 'a more specific rule (overrides) fired' } : judgement,
      );
    }
    // Segments far behind are never read again: keep the caches small on long manuals.
    hitsCache.delete(i - 2);
    kindsCache.delete(i - 2);
  }
  return found;
}

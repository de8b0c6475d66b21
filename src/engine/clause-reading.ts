import type { MatchedText } from './find-flags';
import { ITEM } from './find-flags';
import type { QuestionId } from './report';
import type { RuleEngine } from './rule-engine';

/**
 * The clause reader: after a rule has fired on a sentence or list item, read the clause as a whole and
 * decide whether the finding stands.
 * - Is the clause operative, i.e. does it require, allow or forbid something of the police or the town?
 *   Recitals ("Whereas ..."), definitions, descriptions of what a court, a law or a federal agency does,
 *   commentary ("would be an unlawful arrest") and record-keeping rules are not.
 * - Who acts: the department (or the document itself), a federal agency, or an outside authority.
 * - Which action the clause regulates, and so which questions it can answer: a finding of question N
 *   stands only where the clause names an action of question N (when it names any known action).
 * The words behind each decision are vocabulary groups in rules/vocabulary.yaml (part 9), so an
 * advocate can teach the reader new wording. Pure and cheap: it runs only on segments a rule fired on.
 */

export type Actor = 'department' | 'federal agency' | 'outside authority';

export interface ClauseReading {
  operative: boolean;
  /** Why the clause is not operative ("a recital"), or null. */
  notOperative: string | null;
  actor: Actor;
  /** Questions whose actions the clause names (empty: no known action word). */
  actions: QuestionId[];
}

export interface ReadingGroups {
  recital: number;
  definitionOpeners: number;
  outside: number;
  thisDocument: number;
  federal: number;
  reporting: number;
  commentary: number;
  recordKeeping: number;
  agreementDocument: number;
  federalPapers: number;
  /** actions-q1 … actions-q7, index 0 = question 1; -1 when the rule book has no such group. */
  actions: number[];
}

const group = (engine: RuleEngine, name: string): number => engine.groupOf(name);

export function readingGroups(engine: RuleEngine): ReadingGroups {
  return {
    recital: group(engine, 'recital-openers'),
    definitionOpeners: group(engine, 'definition-openers'),
    outside: group(engine, 'outside-authorities'),
    thisDocument: group(engine, 'this-document'),
    federal: group(engine, 'ice'),
    reporting: group(engine, 'reporting-words'),
    commentary: group(engine, 'commentary-words'),
    recordKeeping: group(engine, 'record-keeping'),
    agreementDocument: group(engine, 'agreement-documents'),
    federalPapers: group(engine, 'federal-papers'),
    actions: [1, 2, 3, 4, 5, 6, 7].map((q) => group(engine, `actions-q${q}`)),
  };
}

/** The subject is looked for in at most this many words before the clause's first force word. */
const SUBJECT_WORDS = 12;

/** A group's hits in one segment, as [first, last] token pairs (included groups expanded). */
type SegmentHits = Map<number, { first: number; last: number }[]>;

export class ClauseReader {
  private readonly groups: ReadingGroups;
  private readonly hitCache = new Map<number, SegmentHits>();
  private readonly readings = new Map<number, ClauseReading>();
  private definitions: Uint8Array | null = null;
  private agreement: boolean | null = null;

  constructor(
    private readonly engine: RuleEngine,
    private readonly matched: MatchedText,
  ) {
    this.groups = readingGroups(engine);
  }

  /** The reading of segment i (a list item is read with its lead-in). */
  read(i: number): ClauseReading {
    let reading = this.readings.get(i);
    if (!reading) {
      reading = this.readSegment(i);
      this.readings.set(i, reading);
    }
    return reading;
  }

  /** Whether a finding of `question` stands on segment i, and if not, why. `forbidding` says the finding
   * rests on the clause being a ban (a green finding, or a hedged ban). */
  judge(
    i: number,
    question: QuestionId,
    forbidding = false,
  ): { stands: true } | { stands: false; why: string } {
    const reading = this.read(i);
    if (forbidding && this.banOnlyInCondition(i))
      return { stands: false, why: 'its only ban is inside the condition ("If … cannot …"), not the rule' };
    if (!reading.operative) {
      // What a federal agency does with the department's records, jail and prisoners (reviews,
      // interviews, screening) is the subject of questions 2 and 6 even when worded as a description
      // of the agency; and in an agreement the agency is a party whose clauses bind.
      const federal = reading.notOperative === FEDERAL_DESCRIPTION;
      if (!federal || !(question === 2 || question === 6 || this.isAgreement()))
        return { stands: false, why: reading.notOperative ?? 'not operative' };
    }
    if (reading.actions.length > 0 && !reading.actions.includes(question))
      return { stands: false, why: `it regulates an action of question ${reading.actions.join(', ')}` };
    if (this.has(i, this.groups.recordKeeping) && question !== 4)
      return { stands: false, why: 'a record-keeping rule that only mentions the practice' };
    return { stands: true };
  }

  /**
   * "If verification cannot be made from documents, verification shall be made through a query to
   * DHS": the ban words belong to the opening condition; the rule after the comma forbids nothing.
   */
  private banOnlyInCondition(i: number): boolean {
    const { tokenFrom } = this.matched;
    const { from } = this.subjectSpan(i);
    if (from === tokenFrom[i]) return false;
    const bans = this.hitsOf(i).get(this.engine.cues.prohibiting) ?? [];
    return bans.length > 0 && bans.every((h) => h.first < from);
  }

  /** Whether the document is an agreement with a federal agency (a 287(g) MOA, an IGSA). */
  private isAgreement(): boolean {
    if (this.agreement === null) {
      const g = this.groups.agreementDocument;
      const { hits } = this.matched;
      let found = false;
      for (let h = 0; h < hits.length && !found && g >= 0; h++)
        found = this.engine.countsFor[hits.group[h]!]!.includes(g);
      this.agreement = found;
    }
    return this.agreement;
  }

  private readSegment(i: number): ClauseReading {
    const { segments, form } = this.matched;
    const leadIn = form[i] === ITEM ? segments[i]!.leadIn : -1;
    const parts = leadIn >= 0 && leadIn < i ? [leadIn, i] : [i];
    const actions: QuestionId[] = [];
    this.groups.actions.forEach((g, n) => {
      if (parts.some((p) => this.has(p, g))) actions.push((n + 1) as QuestionId);
    });
    const actor = this.actorOf(i, leadIn);
    const notOperative = this.notOperativeBecause(i, parts, actor);
    return { operative: notOperative === null, notOperative, actor, actions };
  }

  private notOperativeBecause(i: number, parts: number[], actor: Actor): string | null {
    if (parts.some((p) => this.opensWith(p, this.groups.recital))) return 'a recital (a "whereas" clause)';
    if (this.narrates(i)) return 'a first-person account (a letter, column or speech), not a rule';
    if (this.inDefinitions(i)) return 'part of the definitions';
    if (actor === 'outside authority') return 'it describes what a law, a court or another body does or says';
    if (actor === 'federal agency') return FEDERAL_DESCRIPTION;
    if (this.has(i, this.groups.commentary) && this.firstCue(i) < 0)
      return 'commentary on what an act would mean, not a rule';
    return null;
  }

  /** Who the clause's subject is: the words before its first force word (shall, may, does not …). */
  private actorOf(i: number, leadIn: number): Actor {
    // A list item without force words of its own ("providing access to inmate records") is a
    // predicate of its lead-in, whose subject acts.
    const ownClause = leadIn < 0 || this.firstCue(i) >= 0;
    const own = ownClause ? this.subjectActor(i) : null;
    if (own !== null) return own;
    return leadIn >= 0 ? (this.subjectActor(leadIn) ?? 'department') : 'department';
  }

  /** The actor named in segment p's subject, or null when its subject names none of them. */
  private subjectActor(p: number): Actor | null {
    const { from, to } = this.subjectSpan(p);
    const inSpan = (h: { first: number }) => h.first >= from && h.first < to;
    const inSubject = (g: number) => (this.hitsOf(p).get(g) ?? []).some(inSpan);
    if (inSubject(this.groups.thisDocument)) return 'department';
    // The authority heads the subject ("The Lunn ruling says", "State law forbids"); named later in it
    // ("Officers lack authority under state law") it is where the rule comes from, not who acts.
    if (this.outsideHits(p).some((h) => h.first >= from && h.first < Math.min(to, from + SUBJECT_HEAD)))
      return 'outside authority';
    // Reported speech about an outside authority's rule ("The basic rules…, the chief explained, have
    // been laid down by the court") describes it: a reporting word near the start, the authority anywhere.
    const start = this.matched.tokenFrom[p]!;
    const reportedEarly = (this.hitsOf(p).get(this.groups.reporting) ?? []).some(
      (h) => h.first < start + SUBJECT_WORDS,
    );
    if (reportedEarly && this.outsideHits(p).length > 0) return 'outside authority';
    // A federal agency as the active subject ("ICE may issue a detainer", "Immigration officials
    // interview inmates") describes the agency; as a passive one ("ICE shall be notified") it is the
    // object of the police's own rule, and under "must" or "shall" the policy lays a duty on it.
    const atHead = (h: { first: number }) => h.first >= from && h.first < Math.min(to, from + SUBJECT_HEAD);
    const headsSubject =
      (this.hitsOf(p).get(this.groups.federal) ?? []).some(atHead) ||
      (this.hitsOf(p).get(this.groups.federalPapers) ?? []).some(atHead);
    if (headsSubject && !this.passiveNear(p, to) && this.describesPower(p, from)) return 'federal agency';
    return null;
  }

  /**
   * Tokens of segment p's subject: from its start (after an opening "When …, " / "If …, " clause) to
   * its first force word or first action word, at most SUBJECT_WORDS words.
   */
  private subjectSpan(p: number): { from: number; to: number } {
    const { tokenFrom, tokenTo, tokens, text, segments } = this.matched;
    let from = tokenFrom[p]!;
    const first = text.slice(tokens.start[from], tokens.end[from]).toLowerCase();
    if (SUBORDINATE_OPENERS.has(first)) {
      // "If, in the course of booking, ICE files a detainer, the arrestee shall be told": the subject
      // follows the last comma before the main clause's force word.
      const cue = this.firstCue(p, from + 1);
      const limit = cue >= 0 ? tokens.start[cue]! : segments[p]!.end;
      const comma = text.lastIndexOf(',', limit);
      if (comma > tokens.start[from]!) {
        while (from < tokenTo[p]! && tokens.start[from]! < comma) from++;
      }
    }
    let to = Math.min(tokenTo[p]!, from + SUBJECT_WORDS);
    const cue = this.firstCue(p, from);
    if (cue >= 0) to = Math.min(to, cue);
    else {
      // No force word: the subject ends at the first action word ("The Department cooperates with ICE").
      for (const g of this.groups.actions) {
        for (const h of this.hitsOf(p).get(g) ?? []) if (h.first >= from && h.first < to) to = h.first;
      }
    }
    return { from, to };
  }

  /** "I received a letter", "my office filed an application": a policy never speaks in the first person
   * singular; letters, columns and speeches do, and they tell rather than rule. */
  private narrates(p: number): boolean {
    const { from } = this.subjectSpan(p);
    const { tokens, text } = this.matched;
    const word = text.slice(tokens.start[from], tokens.end[from]);
    return word === 'I' || word === 'My' || word === 'my';
  }

  /** Outside authorities named in segment p, leaving out "federal law" / "state law" when they are
   * part of "federal law enforcement": the police's partners, not a law. */
  private outsideHits(p: number): { first: number; last: number }[] {
    const { tokens, text } = this.matched;
    return (this.hitsOf(p).get(this.groups.outside) ?? []).filter((h) => {
      const next =
        h.last + 1 < tokens.count ? text.slice(tokens.start[h.last + 1], tokens.end[h.last + 1]) : '';
      return next.toLowerCase() !== 'enforcement';
    });
  }

  /** The first force word (a cue of any kind) in segment p at or after token `from`, or -1. */
  private firstCue(p: number, from = 0): number {
    const { cues } = this.engine;
    let first = -1;
    for (const g of [cues.prohibiting, cues.permitting, cues.discouraging, cues.lifting]) {
      for (const h of this.hitsOf(p).get(g) ?? [])
        if (h.first >= from && (first < 0 || h.first < first)) first = h.first;
    }
    return first;
  }

  /** "ICE shall be notified", "agents are given access", "are expected to notify": a form of "be" just
   * before or after where the subject ends. */
  private passiveNear(p: number, subjectEnd: number): boolean {
    const { tokens, text, tokenFrom, tokenTo } = this.matched;
    const from = Math.max(tokenFrom[p]!, subjectEnd - 3);
    const to = Math.min(tokenTo[p]!, subjectEnd + 4);
    for (let t = from; t < to; t++) {
      if (BE.has(text.slice(tokens.start[t], tokens.end[t]).toLowerCase())) return true;
    }
    return false;
  }

  /** The clause states what its subject does or can do (no force word, or "may" / "can"), rather than
   * laying a duty on it ("must", "shall") or making a promise to it ("will receive whatever help"). */
  private describesPower(p: number, from: number): boolean {
    const cue = this.firstCue(p, from);
    // A force word far from the subject belongs to a later clause ("... so as to allow ICE to ...").
    if (cue < 0 || cue >= from + SUBJECT_WORDS) return true;
    const { tokens, text } = this.matched;
    return POWER_WORDS.has(text.slice(tokens.start[cue], tokens.end[cue]).toLowerCase());
  }

  private opensWith(p: number, g: number): boolean {
    const from = this.matched.tokenFrom[p]!;
    return (this.hitsOf(p).get(g) ?? []).some((h) => h.first <= from + 1);
  }

  private has(p: number, g: number): boolean {
    return g >= 0 && this.hitsOf(p).has(g);
  }

  private hitsOf(p: number): SegmentHits {
    let map = this.hitCache.get(p);
    if (!map) {
      map = new Map();
      const { hits, hitFrom, hitTo } = this.matched;
      for (let h = hitFrom[p]!; h < hitTo[p]!; h++) {
        for (const g of this.engine.countsFor[hits.group[h]!]!) {
          const list = map.get(g) ?? [];
          list.push({ first: hits.first[h]!, last: hits.last[h]! });
          map.set(g, list);
        }
      }
      this.hitCache.set(p, map);
    }
    return map;
  }

  /**
   * Whether segment i lies in a definitions part: after a segment that opens one ("the following terms
   * shall have the meanings indicated:"), up to the next numbered section.
   */
  private inDefinitions(i: number): boolean {
    if (!this.definitions) this.definitions = this.markDefinitions();
    return this.definitions[i] === 1;
  }

  private markDefinitions(): Uint8Array {
    const { segments, hits, hitFrom, hitTo } = this.matched;
    const marks = new Uint8Array(segments.length);
    const opener = this.groups.definitionOpeners;
    if (opener < 0) return marks;
    for (let i = 0; i < segments.length; i++) {
      let opens = false;
      for (let h = hitFrom[i]!; h < hitTo[i]! && !opens; h++)
        opens = this.engine.countsFor[hits.group[h]!]!.includes(opener);
      if (!opens) continue;
      // Definitions say what words mean; a new numbered section, or a clause that orders something
      // ("shall", "must"), ends them. ("Authorized to enforce regulations" inside a definition does not.)
      const section = segments[i]!.section;
      let j = i + 1;
      for (; j < segments.length; j++) {
        const s = segments[j]!.section;
        if (s !== section && s !== null && NUMBERED_SECTION.test(s)) break;
        if (ORDERS.test(this.matched.text.slice(segments[j]!.start, segments[j]!.end))) break;
        marks[j] = 1;
      }
      // Resume after this part: an opener inside it would only mark part of the same stretch again, and
      // restarting at each one made a text of many openers quadratic.
      i = j - 1;
    }
    return marks;
  }
}

/** Words that open a clause before the subject: "When requested by ICE, members will …". */
const SUBORDINATE_OPENERS = new Set([
  'when',
  'whenever',
  'if',
  'upon',
  'after',
  'once',
  'while',
  'where',
  'before',
  'unless',
  'consistent',
  'pursuant',
  'under',
  'per',
  'in',
  'as',
  'because',
  'since',
  'for',
  'due',
  'until',
  'during',
  'following',
]);

const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
/** Force words that state what a subject can do, not what it must do. */
const POWER_WORDS = new Set(['may', 'can', 'could', 'might']);
/** An outside authority this close to the start of the subject heads it. */
const SUBJECT_HEAD = 3;

/** A clause that orders something: the end of a definitions part. */
const ORDERS = /\b(?:shall|must)\b/i;

const FEDERAL_DESCRIPTION = 'it describes what a federal agency does';

/** A section label that starts a new numbered part ("§ 3", "Sec. 4", "413.5", "C."). */
const NUMBERED_SECTION = /^(?:§|sec|section|part|article|\d|[A-Z]\.|\()/i;

import type { OriginalText, PolicyDocument } from './document';
import { originalText } from './document';
import { HEADING, ITEM, type MatchedText, QUESTION, SENTENCE } from './find-flags';
import { HitList } from './hit-list';
import { type NormalizedText, normalize } from './normalize';
import type { RuleEngine } from './rule-engine';
import { segment } from './segment';
import { tokenize } from './tokenize';
import { internWords, type Words } from './words';

/**
 * The reading half of the pipeline: original text → normalise → segment → words → ONE pass of the
 * phrase matcher over every segment. Everything after it (rules, Lexipol, verdicts) works from this.
 */
export interface MatchedDocument {
  original: OriginalText;
  norm: NormalizedText;
  words: Words;
  matched: MatchedText;
  /** Whether any word about immigration occurs (for the "does not mention immigration" warning). */
  mentionsImmigration: boolean;
}

export function matchDocument(engine: RuleEngine, doc: PolicyDocument): MatchedDocument {
  const original = originalText(doc);
  const norm = normalize(original);
  const text = norm.text;
  const segments = segment(text);
  // What the loops below need of each segment, read while the segmenter's objects are still in the
  // processor's cache: read after tokenising (which walks megabytes), each was a cache miss.
  const segStart = new Int32Array(segments.length);
  const segEnd = new Int32Array(segments.length);
  const form = new Uint8Array(segments.length);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    segStart[i] = seg.start;
    segEnd[i] = seg.end;
    form[i] =
      seg.kind === 'heading'
        ? HEADING
        : seg.kind === 'item'
          ? ITEM
          : text.charCodeAt(seg.end - 1) === 63 // "?"
            ? QUESTION
            : SENTENCE;
  }
  const tokens = tokenize(text);
  const words = internWords(text, tokens);

  const scan = engine.matcher.scanner(text, words);
  const tokenFrom = new Int32Array(segments.length);
  const tokenTo = new Int32Array(segments.length);
  const hitFrom = new Int32Array(segments.length);
  const hitTo = new Int32Array(segments.length);
  // Policies hold about one hit per two words (cue words such as "shall" and "may" are common).
  const hits = new HitList(tokens.count >> 1);
  let t = 0;
  for (let i = 0; i < segments.length; i++) {
    while (t < tokens.count && tokens.start[t]! < segStart[i]!) t++;
    const from = t;
    while (t < tokens.count && tokens.end[t]! <= segEnd[i]!) t++;
    tokenFrom[i] = from;
    tokenTo[i] = t;
    hitFrom[i] = hits.length;
    if (from < t) scan(from, t, hits);
    hitTo[i] = hits.length;
  }
  const mentionsImmigration = hits.group.subarray(0, hits.length).includes(engine.mentionsImmigration);
  return {
    original,
    norm,
    words,
    matched: { text, segments, tokens, tokenFrom, tokenTo, hits, hitFrom, hitTo, form },
    mentionsImmigration,
  };
}

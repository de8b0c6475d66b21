import type { LexipolEntry } from '../rules/rule-book';
import { stem } from './stem';
import { type Tokens, tokenize } from './tokenize';
import type { Words } from './words';

/**
 * Finds Lexipol boilerplate approximately. Each known passage becomes a set of 4-word "shingles" (word
 * stems in a row); the document's shingles are looked up in one pass; where most of a passage's
 * shingles turn up close together, the passage is there, even with another department's name, another
 * section number, line breaks or a few edited words (each edit only spoils the 4 shingles around it).
 * Measured on the guide's passages with random one-word edits: all found with one edit per ~8 words,
 * most with one per ~6; a 23-word passage survives 2–3 edits. Unrelated text sharing common phrases
 * ("federal immigration officials") stays far below the threshold.
 */

const SHINGLE = 4;
/** Share of a passage's shingles that must be found together. */
export const LEXIPOL_THRESHOLD = 0.5;
/** Shingle hits further apart than this many words belong to different regions. */
const MAX_GAP_WORDS = 24;

/** A found region, in token indices of the normalised text (both inclusive). */
export interface LexipolRegion {
  entry: LexipolEntry;
  firstToken: number;
  lastToken: number;
  similarity: number;
}

interface LexipolIndex {
  stems: Map<string, number>;
  /** Shingle key → (entry, shingle position in the entry) pairs. */
  shingles: Map<number, number[]>;
  /** Distinct shingles per entry. */
  sizes: number[];
  entries: readonly LexipolEntry[];
}

function shingleKey(a: number, b: number, c: number, d: number): number {
  // Stem ids are small (a few hundred): pack 4 ids into one exact number (≤ 2^52), no collisions.
  return ((a * 8192 + b) * 8192 + c) * 8192 + d;
}

const indexCache = new WeakMap<readonly LexipolEntry[], LexipolIndex>();

function indexOf(entries: readonly LexipolEntry[]): LexipolIndex {
  const known = indexCache.get(entries);
  if (known) return known;
  const stems = new Map<string, number>();
  const shingles = new Map<number, number[]>();
  const sizes: number[] = [];
  entries.forEach((entry, e) => {
    const tokens = tokenize(entry.text);
    const ids: number[] = [];
    for (let t = 0; t < tokens.count; t++) {
      const s = stem(entry.text.slice(tokens.start[t], tokens.end[t]).toLowerCase());
      let id = stems.get(s);
      if (id === undefined) {
        id = stems.size;
        stems.set(s, id);
      }
      ids.push(id);
    }
    const seen = new Set<number>();
    for (let p = 0; p + SHINGLE <= ids.length; p++) {
      const key = shingleKey(ids[p]!, ids[p + 1]!, ids[p + 2]!, ids[p + 3]!);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = shingles.get(key) ?? [];
      list.push(e, p);
      shingles.set(key, list);
    }
    sizes.push(seen.size);
  });
  const index = { stems, shingles, sizes, entries };
  indexCache.set(entries, index);
  return index;
}

export function findLexipolRegions(entries: readonly LexipolEntry[], words: Words): LexipolRegion[] {
  if (entries.length === 0 || words.tokens.count < SHINGLE) return [];
  const index = indexOf(entries);
  if (index.stems.size >= 8192) throw new Error('Lexipol passages use too many distinct words to index');
  // Stem id of each distinct word of the document; -1 when no Lexipol passage uses it.
  const stemOfWord = new Int32Array(words.lower.length).fill(-2);
  const ids = words.ids;
  const stemAt = (t: number): number => {
    const w = ids[t]!;
    let s = stemOfWord[w]!;
    if (s === -2) {
      s = index.stems.get(stem(words.lower[w]!)) ?? -1;
      stemOfWord[w] = s;
    }
    return s;
  };
  // Per entry: hit positions in the document and which of the entry's shingles they were.
  const hitsAt: number[][] = entries.map(() => []);
  let a = stemAt(0);
  let b = stemAt(1);
  let c = stemAt(2);
  for (let t = SHINGLE - 1; t < words.tokens.count; t++) {
    const d = stemAt(t);
    if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
      const list = index.shingles.get(shingleKey(a, b, c, d));
      if (list)
        for (let k = 0; k < list.length; k += 2) hitsAt[list[k]!]!.push(t - SHINGLE + 1, list[k + 1]!);
    }
    a = b;
    b = c;
    c = d;
  }
  const regions: LexipolRegion[] = [];
  hitsAt.forEach((hits, e) => {
    let from = 0;
    for (let k = 0; k <= hits.length; k += 2) {
      const endOfRun = k === hits.length || (k > 0 && hits[k]! - hits[k - 2]! > MAX_GAP_WORDS);
      if (!endOfRun) continue;
      if (k > from) {
        const distinct = new Set<number>();
        for (let j = from; j < k; j += 2) distinct.add(hits[j + 1]!);
        const similarity = distinct.size / index.sizes[e]!;
        if (similarity >= LEXIPOL_THRESHOLD) {
          regions.push({
            entry: entries[e]!,
            firstToken: hits[from]!,
            lastToken: hits[k - 2]! + SHINGLE - 1,
            similarity: Math.min(1, Math.round(similarity * 100) / 100),
          });
        }
      }
      from = k;
    }
  });
  return regions.sort((x, y) => x.firstToken - y.firstToken);
}

/** Whether original[s, e), lower-cased, is `lower`: compared in place for ASCII words (every footer's
 * words, ~3,000 footers in a long manual), through toLowerCase for others (whose length may change). */
function isWordLower(original: string, s: number, e: number, lower: string): boolean {
  for (let i = s; i < e; i++) {
    if (original.charCodeAt(i) >= 128) return original.slice(s, e).toLowerCase() === lower;
  }
  if (e - s !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = original.charCodeAt(s + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Lexipol's footers ("Copyright Lexipol, LLC", "Published with permission by …") in the ORIGINAL text:
 * page footers are removed by normalisation, so they are searched before it. Each marker is found by
 * its longest word and then checked word by word, ignoring case. All anchor words are sought in ONE
 * pass with a case-insensitive alternation of plain words: a literal alternation cannot backtrack, and
 * it costs less than one indexOf per word and letter case over a 3 MB text. Returns [start, end) pairs.
 */
export function findLexipolMarkers(markers: readonly string[], original: string): [number, number][] {
  interface Marker {
    words: string[];
    anchorIndex: number;
    before: number;
    after: number;
  }
  const byAnchor = new Map<string, Marker[]>();
  for (const marker of markers) {
    const mt = tokenize(marker);
    const words: string[] = [];
    for (let t = 0; t < mt.count; t++) words.push(marker.slice(mt.start[t], mt.end[t]).toLowerCase());
    if (words.length === 0) continue;
    let anchorIndex = 0;
    words.forEach((w, n) => {
      if (w.length > words[anchorIndex]!.length) anchorIndex = n;
    });
    const anchor = words[anchorIndex]!;
    // How far the marker reaches before and after its anchor word, plus slack for extra spaces.
    const entry = {
      words,
      anchorIndex,
      before: mt.start[anchorIndex]! + 16,
      after: marker.length - mt.end[anchorIndex]! + 16,
    };
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), entry]);
  }
  if (byAnchor.size === 0) return [];
  // Anchors are words (letters and digits only), so they need no escaping.
  const anchors = new RegExp([...byAnchor.keys()].join('|'), 'gi');
  const found: [number, number][] = [];
  // A manual has a footer on every page: one reused window, not two typed arrays per footer.
  const window: Tokens = { count: 0, start: new Int32Array(64), end: new Int32Array(64) };
  for (let m = anchors.exec(original); m; m = anchors.exec(original)) {
    const at = m.index;
    const anchorLength = m[0].length;
    for (const marker of byAnchor.get(m[0].toLowerCase()) ?? []) {
      const from = Math.max(0, at - marker.before);
      tokenize(original, from, Math.min(original.length, at + anchorLength + marker.after), window);
      let a = -1;
      for (let t = 0; t < window.count && a < 0; t++) if (window.start[t] === at) a = t;
      if (a < 0 || window.end[a] !== at + anchorLength) continue; // inside a longer word
      const first = a - marker.anchorIndex;
      const last = first + marker.words.length - 1;
      if (first < 0 || last >= window.count) continue;
      let same = true;
      for (let n = 0; n < marker.words.length && same; n++) {
        same = isWordLower(original, window.start[first + n]!, window.end[first + n]!, marker.words[n]!);
      }
      if (same) found.push([window.start[first]!, window.end[last]!]);
    }
  }
  // "Copyright Lexipol" and "Lexipol, LLC" in one footer are one marker.
  found.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of found) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

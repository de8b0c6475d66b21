/**
 * Inline lists inside one sentence: "Officers shall not: (a) ask …; (b) share …; or (c) hold …".
 * The items may run past a full stop ("(a) ask. (b) share."), so the search for the next marker is
 * bounded by the paragraph and a window, and remembered, so that hostile text stays linear.
 */
import { labelReadings, type MarkerReading, toRoman } from './segment-lines';
import type { SentenceScanner } from './segment-sentences';

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

export interface InlineItem {
  /** Start of the item's text (after its marker). */
  start: number;
  /** End of the item's text, before the next marker (not trimmed). */
  end: number;
}

export interface InlineList {
  /** Offset of the colon that ends the lead-in. */
  colon: number;
  items: InlineItem[];
}

/** How far a search for the next inline marker may look: longer "items" are not an inline list. */
const ITEM_WINDOW = 2000;

function markerText(first: MarkerReading, ordinal: number, shape: string): string {
  let label: string;
  if (first.kind === 'number') label = String(ordinal);
  else if (first.kind === 'roman') label = toRoman(ordinal);
  else if (first.kind === 'ROMAN') label = toRoman(ordinal).toUpperCase();
  else if (first.kind === 'lower') label = String.fromCharCode(0x60 + ordinal);
  else label = String.fromCharCode(0x40 + ordinal);
  return shape === 'paren' ? `(${label})` : `${label})`;
}

/** A first inline marker "(a)", "(1)", "(i)", "a)", "1)" at `at`: its readings and where its text starts. */
function firstInlineMarker(text: string, at: number, to: number) {
  const open = text.charCodeAt(at) === 0x28;
  let close = at + 1;
  while (close < to && close - at <= 6 && text.charCodeAt(close) !== 0x29) close++;
  if (close - at > 6 || close + 1 >= to || !isWhite(text.charCodeAt(close + 1))) return null;
  const label = text.slice(open ? at + 1 : at, close);
  const shape = open ? 'paren' : 'close';
  const readings = labelReadings(label, shape).filter((r) => r.ordinal === 1);
  return readings.length > 0 ? { readings, shape, textStart: close + 2 } : null;
}

/** First `marker` in [from, to) standing alone between white space, or -1. */
function findMarker(text: string, marker: string, from: number, to: number): number {
  const window = text.slice(from, to);
  for (let at = window.indexOf(marker); at >= 0; at = window.indexOf(marker, at + 1)) {
    const before = from + at - 1;
    const after = from + at + marker.length;
    if (after < text.length && isWhite(text.charCodeAt(before)) && isWhite(text.charCodeAt(after)))
      return from + at;
  }
  return -1;
}

/** The last search for a marker: [from, to) searched, and what was found there (-1: nothing). */
export interface MarkerSearch {
  from: number;
  to: number;
  at: number;
}

/**
 * findMarker that remembers its last answer per marker: thousands of "(a)" after colons would
 * otherwise each search the same window for a "(b)" that never comes.
 */
function findMarkerOnce(
  memo: Map<string, MarkerSearch>,
  text: string,
  marker: string,
  from: number,
  to: number,
) {
  const last = memo.get(marker);
  if (last && from >= last.from) {
    if (last.at >= from) return last.at < to ? last.at : -1;
    if (last.at < 0 && from <= last.to) {
      if (to <= last.to) return -1;
      const at = findMarker(text, marker, Math.max(from, last.to - marker.length), to);
      memo.set(marker, { from, to, at });
      return at;
    }
  }
  const at = findMarker(text, marker, from, to);
  memo.set(marker, { from, to, at });
  return at;
}

/**
 * An inline list in the sentence [from, sentenceTo) — "Officers shall not: (a) ask …; (b) share …;
 * or (c) hold …" — whose items may run on to `blockTo`. Null unless a colon is followed by a first
 * marker and the second marker of the same series follows.
 */
export function inlineListAt(
  scanner: SentenceScanner,
  searches: Map<string, MarkerSearch>,
  from: number,
  sentenceTo: number,
  blockTo: number,
): InlineList | null {
  const text = scanner.text;
  for (let colon = scanner.colons.after(from); colon < sentenceTo; colon = scanner.colons.after(colon + 1)) {
    let k = colon + 1;
    while (k < blockTo && isWhite(text.charCodeAt(k))) k++;
    const first = firstInlineMarker(text, k, blockTo);
    if (!first) continue;
    for (const reading of first.readings) {
      const items: InlineItem[] = [];
      let itemStart = first.textStart;
      for (let ordinal = 2; ; ordinal++) {
        const marker = markerText(reading, ordinal, first.shape);
        const at = findMarkerOnce(
          searches,
          text,
          marker,
          itemStart,
          Math.min(blockTo, itemStart + ITEM_WINDOW),
        );
        if (at < 0) break;
        items.push({ start: itemStart, end: at });
        itemStart = at + marker.length + 1;
      }
      if (items.length > 0) {
        items.push({ start: itemStart, end: scanner.sentenceEnd(itemStart, blockTo) });
        return { colon, items };
      }
    }
  }
  return null;
}

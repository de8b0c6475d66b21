/**
 * A named set of ranges painted with the CSS Custom Highlight API. Where the API is missing (Firefox
 * before 140) the ranges are still kept, so clicks still find their passage and jumps still land, but
 * nothing is painted; the viewer says so (`highlightsSupported`).
 */

export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): boolean;
  clear(): void;
  readonly size: number;
}

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Creates and registers a highlight under `name`. */
export function namedHighlight(name: string): RangeSet {
  if (!highlightsSupported()) return new Set<Range>();
  const highlight = new Highlight();
  CSS.highlights.set(name, highlight);
  return highlight;
}

export function unregisterHighlight(name: string): void {
  if (highlightsSupported()) CSS.highlights.delete(name);
}

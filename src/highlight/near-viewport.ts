import { yieldToPage } from '../page/yield-to-page';

/**
 * Which painted ranges are near the viewport, so that only those are handed to the CSS Highlight API.
 *
 * Why: Chromium re-styles and re-paints every range of every registered highlight in the frame after a
 * change, so 5,000 passages on a long manual made one frame of 400+ ms (bench/paint.ts). With only
 * the ranges within a screen or so of the viewport registered, each frame handles a few dozen, and
 * scrolling brings the next ones in before they are visible.
 *
 * How: one IntersectionObserver watches the elements holding each range's ends (geometry the browser
 * already knows; no layout reads of ours, correct in columns, tables and frames alike). A range is near
 * when any of its elements is. An element without a box (`display: contents`, hidden) can never be
 * seen to intersect, so its ranges are treated as near: painting them costs nothing on screen.
 */

export interface NearViewport {
  /** Starts watching `range`; `onChange(range, true)` follows once it is near (maybe at once). */
  track(range: Range): void;
  untrack(range: Range): void;
  clear(): void;
}

/** The elements whose boxes place a range on screen: those holding its two ends. */
function elementsOf(range: Range): Element[] {
  const of = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement);
  const start = of(range.startContainer);
  const end = of(range.endContainer);
  return [start, end].filter((e, i, all): e is Element => e !== null && all.indexOf(e) === i);
}

/**
 * The observer answers after the next frame; until then, a box read says whether an element is near,
 * so the passages on screen are painted at once, as they always were. Box reads cost microseconds
 * each, so they stop after SYNC_BUDGET_MS in one task (5,000 of them took 70 ms): a long page's
 * remaining passages wait the one frame for the observer. Elements of other documents (same-origin
 * frames) count as near until the observer says otherwise: their boxes are in their frame's coordinates.
 */
const SYNC_BUDGET_MS = 8;
function nearNow(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view || view !== globalThis.window) return true;
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return true;
  return box.bottom >= -view.innerHeight && box.top <= 2 * view.innerHeight;
}

export function watchNearViewport(onChange: (range: Range, near: boolean) => void): NearViewport {
  let budgetEnd = -1;
  const withinBudget = () => {
    if (budgetEnd < 0) {
      budgetEnd = performance.now() + SYNC_BUDGET_MS;
      queueMicrotask(() => {
        budgetEnd = -1;
      });
    }
    return performance.now() < budgetEnd;
  };
  const rangesOf = new Map<Element, Set<Range>>();
  const elementsOfRange = new Map<Range, Element[]>();
  const nearElements = new Set<Element>();
  const nearRanges = new Set<Range>();

  const update = (range: Range) => {
    const near = (elementsOfRange.get(range) ?? []).some((e) => nearElements.has(e));
    if (near === nearRanges.has(range)) return;
    if (near) nearRanges.add(range);
    else nearRanges.delete(range);
    onChange(range, near);
  };

  const apply = (entry: IntersectionObserverEntry) => {
    // An element untracked since the observer queued its entry no longer matters.
    const ranges = rangesOf.get(entry.target);
    if (!ranges) return;
    const box = entry.boundingClientRect;
    const boxless = box.width === 0 && box.height === 0;
    if (entry.isIntersecting || boxless) nearElements.add(entry.target);
    else nearElements.delete(entry.target);
    for (const range of ranges) update(range);
  };

  // The observer's first answer covers every element observed: 5,000 entries took one task of 50+ ms
  // on a long manual (bench/paint.ts). Entries are applied in order, SYNC_BUDGET_MS at a time, the rest
  // after yielding to the page; later entries for an element still come after its earlier ones.
  const queue: IntersectionObserverEntry[] = [];
  let head = 0;
  let draining = false;
  const drain = () => {
    const sliceEnd = performance.now() + SYNC_BUDGET_MS;
    let done = 0;
    while (head < queue.length) {
      apply(queue[head++]!);
      if (++done % 32 === 0 && head < queue.length && performance.now() >= sliceEnd) {
        void yieldToPage().then(drain);
        return;
      }
    }
    queue.length = 0;
    head = 0;
    draining = false;
  };

  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) queue.push(entry);
            if (draining) return;
            draining = true;
            drain();
          },
          // A screen above and below: passages are painted before they scroll into view.
          { rootMargin: '100% 0px 100% 0px' },
        )
      : null;

  return {
    track(range) {
      if (elementsOfRange.has(range)) return;
      const elements = elementsOf(range);
      if (!observer || elements.length === 0) {
        // Nothing to observe with: paint it, as before this module existed.
        elementsOfRange.set(range, []);
        nearRanges.add(range);
        onChange(range, true);
        return;
      }
      elementsOfRange.set(range, elements);
      for (const element of elements) {
        let ranges = rangesOf.get(element);
        if (!ranges) {
          ranges = new Set();
          rangesOf.set(element, ranges);
          if (withinBudget() && nearNow(element)) nearElements.add(element);
          observer.observe(element);
        }
        ranges.add(range);
      }
      update(range);
    },
    untrack(range) {
      for (const element of elementsOfRange.get(range) ?? []) {
        const ranges = rangesOf.get(element);
        ranges?.delete(range);
        if (ranges?.size === 0) {
          rangesOf.delete(element);
          nearElements.delete(element);
          observer?.unobserve(element);
        }
      }
      elementsOfRange.delete(range);
      nearRanges.delete(range);
    },
    clear() {
      observer?.disconnect();
      queue.length = 0;
      head = 0;
      rangesOf.clear();
      elementsOfRange.clear();
      nearElements.clear();
      nearRanges.clear();
    },
  };
}

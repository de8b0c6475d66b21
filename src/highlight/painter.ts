import { FLASH_HIGHLIGHT_NAME, HIGHLIGHT_KINDS, HIGHLIGHT_NAMES, type HighlightKind } from '../ui/flag-style';
import { type NearViewport, watchNearViewport } from './near-viewport';

/**
 * Paints passages on the page. Two implementations of one small interface: the CSS Custom Highlight
 * API (nothing in the page's DOM changes, so the page's own scripts and our text index are untouched)
 * and `<mark>` wrapping where that API is missing (Firefox before 140).
 */
export interface Painter {
  /** Replaces the passages painted for `kind` with `ranges`, keeping ranges already painted (no flicker). */
  paint(kind: HighlightKind, ranges: readonly Range[]): void;
  /** Briefly emphasises one passage (after a jump from the scorecard or the keyboard). */
  flash(range: Range, ms?: number): void;
  clear(): void;
  /** True when painting changes the page's DOM (marks): text nodes must be re-indexed afterwards. */
  readonly mutatesDom: boolean;
}

type HighlightRegistry = Map<string, Highlight>;

interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: new (...ranges: Range[]) => Highlight;
}

/** The registry of the window a range lives in: a same-origin frame has its own. */
function registryOf(doc: Document): { registry: HighlightRegistry; make: () => Highlight } | null {
  const view = doc.defaultView as unknown as HighlightWindow | null;
  const registry = view?.CSS?.highlights;
  const HighlightClass = view?.Highlight;
  if (!registry || !HighlightClass) return null;
  return { registry, make: () => new HighlightClass() };
}

export function supportsHighlightApi(doc: Document): boolean {
  return registryOf(doc) !== null;
}

/** Painting order: red over green over Lexipol, so the stronger finding's colour shows on overlap. */
const PRIORITY: Readonly<Record<HighlightKind, number>> = { lexipol: 1, green: 2, red: 3, excerpt: 4 };

export function createHighlightPainter(): Painter {
  // One Highlight per kind and document; we keep our own handles so a page that clears or replaces
  // registry entries only costs a re-registration, never a crash.
  const painted = new Map<HighlightKind, Map<Document, Highlight>>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let flashed: { registry: HighlightRegistry } | null = null;

  const highlightFor = (kind: HighlightKind, doc: Document): Highlight | null => {
    const api = registryOf(doc);
    if (!api) return null;
    let perDoc = painted.get(kind);
    if (!perDoc) {
      perDoc = new Map();
      painted.set(kind, perDoc);
    }
    let highlight = perDoc.get(doc);
    if (!highlight) {
      highlight = api.make();
      highlight.priority = PRIORITY[kind];
      perDoc.set(doc, highlight);
    }
    if (api.registry.get(HIGHLIGHT_NAMES[kind]) !== highlight)
      api.registry.set(HIGHLIGHT_NAMES[kind], highlight);
    return highlight;
  };

  // Every range asked for, per kind; only those near the viewport are in the highlight (near-viewport.ts).
  const tracked = new Map<HighlightKind, { ranges: Set<Range>; near: NearViewport }>();
  const trackedFor = (kind: HighlightKind) => {
    let entry = tracked.get(kind);
    if (!entry) {
      entry = {
        ranges: new Set(),
        near: watchNearViewport((range, near) => {
          const highlight = highlightFor(kind, range.startContainer.ownerDocument ?? document);
          if (near) highlight?.add(range);
          else highlight?.delete(range);
        }),
      };
      tracked.set(kind, entry);
    }
    return entry;
  };

  return {
    mutatesDom: false,
    paint(kind, ranges) {
      const wanted = new Set(ranges);
      const { ranges: known, near } = trackedFor(kind);
      for (const range of known) {
        if (wanted.has(range)) continue;
        near.untrack(range);
        known.delete(range);
      }
      for (const [, highlight] of painted.get(kind) ?? []) {
        for (const range of [...highlight]) if (!wanted.has(range as Range)) highlight.delete(range);
      }
      for (const range of ranges) {
        if (known.has(range)) continue;
        known.add(range);
        near.track(range);
      }
    },
    flash(range, ms = 1600) {
      const doc = range.startContainer.ownerDocument ?? document;
      const api = registryOf(doc);
      if (!api) return;
      if (flashed) flashed.registry.delete(FLASH_HIGHLIGHT_NAME);
      clearTimeout(flashTimer);
      const highlight = api.make();
      highlight.priority = 10;
      highlight.add(range);
      api.registry.set(FLASH_HIGHLIGHT_NAME, highlight);
      flashed = { registry: api.registry };
      flashTimer = setTimeout(() => {
        api.registry.delete(FLASH_HIGHLIGHT_NAME);
        flashed = null;
      }, ms);
    },
    clear() {
      for (const kind of HIGHLIGHT_KINDS) {
        for (const [doc, highlight] of painted.get(kind) ?? []) {
          highlight.clear();
          const api = registryOf(doc);
          if (api?.registry.get(HIGHLIGHT_NAMES[kind]) === highlight)
            api.registry.delete(HIGHLIGHT_NAMES[kind]);
        }
      }
      painted.clear();
      for (const { near } of tracked.values()) near.clear();
      tracked.clear();
      if (flashed) flashed.registry.delete(FLASH_HIGHLIGHT_NAME);
    },
  };
}

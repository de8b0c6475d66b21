/**
 * Where a passage is on screen. A passage in a same-origin frame measures relative to the frame, so its
 * rectangle is shifted by each enclosing frame's position to place the popup in the top page.
 */
export function rangeRectInTopWindow(range: Range): DOMRect {
  const rects = range.getClientRects();
  // The first line of the passage: the popup opens under where the reader's eye is.
  const first = rects.length > 0 ? rects[0]! : range.getBoundingClientRect();
  let left = first.left;
  let top = first.top;
  let view: Window | null = range.startContainer.ownerDocument?.defaultView ?? null;
  while (view && view !== view.parent) {
    const frame = view.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    left += box.left;
    top += box.top;
    view = view.parent;
  }
  return new DOMRect(left, top, first.width, first.height);
}

/**
 * Scrolls the passage into view unless it is already comfortably visible. With `roomBelow` (a popup is
 * about to open under it) the passage goes to the upper quarter of the view, so the popup fits beneath
 * it instead of covering the text above.
 */
export function scrollRangeIntoView(range: Range, roomBelow = false): void {
  const doc = range.startContainer.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return;
  // A passage in a frame: bring the frame into view first, then scroll inside it.
  const frame = view.frameElement;
  if (frame && view !== view.parent) frame.scrollIntoView({ block: 'nearest' });
  const rect = range.getBoundingClientRect();
  const height = view.innerHeight;
  const lowest = roomBelow ? height * 0.45 : height - 60;
  if (rect.top >= 60 && rect.bottom <= lowest) return;
  const target = roomBelow ? height * 0.2 : (height - rect.height) / 2;
  const smooth = !view.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  // Instant when a popup follows: it is placed from the passage's position after the scroll.
  view.scrollBy({ top: rect.top - Math.max(60, target), behavior: smooth && !roomBelow ? 'smooth' : 'auto' });
}

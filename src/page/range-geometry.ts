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

/** Scrolls the passage to the middle of the view unless it is already comfortably visible. */
export function scrollRangeIntoView(range: Range): void {
  const element =
    range.startContainer.nodeType === 1
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  if (!element) return;
  const rect = range.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  if (rect.top >= 60 && rect.bottom <= height - 60) return;
  const smooth = !view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}

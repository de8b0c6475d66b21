import { HIGHLIGHT_KINDS, type HighlightKind, MARK_ATTRIBUTE } from '../ui/flag-style';
import type { Painter } from './painter';

/**
 * Fallback for browsers without the CSS Custom Highlight API (Firefox before 140): wraps passages in
 * `<mark data-policy-lens="red">` elements. The page text is never parsed as HTML: marks wrap existing
 * text nodes.
 *
 * Wrapping and unwrapping move text nodes, which collapses any live Range inside them, so passages are
 * remembered as character offsets over the text nodes of the document (marks never change those) and
 * every paint unwraps all marks and wraps all kinds again in one go. The caller re-indexes the page
 * text afterwards (`mutatesDom`).
 */

interface Span {
  start: number;
  end: number;
}

function textNodes(doc: Document): Text[] {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function offsets(nodes: readonly Text[]): Map<Node, number> {
  const at = new Map<Node, number>();
  let total = 0;
  for (const node of nodes) {
    at.set(node, total);
    total += node.data.length;
  }
  return at;
}

function spanOf(range: Range, at: Map<Node, number>): Span | null {
  const start = at.get(range.startContainer);
  const end = at.get(range.endContainer);
  if (start === undefined || end === undefined) return null;
  return { start: start + range.startOffset, end: end + range.endOffset };
}

function unwrapAll(doc: Document): void {
  const parents = new Set<Node>();
  for (const mark of doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** Wraps the pieces of `node` covered by spans, innermost kind last (red inside Lexipol). */
function wrapNode(node: Text, base: number, spans: readonly { kind: HighlightKind; span: Span }[]): void {
  const length = node.data.length;
  const cuts = new Set<number>();
  for (const { span } of spans) {
    if (span.start > base && span.start < base + length) cuts.add(span.start - base);
    if (span.end > base && span.end < base + length) cuts.add(span.end - base);
  }
  // Split from the end so the offsets still to cut stay inside the original node.
  const pieces: { node: Text; from: number }[] = [];
  const rest = node;
  for (const cut of [...cuts].sort((a, b) => b - a)) {
    pieces.unshift({ node: rest.splitText(cut), from: cut });
  }
  pieces.unshift({ node: rest, from: 0 });
  for (const piece of pieces) {
    const at = base + piece.from;
    const kinds = HIGHLIGHT_KINDS.filter((kind) =>
      spans.some((s) => s.kind === kind && s.span.start <= at && s.span.end > at),
    );
    let inner: Node = piece.node;
    for (const kind of [...kinds].reverse()) {
      const mark = node.ownerDocument.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, kind);
      inner.parentNode?.insertBefore(mark, inner);
      mark.append(inner);
      inner = mark;
    }
  }
}

export function createMarkPainter(doc: Document = document): Painter {
  const spans = new Map<HighlightKind, Span[]>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const repaint = () => {
    unwrapAll(doc);
    const all = [...spans].flatMap(([kind, list]) => list.map((span) => ({ kind, span })));
    if (all.length === 0) return;
    const nodes = textNodes(doc);
    const at = offsets(nodes);
    for (const node of nodes) {
      const base = at.get(node) ?? 0;
      const end = base + node.data.length;
      const touching = all.filter(({ span }) => span.start < end && span.end > base);
      if (touching.length > 0) wrapNode(node, base, touching);
    }
  };

  return {
    mutatesDom: true,
    paint(kind, ranges) {
      const at = offsets(textNodes(doc));
      spans.set(
        kind,
        ranges
          .map((range) => spanOf(range, at))
          .filter((span): span is Span => span !== null && span.end > span.start),
      );
      repaint();
    },
    flash(range, ms = 1600) {
      const hit = [...doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)].filter((mark) =>
        range.intersectsNode(mark),
      );
      for (const mark of hit) mark.setAttribute('data-policy-lens-flash', '');
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        for (const mark of hit) mark.removeAttribute('data-policy-lens-flash');
      }, ms);
    },
    clear() {
      spans.clear();
      unwrapAll(doc);
    },
  };
}

import { anchorExcerpt } from './anchor';

/**
 * A DOM Range for `quote` inside a rendered PDF text layer, found by its text (exact, else fuzzy).
 * The excerpt's offsets index our page text, whose spacing between pdf.js text items differs from
 * the layer's DOM, so the quote is anchored in the layer's own text, near the hinted position.
 */
export function textLayerQuoteRange(layer: Element, quote: string, hint: number): Range | null {
  const doc = layer.ownerDocument;
  const walker = doc.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    // A space between items that pdf.js lays out apart (it belongs to no node).
    if (text.length > 0 && !/\s$/.test(text) && !/^\s/.test(data)) text += ' ';
    nodes.push(node as Text);
    starts.push(text.length);
    text += data;
  }
  const found = anchorExcerpt(text, { quote, prefix: '', suffix: '', start: hint, end: hint + quote.length });
  if (!found) return null;
  const at = (offset: number, edge: 'start' | 'end'): [Text, number] | null => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const start = starts[i] ?? 0;
      const node = nodes[i]!;
      if (
        start <= offset &&
        (edge === 'end' ? offset <= start + node.data.length : offset < start + node.data.length)
      ) {
        return [node, offset - start];
      }
      // An offset on an added space: snap to the neighbouring node's edge.
      if (start < offset)
        return edge === 'start' ? (nodes[i + 1] ? [nodes[i + 1]!, 0] : null) : [node, node.data.length];
    }
    return nodes[0] ? [nodes[0], 0] : null;
  };
  const from = at(found.start, 'start');
  const to = at(found.end, 'end');
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

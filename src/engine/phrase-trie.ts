/**
 * The phrase matcher's trie (built as Maps while phrases are added) turned into flat typed arrays for
 * the scan: the root's children indexed by symbol (every word that has a symbol looks there), other
 * edges in one open-addressing table keyed by (node, symbol), and the parts ending at each node as
 * ranges of one array. Map lookups per word were the scan's main cost on a long manual.
 */
export interface CompiledTrie {
  /** Symbol → child of the root, or -1. */
  rootChild: Int32Array;
  /** Open-addressing table of the other edges: node (-1 = empty slot), symbol, child. */
  edgeNode: Int32Array;
  edgeSymbol: Int32Array;
  edgeChild: Int32Array;
  /** 32 − log2(table size): edgeSlot keeps the hash's high bits, which mix best. */
  edgeShift: number;
  /** Parts ending at node n: endParts[endFrom[n] .. endFrom[n + 1]). */
  endFrom: Int32Array;
  endParts: Int32Array;
}

/** First slot to probe for the edge (node, symbol). */
export function edgeSlot(node: number, symbol: number, shift: number): number {
  return Math.imul(node ^ Math.imul(symbol, 0x85ebca6b), 0x9e3779b1) >>> shift;
}

export function compileTrie(
  children: readonly Map<number, number>[],
  partsEnding: readonly number[][],
  symbolCount: number,
): CompiledTrie {
  const nodes = children.length;
  const rootChild = new Int32Array(Math.max(1, symbolCount)).fill(-1);
  for (const [symbol, child] of children[0] ?? []) rootChild[symbol] = child;
  let edges = 0;
  for (let node = 1; node < nodes; node++) edges += children[node]!.size;
  let bits = 4;
  while (1 << bits < edges * 2) bits++;
  const size = 1 << bits;
  const edgeShift = 32 - bits;
  const edgeNode = new Int32Array(size).fill(-1);
  const edgeSymbol = new Int32Array(size);
  const edgeChild = new Int32Array(size);
  for (let node = 1; node < nodes; node++) {
    for (const [symbol, child] of children[node]!) {
      let slot = edgeSlot(node, symbol, edgeShift);
      while (edgeNode[slot] !== -1) slot = (slot + 1) & (size - 1);
      edgeNode[slot] = node;
      edgeSymbol[slot] = symbol;
      edgeChild[slot] = child;
    }
  }
  const endFrom = new Int32Array(nodes + 1);
  const endList: number[] = [];
  for (let node = 0; node < nodes; node++) {
    endFrom[node] = endList.length;
    for (const part of partsEnding[node]!) endList.push(part);
  }
  endFrom[nodes] = endList.length;
  return {
    rootChild,
    edgeNode,
    edgeSymbol,
    edgeChild,
    edgeShift,
    endFrom,
    endParts: Int32Array.from(endList),
  };
}

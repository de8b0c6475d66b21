/**
 * Web-page source: a DOM subtree → the plain text the engine reads, and a way back from text offsets to
 * DOM Ranges.
 *
 * ONE pass builds ONE index: every visible text node is copied verbatim (whitespace characters become
 * spaces one-for-one, so an offset inside a node is the same character of the node), and `starts[i]` is
 * where `nodes[i]` begins in `text`. Line breaks we add for blocks, `<br>` and table cells belong to no
 * node. Mapping an engine offset back is a binary search over `starts`, never a rescan of the page.
 *
 * Needs no layout, so it also runs under jsdom in Node (the command line reads .html files with it).
 * Computed style is consulted only where the document has a window that computes styles.
 */

import { BLOCKS, LINES, NEVER_TEXT, PAGE_CHROME_ROLES, PAGE_CHROME_TAGS } from './dom-text-tags';

export interface DomTextIndex {
  text: string;
  /** Visible text nodes in document order (same-origin frames included). */
  nodes: Text[];
  /** Offset in `text` of each node's first character; ascending. */
  starts: number[];
}

export interface DomTextOptions {
  /**
   * Skip navigation, banners, footers and asides below the root. Defaults to true when the root is the
   * whole page (body, html or a document) and false when it is a chosen content area, where a
   * `<header>` usually holds the policy's own title.
   */
  skipPageChrome?: boolean;
}

export const PARAGRAPH_BREAK = '\n\n';
export const LINE_BREAK = '\n';

const WHITESPACE = /[\t\n\r\f\v]/g;

function isWholePage(root: Node): boolean {
  if (root.nodeType === 9) return true; // Document
  const name = (root as Element).tagName;
  return name === 'BODY' || name === 'HTML';
}

/** What `getComputedStyle` says when it works (a browser, or jsdom with a window); null otherwise. */
function styleOf(element: Element): CSSStyleDeclaration | null {
  const view = element.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return null;
  try {
    return view.getComputedStyle(element);
  } catch {
    return null;
  }
}

function isHidden(element: Element, style: CSSStyleDeclaration | null): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  // Without a styling window (a parsed file in Node) the inline style is the only style there is.
  const css = style ?? (element as HTMLElement).style;
  if (!css) return false;
  return css.display === 'none' || css.visibility === 'hidden' || css.visibility === 'collapse';
}

/** Site navigation and banners; inside <main> or <article> a header or footer is the document's own. */
function isPageChrome(element: Element, inMain: boolean): boolean {
  const tag = element.tagName.toUpperCase();
  if (inMain && (tag === 'HEADER' || tag === 'FOOTER')) return false;
  if (PAGE_CHROME_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  return (
    role !== null && PAGE_CHROME_ROLES.has(role) && !(inMain && (role === 'banner' || role === 'contentinfo'))
  );
}

function isMain(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return tag === 'MAIN' || tag === 'ARTICLE' || element.getAttribute('role') === 'main';
}

/** Same-origin frame documents; cross-origin frames throw or give null and are skipped. */
function frameDocument(element: Element): Document | null {
  if (element.tagName !== 'IFRAME' && element.tagName !== 'FRAME') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

interface VisitStep {
  node: Node;
  pre: boolean;
  depth: number;
  inMain: boolean;
}
type WalkStep = VisitStep | { after: string };

interface TextWalker {
  /** Walks on until done (true) or until `shouldPause` says stop (false; call again to go on). */
  walk(shouldPause: () => boolean): boolean;
  result(): DomTextIndex;
}

function textWalker(root: Node, options: DomTextOptions): TextWalker {
  const skipChrome = options.skipPageChrome ?? isWholePage(root);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  // Pending break: added lazily before the next text, so runs of empty blocks add one break, not many.
  let pending = '';

  const breakBefore = (kind: string): void => {
    if (length === 0) return;
    if (kind === PARAGRAPH_BREAK || pending === '') pending = kind;
  };

  const addText = (node: Text, data: string, pre: boolean): void => {
    if (data.length === 0) return;
    // Indentation between blocks carries nothing; between inline elements a space does, so keep it there.
    if ((pending !== '' || length === 0) && !/\S/.test(data)) return;
    if (pending) {
      parts.push(pending);
      length += pending.length;
      pending = '';
    }
    nodes.push(node);
    starts.push(length);
    parts.push(pre ? data.replace(/[\t\r\f\v]/g, ' ') : data.replace(WHITESPACE, ' '));
    length += data.length;
  };

  // An explicit stack instead of recursion, so the walk can stop between nodes and go on later
  // (domToTextInSlices). An "after" entry closes an element: its break comes after its children.
  const stack: WalkStep[] = [{ node: root, pre: false, depth: 0, inMain: false }];
  const pushChildren = (parent: Node, pre: boolean, depth: number, inMain: boolean): void => {
    for (let child = parent.lastChild; child; child = child.previousSibling)
      stack.push({ node: child, pre, depth, inMain });
  };

  const visit = ({ node, pre, depth, inMain }: VisitStep): void => {
    if (node.nodeType === 3) {
      addText(node as Text, (node as Text).data, pre);
      return;
    }
    if (node.nodeType === 9 || node.nodeType === 11) {
      pushChildren(node, pre, depth + 1, inMain);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (NEVER_TEXT.has(tag)) return;
    if (tag === 'BR') {
      breakBefore(LINE_BREAK);
      return;
    }
    const style = styleOf(element);
    if (isHidden(element, style)) return;
    if (depth > 0 && skipChrome && isPageChrome(element, inMain)) return;
    const childInMain = inMain || isMain(element);
    const display = style?.display ?? '';
    const block = BLOCKS.has(tag) || display === 'block' || display === 'flex' || display === 'grid';
    const line = LINES.has(tag) || display === 'list-item' || display === 'table-cell';
    if (block) breakBefore(PARAGRAPH_BREAK);
    else if (line) breakBefore(LINE_BREAK);
    if (block) stack.push({ after: PARAGRAPH_BREAK });
    else if (line) stack.push({ after: LINE_BREAK });
    const frame = frameDocument(element);
    if (frame?.body) {
      stack.push({ node: frame.body, pre, depth: depth + 1, inMain: childInMain });
    } else {
      const isPre = pre || tag === 'PRE' || (style?.whiteSpace ?? '').startsWith('pre');
      // Shadow roots of custom elements hold visible text too (open ones only: closed ones are private).
      pushChildren(element.shadowRoot ?? element, isPre, depth + 1, childInMain);
    }
  };

  return {
    walk(shouldPause) {
      let count = 0;
      while (stack.length > 0) {
        const step = stack.pop()!;
        if ('after' in step) breakBefore(step.after);
        else visit(step);
        // Reading the clock per node would cost more than it saves.
        if (++count % 64 === 0 && shouldPause()) return false;
      }
      return true;
    },
    result: () => ({ text: parts.join(''), nodes, starts }),
  };
}

/** Builds the text index of `root` (an element, a document or a fragment). */
export function domToText(root: Node, options: DomTextOptions = {}): DomTextIndex {
  const walker = textWalker(root, options);
  walker.walk(() => false);
  return walker.result();
}

/**
 * The same index, built in slices of about `sliceMs` with `pause()` between them so a long page's
 * walk never blocks it for long (bench/paint.ts counts tasks over 50 ms). Offsets are those of
 * `domToText`: the walk only stops between nodes.
 */
export async function domToTextInSlices(
  root: Node,
  options: DomTextOptions,
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<DomTextIndex> {
  const walker = textWalker(root, options);
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    if (walker.walk(() => performance.now() >= sliceEnd)) return walker.result();
    await pause();
  }
}

/** Index of the node containing `offset` (or the last node starting at or before it); -1 before all. */
function nodeAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || (starts[0] ?? 0) > offset) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A web page's policy text with its way back to the page. */
export interface DomPolicyText extends DomTextIndex {
  /**
   * The DOM Range of `text[start, end)`, or null when it covers no text node. Added line breaks at either
   * end are trimmed off; a passage that crosses into a frame is cut at the frame (a Range lives in one
   * document).
   */
  locate(start: number, end: number): Range | null;
  /** Text offset of a point in a text node (e.g. from caretPositionFromPoint); null if not indexed. */
  offsetOf(node: Node, offsetInNode: number): number | null;
}

export function domPolicyText(index: DomTextIndex): DomPolicyText {
  const { nodes, starts } = index;
  let positions: Map<Node, number> | null = null;
  const nodeLength = (i: number) => nodes[i]?.data.length ?? 0;

  const locate = (start: number, end: number): Range | null => {
    if (end <= start) return null;
    // First node whose text ends after `start`.
    let first = nodeAt(starts, start);
    if (first < 0 || (starts[first] ?? 0) + nodeLength(first) <= start) first += 1;
    // Last node that starts before `end`.
    const last = nodeAt(starts, end - 1);
    if (first >= nodes.length || last < first) return null;
    const startNode = nodes[first]!;
    let lastIndex = last;
    // A Range cannot span documents: stop at the last node in the start node's document.
    while (lastIndex > first && nodes[lastIndex]!.ownerDocument !== startNode.ownerDocument) lastIndex--;
    const endNode = nodes[lastIndex]!;
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, Math.max(0, start - (starts[first] ?? 0)));
    range.setEnd(endNode, Math.min(nodeLength(lastIndex), end - (starts[lastIndex] ?? 0)));
    return range;
  };

  const offsetOf = (node: Node, offsetInNode: number): number | null => {
    if (!positions) {
      const map = new Map<Node, number>();
      for (let i = 0; i < nodes.length; i++) map.set(nodes[i]!, i);
      positions = map;
    }
    const i = positions.get(node);
    if (i === undefined) return null;
    return (starts[i] ?? 0) + Math.min(offsetInNode, nodeLength(i));
  };

  return { ...index, locate, offsetOf };
}

import { Readability } from '@mozilla/readability';

/**
 * Finds the live element that holds a page's main text (the policy), skipping site navigation, menus
 * and footers around it.
 *
 * Readability rewrites the document it reads, so it runs on a CLONE. To map its answer back onto the
 * live page, the clone's text nodes are paired with the live ones by walking both trees in step before
 * Readability touches anything; Readability moves text nodes rather than copying them, so the article
 * it returns still holds (mostly) the same clone text nodes, and their live twins show where the
 * article is. The content area is the deepest live element holding nearly all of that text.
 */

export interface ContentArea {
  root: Element;
  /**
   * How it was found: Readability's article; the page's own <main>/<article> landmark (large pages); or
   * the whole body when neither gave an answer.
   */
  via: 'readability' | 'landmark' | 'body';
  /** Skip navigation and asides inside `root` too (when root is the body or a broad landmark). */
  skipPageChrome: boolean;
}

/** Share of the article's mapped characters the chosen element must hold. */
const COVERAGE = 0.85;
/**
 * Readability always returns something; below this many characters its "article" is a guess, and
 * narrowing the page to it could hide the policy, so the whole body (minus navigation) is read instead.
 */
const MIN_ARTICLE_CHARS = 500;

function pairTextNodes(live: Node, clone: Node, pairs: Map<Node, Text>): void {
  let a = live.firstChild;
  let b = clone.firstChild;
  while (a && b) {
    if (a.nodeType === 3) pairs.set(b, a as Text);
    else if (a.nodeType === 1) pairTextNodes(a, b, pairs);
    a = a.nextSibling;
    b = b.nextSibling;
  }
}

function textNodesOf(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
  return found;
}

/** Above this much body text, Readability's clone-and-score costs seconds: trust the page's landmarks. */
const LARGE_PAGE_CHARS = 200_000;
/** Share of the body's text a landmark must hold to be taken as the content area. */
const LANDMARK_SHARE = 0.6;

/**
 * On a large page (a whole manual on one page) that marks its main content with <main>, role=main or
 * <article>, the narrowest such landmark holding most of the text. Null on ordinary pages, where
 * Readability's judgement is worth its small cost.
 */
function largePageLandmark(doc: Document): Element | null {
  const total = doc.body?.textContent?.length ?? 0;
  if (total < LARGE_PAGE_CHARS) return null;
  let best: Element | null = null;
  let bestLength = Number.POSITIVE_INFINITY;
  for (const candidate of doc.body!.querySelectorAll('main, [role="main"], article')) {
    const length = candidate.textContent?.length ?? 0;
    if (length >= total * LANDMARK_SHARE && length < bestLength) {
      best = candidate;
      bestLength = length;
    }
  }
  return best;
}

export function findContentArea(doc: Document): ContentArea {
  const body = doc.body ?? doc.documentElement;
  const whole: ContentArea = { root: body, via: 'body', skipPageChrome: true };
  if (!doc.documentElement) return whole;
  const landmark = largePageLandmark(doc);
  if (landmark) return { root: landmark, via: 'landmark', skipPageChrome: true };
  const clone = doc.cloneNode(true) as Document;
  const pairs = new Map<Node, Text>();
  pairTextNodes(doc.documentElement, clone.documentElement, pairs);

  let article: Node | null | undefined;
  try {
    article = new Readability<Node>(clone, { serializer: (node) => node, charThreshold: 300 }).parse()
      ?.content;
  } catch {
    return whole;
  }
  if (!article) return whole;

  // Characters of the article found on the live page, credited to every live ancestor.
  const credit = new Map<Element, number>();
  let mapped = 0;
  for (const text of textNodesOf(article)) {
    const live = pairs.get(text);
    const weight = text.data.trim().length;
    if (!live || weight === 0) continue;
    mapped += weight;
    for (let el = live.parentElement; el; el = el.parentElement)
      credit.set(el, (credit.get(el) ?? 0) + weight);
  }
  if (mapped < MIN_ARTICLE_CHARS) return whole;

  // Walk down from <body> while one child still holds nearly all of the article.
  let area: Element = body;
  for (;;) {
    let next: Element | null = null;
    for (let child = area.firstElementChild; child; child = child.nextElementSibling) {
      if ((credit.get(child) ?? 0) >= mapped * COVERAGE) {
        next = child;
        break;
      }
    }
    if (!next) break;
    area = next;
  }
  return area === body ? whole : { root: area, via: 'readability', skipPageChrome: false };
}

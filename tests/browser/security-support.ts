import type { Page } from 'playwright-core';

/**
 * Helpers for the security browser tests: what a page's whole DOM holds, closed shadow roots and
 * same-origin frames included (read through the DevTools protocol, which page scripts cannot fool),
 * and whether a payload ran.
 */

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  const kids = [...(node.shadowRoots ?? []), ...(node.children ?? [])];
  if (node.contentDocument) kids.push(node.contentDocument);
  for (const child of kids) yield* walk(child);
}

export interface MarkupFound {
  /** Elements that carry an inline event handler attribute (onerror, onload, onmouseover…). */
  handlers: string[];
  /** <img> elements, and <script> or <svg> elements that mention the payload flag. */
  injected: string[];
  /** All text of the document, shadow roots and frames included. */
  text: string;
}

/** Looks for markup that the payload strings would have created had they been parsed as HTML. */
export async function markupIn(page: Page): Promise<MarkupFound> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const handlers: string[] = [];
    const injected: string[] = [];
    const texts: string[] = [];
    for (const node of walk(root)) {
      if (node.nodeType === 3) texts.push(node.nodeValue ?? '');
      if (node.nodeType !== 1) continue;
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (/^on/i.test(attrs[i] ?? '')) handlers.push(`${node.nodeName} ${attrs[i]}=${attrs[i + 1]}`);
        if (/^\s*javascript:/i.test(attrs[i + 1] ?? ''))
          injected.push(`${node.nodeName} ${attrs[i]}=${attrs[i + 1]}`);
      }
      if (node.nodeName === 'IMG') injected.push(`IMG ${attrs.join(' ')}`);
      if (node.nodeName === 'SCRIPT' || node.nodeName.toLowerCase() === 'svg') {
        const inner = [...walk(node)].map((n) => n.nodeValue ?? '').join('');
        if (inner.includes('__pwned')) injected.push(`${node.nodeName}: ${inner}`);
      }
    }
    return { handlers, injected, text: texts.join(' ') };
  } finally {
    await cdp.detach();
  }
}

/** The payloads set `window.__pwned`; undefined means none ran in this page's main world. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
}

/** Whitespace collapsed, for comparing text that was reflowed. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads an expression in the page's main world through the DevTools protocol: works on pages that
 * broke the built-ins Playwright's own `evaluate` relies on (Array.prototype.map, JSON).
 */
export async function mainWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

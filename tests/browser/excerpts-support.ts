import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { selectTextInPage } from './in-page';

/**
 * Helpers for the excerpts browser tests: a writable copy of the fixture pages (to edit a page between
 * visits), storage access from an extension page, and reaching into CLOSED shadow roots (the flag
 * popup, the excerpts corner) through the DevTools protocol, as assistive technology can.
 */

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> } };
};

export async function writableFixtures(): Promise<{
  dir: string;
  edit: (name: string, from: string | RegExp, to: string) => Promise<void>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-excerpt-pages-'));
  await cp(path.resolve('tests/fixtures/excerpts/pages'), dir, { recursive: true });
  return {
    dir,
    async edit(name, from, to) {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8');
      if (typeof from === 'string' ? !text.includes(from) : !from.test(text))
        throw new Error(`"${from}" is not in ${name}`);
      await writeFile(file, text.replace(from, to));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function storedExcerpts(h: Harness): Promise<Record<string, unknown>> {
  const all = await (await h.controlPage()).evaluate(() => chrome.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('excerpt:')));
}

export async function clearStorage(h: Harness): Promise<void> {
  await (await h.controlPage()).evaluate(() => chrome.storage.local.clear());
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

function textOf(node: DomNode): string {
  return [...walk(node)]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue ?? '')
    .join('');
}

async function documentTree(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return { cdp, root };
}

/** Text inside every <host> element's shadow root (closed ones too). */
export async function shadowText(page: Page, host: string): Promise<string> {
  const { cdp, root } = await documentTree(page);
  try {
    return [...walk(root)]
      .filter((n) => n.nodeName.toLowerCase() === host)
      .map(textOf)
      .join(' ');
  } finally {
    await cdp.detach();
  }
}

/** Click the first <button> anywhere (shadow roots included) whose text contains `label`. */
export async function clickButton(page: Page, label: string): Promise<void> {
  const { cdp, root } = await documentTree(page);
  try {
    const button = [...walk(root)].find((n) => n.nodeName === 'BUTTON' && textOf(n).includes(label));
    if (!button) throw new Error(`no button "${label}"`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId })) as {
      object: { objectId: string };
    };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { this.click(); }',
    });
  } finally {
    await cdp.detach();
  }
}

/** Select the whole text of the element `selector` in the page. */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate(selectTextInPage, selector);
}

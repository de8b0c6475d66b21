import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { Report } from '../../src/engine/report';
import { highlightsInPage } from './in-page';
import { launchExtensionContext } from './launch-chromium';

/**
 * The shared real-browser harness (web pages, PDF viewer, excerpts).
 *
 *   const h = await launchHarness({ fixtures: 'tests/fixtures/pages' });
 *   const page = await h.openPage('strong-policy.html');
 *   const report = await h.analyze(page);          // the policy-lens/analyze contract
 *   ...
 *   expect(h.extensionRequests()).toEqual([]);     // the extension fetched nothing
 *   await h.close();
 *
 * - Chromium: Debian's (/usr/lib/chromium/chromium), headless unless POLICY_LENS_HEADED=1, with the
 *   built extension from POLICY_LENS_EXT_DIR (default `.output-test/chrome-mv3`, which the
 *   `test:browser` script builds). Test builds (`.output-*`) may read http://127.0.0.1/* without a
 *   toolbar click (see wxt.config.ts), because automated tests cannot give activeTab's user gesture.
 * - A static server on 127.0.0.1 (free port) serves the fixtures folder. `name.html.headers.json` next to
 *   a file adds response headers (e.g. a strict Content-Security-Policy).
 * - Every request is recorded: `extensionRequests()` lists those made by the extension's own contexts
 *   (service worker, extension pages) to anything but its own files, plus any request to a host other
 *   than the fixture server (fixture pages load nothing from elsewhere, so those can only come from us).
 */

// What the page.evaluate callbacks below use inside an extension page.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

export { CHROMIUM, EXTENSION_DIR } from './launch-chromium';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Opens a fixture page in a new tab and waits for its load event. */
  openPage(fixturePath: string): Promise<Page>;
  /** Opens (once) and returns an extension page used to send messages: `options.html` by default. */
  controlPage(): Promise<Page>;
  /** Opens an extension page in a new tab, e.g. `sidepanel.html?tabId=3`. */
  openExtensionPage(pagePath: string): Promise<Page>;
  /** The browser's tab id of a page (looked up by URL from an extension page). */
  tabIdOf(page: Page): Promise<number>;
  /** `{ type: 'policy-lens/analyze', tabId }` sent from an extension page; resolves to the Report. */
  analyze(page: Page): Promise<Report>;
  /** Any message sent from the control page with `chrome.runtime.sendMessage` (to the background). */
  sendToBackground<T>(message: unknown): Promise<T>;
  /** Any message sent to a tab's content script (top frame). */
  sendToTab<T>(page: Page, message: unknown): Promise<T>;
  /** Requests the extension made to anything but its own files (should stay empty). */
  extensionRequests(): string[];
  /** Every path the fixture server was asked for. */
  servedPaths(): string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/** A static server for a folder on 127.0.0.1 (free port); every requested path is pushed to `served`. */
export async function serveFolder(
  root: string,
  served: string[],
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    void (async () => {
      try {
        const body = await readFile(file);
        const extra = await readFile(`${file}.headers.json`, 'utf8').then(
          (text) => JSON.parse(text) as Record<string, string>,
          () => ({}),
        );
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...extra,
        });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launchHarness(options: {
  fixtures: string;
  viewport?: { width: number; height: number };
}) {
  const served: string[] = [];
  const { server, origin } = await serveFolder(path.resolve(options.fixtures), served);
  const { context, extensionId, profile } = await launchExtensionContext({ viewport: options.viewport });
  const extensionOrigin = `chrome-extension://${extensionId}`;

  const requests: string[] = [];
  const record = (request: Request) => {
    const url = request.url();
    if (url.startsWith(`${extensionOrigin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return;
    const fromExtension =
      request.serviceWorker() !== null || (request.frame()?.url() ?? '').startsWith(extensionOrigin);
    const offServer = !url.startsWith(`${origin}/`);
    if (fromExtension || offServer) requests.push(url);
  };
  context.on('request', record);

  let control: Page | null = null;
  const controlPage = async () => {
    if (!control || control.isClosed()) {
      control = await context.newPage();
      await control.goto(`${extensionOrigin}/options.html`);
    }
    return control;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const control = await controlPage();
    const id = await control.evaluate(async (wanted) => {
      // The newest tab with that URL: a test may open the same fixture more than once.
      const ids = (await chrome.tabs.query({}))
        .filter((tab) => tab.url === wanted)
        .map((tab) => tab.id ?? -1);
      return ids.length > 0 ? Math.max(...ids) : null;
    }, url);
    if (id === null) throw new Error(`no tab has the URL ${url}`);
    return id;
  };

  const sendToBackground = async <T>(message: unknown): Promise<T> =>
    (await controlPage()).evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;

  const harness: Harness = {
    context,
    extensionId,
    origin,
    async openPage(fixturePath) {
      const page = await context.newPage();
      await page.goto(`${origin}/${fixturePath}`, { waitUntil: 'load' });
      return page;
    },
    controlPage,
    async openExtensionPage(pagePath) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${pagePath}`);
      return page;
    },
    tabIdOf,
    async analyze(page) {
      const tabId = await tabIdOf(page);
      return sendToBackground<Report>({ type: 'policy-lens/analyze', tabId });
    },
    sendToBackground,
    async sendToTab<T>(page: Page, message: unknown) {
      const tabId = await tabIdOf(page);
      return (await controlPage()).evaluate(
        ({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }),
        { tabId, message },
      ) as Promise<T>;
    },
    extensionRequests: () => [...requests],
    servedPaths: () => [...served],
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The text of each `CSS.highlights` entry of a page, read from the page's own (main) world. */
export function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightsInPage);
}

/**
 * What the accessibility tree says inside the flag popup (a CLOSED shadow root, which page scripts and
 * Playwright selectors cannot enter; the browser's accessibility tree can, as a screen reader would).
 * Null when no popup is shown.
 */
export async function popupText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        nodeId: string;
        role?: { value: string };
        name?: { value: string };
        childIds?: string[];
        ignored?: boolean;
      }[];
    };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const dialog = nodes.find((node) => node.role?.value === 'dialog' && !node.ignored);
    if (!dialog) return null;
    const words: string[] = [];
    const walk = (id: string) => {
      const node = byId.get(id);
      if (!node) return;
      if (node.role?.value === 'StaticText' && node.name?.value) words.push(node.name.value);
      for (const child of node.childIds ?? []) walk(child);
    };
    walk(dialog.nodeId);
    return words.join(' ').replace(/\s+/g, ' ');
  } finally {
    await cdp.detach();
  }
}

/** What the popup's live region last announced. */
export async function announcement(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] }[];
    };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const texts: string[] = [];
    for (const node of nodes.filter((n) => n.role?.value === 'status')) {
      for (const child of node.childIds ?? []) {
        const text = byId.get(child)?.name?.value;
        if (text) texts.push(text);
      }
    }
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}

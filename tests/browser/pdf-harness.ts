import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtensionContext } from './launch-chromium';

/**
 * A minimal real-browser harness for the PDF viewer tests: Debian's Chromium with the built
 * extension, and a 127.0.0.1 server for generated PDFs. (To be merged into the shared harness.)
 */

export { EXTENSION_DIR } from './launch-chromium';

export interface ServedFile {
  body: Uint8Array | string;
  type?: string;
  status?: number;
  /** Send `Access-Control-Allow-Origin: *` (a site that allows others to read its files). */
  cors?: boolean;
}

export interface PdfServer {
  origin: string;
  /** Every request path the server saw, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export async function servePdfs(files: Record<string, ServedFile>): Promise<PdfServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body) : Buffer.from(file.body);
    res.writeHead(file.status ?? 200, {
      'content-type': file.type ?? 'application/pdf',
      'content-length': String(body.length),
      ...(file.cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Requests made by the extension's own pages and worker to anything but itself. */
  extensionRequests: string[];
  close: () => Promise<void>;
}

export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  const { context, extensionId, profile } = await launchExtensionContext({
    extensionDir,
    viewport: { width: 1360, height: 900 },
    profilePrefix: 'policy-lens-pdf-',
  });
  const extensionRequests: string[] = [];
  context.on('request', (request) => {
    const frame = request.frame();
    let fromExtension = false;
    try {
      fromExtension = frame.url().startsWith(`chrome-extension://${extensionId}`);
    } catch {
      fromExtension = false;
    }
    if (fromExtension && !request.url().startsWith('chrome-extension:'))
      extensionRequests.push(request.url());
  });
  return {
    context,
    extensionId,
    extensionRequests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export function viewerUrlFor(extensionId: string, pdfUrl: string | null, page?: number): string {
  const base = `chrome-extension://${extensionId}/viewer.html`;
  const withFile = pdfUrl ? `${base}?file=${encodeURIComponent(pdfUrl)}` : base;
  return page ? `${withFile}#page=${page}` : withFile;
}

/** Opens the viewer on a PDF and waits until it has finished (ready, cancelled or a problem). */
export async function openViewer(
  browser: ExtensionBrowser,
  pdfUrl: string | null,
  page?: number,
): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.goto(viewerUrlFor(browser.extensionId, pdfUrl, page));
  return tab;
}

export async function waitForPhase(tab: Page, phases: string[], timeout = 30_000): Promise<string> {
  const handle = await tab.waitForFunction(
    (wanted) => {
      const phase = document.querySelector('.pl-viewer')?.getAttribute('data-phase');
      return phase && wanted.includes(phase) ? phase : null;
    },
    phases,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** The browser's tab id of a page, looked up by URL from an extension page (the viewer without a file). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const control = await browser.context.newPage();
  await control.goto(viewerUrlFor(browser.extensionId, null));
  const url = page.url();
  const id = await control.evaluate(async (wanted) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome;
    return (await api.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
  await control.close();
  return id;
}

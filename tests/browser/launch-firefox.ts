import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Debian's Firefox ESR with the built Firefox extension installed, driven by puppeteer-core over
 * WebDriver BiDi: the one launch every Firefox test uses (puppeteer-core never downloads a browser;
 * scripts/ensure-firefox.sh installs Debian's package when it is missing).
 *
 * - `--remote-allow-system-access`: without it, moz-extension:// and about: pages do not open under
 *   automation.
 * - The pref `extensions.webextensions.uuids` pins the add-on's internal UUID, so its pages have a known
 *   address (moz-extension://<uuid>/options.html) instead of a random one per profile.
 * - The extension is the Firefox test build (`.output-test/firefox-mv3`, built by `test:browser`), which
 *   asks for http://127.0.0.1/* as a host permission (see wxt.config.ts). Firefox MV3 host permissions
 *   can be left optional (ungranted) at install; the pref `extensions.originControls.grantByDefault`
 *   grants them, and `launchFirefox` checks that they were granted before any test runs.
 */

export const FIREFOX = process.env.POLICY_LENS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(
  process.env.POLICY_LENS_FIREFOX_EXT_DIR ?? '.output-test/firefox-mv3',
);
/** Any fixed UUID will do; this one is only ever used for the test profile. */
export const EXTENSION_UUID = '6b1f0c3e-9a47-4d2b-8e15-3c7a90d4f2b8';

interface ManifestFacts {
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  host_permissions?: string[];
}

export function builtManifest(extensionDir = FIREFOX_EXTENSION_DIR): ManifestFacts {
  return JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as ManifestFacts;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** Opens an extension page (e.g. `options.html`) in a new tab and waits until it has loaded. */
  openExtensionPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

// What the page.evaluate callbacks below use inside an extension page (Firefox's `browser` namespace).
declare const browser: {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
  };
};

/**
 * Waits until `page` shows `url` fully loaded. `page.goto` to a moz-extension:// page may never report
 * completion under BiDi, so the navigation is started without awaiting it and the page is polled.
 */
export async function loadByPolling(page: Page, url: string, timeout = 20_000): Promise<void> {
  void page.goto(url, { timeout }).catch(() => {});
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await page
      .evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchFirefox(
  options: { extensionDir?: string; viewport?: { width: number; height: number } } = {},
): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const geckoId = builtManifest(extensionDir).browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no gecko id: is it a Firefox build?`);
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: process.env.POLICY_LENS_HEADED !== '1',
    defaultViewport: options.viewport ?? { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': true,
    },
  });
  try {
    const installed = await ff.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
  } catch (error) {
    await ff.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const openExtensionPage = async (pagePath: string) => {
    const page = await ff.newPage();
    await loadByPolling(page, `${extensionOrigin}/${pagePath}`);
    return page;
  };
  // The test build must be able to read the fixture server without a toolbar click.
  const probe = await openExtensionPage('options.html');
  const granted = await probe.evaluate(() =>
    browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
  );
  await probe.close();
  if (!granted) {
    await ff.close();
    throw new Error('the Firefox test build was not granted http://127.0.0.1/* (see wxt.config.ts)');
  }
  return {
    browser: ff,
    extensionOrigin,
    openExtensionPage,
    close: () => ff.close(),
  };
}

// ---- Closed shadow roots over WebDriver BiDi ----
//
// Page scripts cannot enter the extension's CLOSED shadow roots (the flag popup, the excerpts corner),
// and puppeteer's own selectors cannot either. WebDriver BiDi can: `script.evaluate` with
// `serializationOptions.includeShadowTree: 'all'` returns a host element's shadow root, closed ones
// included, as a shared reference that `script.callFunction` accepts as an argument — the same reach
// the Chromium tests get from the DevTools protocol.

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiEvaluateResult }>;
}
type BidiEvaluateResult =
  | { type: 'success'; result: BidiRemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };
interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

function bidi(page: Page): { connection: BidiConnection; context: string } {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  return { connection, context };
}

function unwrap(result: BidiEvaluateResult): BidiRemoteValue {
  if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
  return result.result;
}

/** Shared references to the shadow roots (open or closed) of every `<host>` element in the page. */
async function shadowRoots(page: Page, host: string): Promise<string[]> {
  const { connection, context } = bidi(page);
  const { result } = await connection.send('script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(host)})]`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const list = (unwrap(result).value ?? []) as { value?: { shadowRoot?: { sharedId?: string } | null } }[];
  return list.flatMap((node) => (node.value?.shadowRoot?.sharedId ? [node.value.shadowRoot.sharedId] : []));
}

/**
 * Runs `fn` (source text of a function of one argument, the shadow root) in the page for the shadow
 * root of each `<host>`; returns the JSON-serialisable results.
 */
async function inShadowRoots<T>(page: Page, host: string, fn: string, arg: unknown = null): Promise<T[]> {
  const { connection, context } = bidi(page);
  const out: T[] = [];
  for (const sharedId of await shadowRoots(page, host)) {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration: `async (root, arg) => JSON.stringify(await (${fn})(root, JSON.parse(arg)))`,
      arguments: [{ sharedId }, { type: 'string', value: JSON.stringify(arg) }],
      target: { context },
      awaitPromise: true,
    });
    const value = unwrap(result).value;
    out.push(JSON.parse(typeof value === 'string' ? value : 'null') as T);
  }
  return out;
}

/** The text of the flag popup's dialog (inside `<policy-lens-ui>`), or null when no popup is shown. */
export async function popupText(page: Page): Promise<string | null> {
  const texts = await inShadowRoots<string | null>(
    page,
    'policy-lens-ui',
    `(root) => { const d = root.querySelector('[role="dialog"]'); return d && !d.hidden ? d.textContent : null; }`,
  );
  const shown = texts.find((t) => t !== null);
  return shown === undefined || shown === null ? null : shown.replace(/\s+/g, ' ').trim();
}

/** What the popup's live region (role=status) last announced. */
export async function announcement(page: Page): Promise<string> {
  const texts = await inShadowRoots<string>(
    page,
    'policy-lens-ui',
    `(root) => [...root.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ')`,
  );
  return texts.join(' ').trim();
}

/** The raw text (whitespace as rendered in the DOM) of the first `selector` match in a `<host>`'s shadow root. */
export async function shadowElementText(page: Page, host: string, selector: string): Promise<string | null> {
  const texts = await inShadowRoots<string | null>(
    page,
    host,
    '(root, selector) => root.querySelector(selector)?.textContent ?? null',
    selector,
  );
  return texts.find((t) => t !== null) ?? null;
}

/**
 * Clicks, with the real mouse, the middle of the first `<button>` inside a `<host>`'s shadow root whose
 * text contains `label` (scrolled into view first).
 */
export async function clickShadowButton(page: Page, host: string, label: string): Promise<void> {
  const points = await inShadowRoots<{ x: number; y: number } | null>(
    page,
    host,
    `(root, label) => {
      const button = [...root.querySelectorAll('button')].find((b) => (b.textContent ?? '').includes(label));
      if (!button) return null;
      button.scrollIntoView({ block: 'center' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
    label,
  );
  const point = points.find((p) => p !== null);
  if (!point) throw new Error(`no button "${label}" in <${host}>`);
  await page.mouse.click(point.x, point.y);
}

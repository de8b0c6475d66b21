import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium with the built extension loaded: the one launch every harness and benchmark uses.
 * `--disable-extensions-except` is required (Playwright passes `--disable-extensions` otherwise), and the
 * background-networking flags keep Chromium from trying hosts this machine cannot reach.
 */

export const EXTENSION_DIR = path.resolve(
  process.env.POLICY_LENS_EXT_DIR ?? process.env.POLICY_LENS_EXTENSION ?? '.output-test/chrome-mv3',
);
export const CHROMIUM = process.env.POLICY_LENS_CHROMIUM ?? '/usr/lib/chromium/chromium';

export interface ExtensionContext {
  context: BrowserContext;
  extensionId: string;
  /** The throw-away profile folder; remove it after closing the context. */
  profile: string;
}

export async function launchExtensionContext(options: {
  extensionDir?: string;
  viewport?: { width: number; height: number };
  profilePrefix?: string;
}): Promise<ExtensionContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = await mkdtemp(path.join(tmpdir(), options.profilePrefix ?? 'policy-lens-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: process.env.POLICY_LENS_HEADED !== '1',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host, profile };
}

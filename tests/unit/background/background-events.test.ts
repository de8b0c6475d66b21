import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commandIssued, menuClicked, toolbarClicked } from '../../../src/background/background-events';
import { ANALYSE_PDF_MENU, OPEN_EXCERPTS_MENU, SAVE_EXCERPT_MENU } from '../../../src/background/menus';
import { setupBackground } from '../../../src/background/setup-background';
import { viewerUrl } from '../../../src/pdf/viewer-url';

/**
 * The background's menus, clicks and commands, with the browser APIs the fake browser does not model
 * replaced: the context menus by a small model of the browser's own menu list (an item stays until it
 * is removed, also across an update, and a second item with the same id is refused through
 * runtime.lastError, as Chromium does), and events by recorders that count their listeners. A real
 * browser cannot click a context menu in a test, so this is where every menu's path is checked; the
 * browser test (tests/browser/background-menus.test.ts) checks the menus exist in Chromium.
 */

type Listener = (...args: unknown[]) => unknown;
const events = () => {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (l: Listener) => listeners.push(l),
    removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
    fire: (...args: unknown[]) => Promise.all(listeners.map((l) => l(...args))),
  };
};

interface MenuItem {
  id: string;
  title: string;
  contexts: string[];
  targetUrlPatterns?: string[];
}

/** The browser's list of menu items: it survives updates, which is why ids may collide. */
const browserMenus = new Map<string, MenuItem>();
const runtime = fakeBrowser.runtime as unknown as { lastError?: { message: string } };

let contextMenus: {
  create: (item: MenuItem, done?: () => void) => string;
  removeAll: () => Promise<void>;
  onClicked: ReturnType<typeof events>;
};
let action: {
  onClicked: ReturnType<typeof events>;
  setBadgeText: ReturnType<typeof vi.fn>;
  setTitle: ReturnType<typeof vi.fn>;
  setBadgeBackgroundColor: ReturnType<typeof vi.fn>;
};
let commands: { onCommand: ReturnType<typeof events> };
let onInstalled: ReturnType<typeof events>;
let executeScript: ReturnType<typeof vi.fn>;
let tabMessages: ReturnType<typeof vi.fn>;
let runtimeMessages: ReturnType<typeof vi.fn>;
let createdTabs: ReturnType<typeof vi.fn>;
let updatedTabs: ReturnType<typeof vi.fn>;
let openSidePanel: ReturnType<typeof vi.fn>;
let warnings: ReturnType<typeof vi.spyOn>;

function install(reason: 'install' | 'update') {
  return onInstalled.fire({ reason });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  browserMenus.clear();
  contextMenus = {
    create(item, done) {
      if (browserMenus.has(item.id))
        runtime.lastError = { message: `Cannot create item with duplicate id ${item.id}` };
      else browserMenus.set(item.id, structuredClone(item));
      done?.();
      delete runtime.lastError;
      return item.id;
    },
    removeAll: async () => browserMenus.clear(),
    onClicked: events(),
  };
  action = {
    onClicked: events(),
    setBadgeText: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
  };
  commands = { onCommand: events() };
  onInstalled = events();
  executeScript = vi.fn(async () => [{ result: 'text/html' }]);
  tabMessages = vi.fn(async () => JSON.stringify({ questions: [] }));
  runtimeMessages = vi.fn(async () => ({ id: 'y' }));
  createdTabs = vi.fn(async () => ({}));
  updatedTabs = vi.fn(async () => ({}));
  openSidePanel = vi.fn(async () => undefined);
  const fake = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fake.contextMenus = contextMenus;
  fake.action = action;
  fake.commands = commands;
  fake.runtime!.onInstalled = onInstalled;
  fake.scripting = { executeScript, getRegisteredContentScripts: async () => [] };
  fake.permissions = { onAdded: events(), onRemoved: events(), contains: async () => false };
  vi.stubGlobal('chrome', { sidePanel: { open: openSidePanel } });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(tabMessages as never);
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(createdTabs as never);
  vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation(updatedTabs as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(runtimeMessages as never);
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  setupBackground();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What README.md promises, in its own words, and where the item must appear. */
const PROMISED = [
  {
    readme: '"Analyse this PDF with ICE Policy Lens" on a link\'s context menu',
    title: 'Analyse this PDF with ICE Policy Lens',
    context: 'link',
  },
  { readme: 'Select text and choose "Save excerpt"', title: 'Save excerpt', context: 'selection' },
  { readme: '"Saved excerpts" on the toolbar button\'s menu', title: 'Saved excerpts', context: 'action' },
];

const menusByTitle = () => Object.fromEntries([...browserMenus.values()].map((m) => [m.title, m.contexts]));

describe('the menus a user gets', () => {
  it('after install: every context menu item README.md promises, where it promises it, and no other', async () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const promise of PROMISED) expect(readme, 'README.md still says this').toContain(promise.readme);
    await install('install');
    await settle();
    expect(menusByTitle()).toEqual(Object.fromEntries(PROMISED.map((p) => [p.title, [p.context]])));
    expect(warnings).not.toHaveBeenCalled();
  });

  it('"Analyse this PDF" appears on links to PDFs, by file name and on town document centres', async () => {
    await install('install');
    await settle();
    expect(browserMenus.get(ANALYSE_PDF_MENU.id)?.targetUrlPatterns).toEqual(
      expect.arrayContaining(['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*DocumentCenter/View/*']),
    );
  });

  it('after an update (the browser kept the old items): the same items, none lost, none refused', async () => {
    await install('install');
    await settle();
    const before = menusByTitle();
    await install('update');
    await settle();
    expect(menusByTitle()).toEqual(before);
    expect(browserMenus.size).toBe(PROMISED.length);
    expect(warnings).not.toHaveBeenCalled();
  });

  it('install and update also bring stored excerpts to the current schema', async () => {
    const v1 = JSON.parse(readFileSync(join(__dirname, '../../fixtures/excerpts/schema-1.json'), 'utf8'));
    await fakeBrowser.storage.local.set(v1);
    await install('update');
    await settle();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.values(stored).filter((r) => (r as { schema?: number }).schema === 2)).toHaveLength(2);
  });

  it('install, toolbar clicks, context menus and commands each have exactly one listener', () => {
    expect(onInstalled.listeners).toHaveLength(1);
    expect(action.onClicked.listeners).toHaveLength(1);
    expect(contextMenus.onClicked.listeners).toHaveLength(1);
    expect(commands.onCommand.listeners).toHaveLength(1);
  });
});

describe('each menu item reaches its feature', () => {
  const page = {
    id: 4,
    index: 2,
    windowId: 1,
    url: 'https://town.example/police/policies.html',
  } as Browser.tabs.Tab;

  it('"Analyse this PDF" on a link opens the viewer for that link in a new tab beside the page', async () => {
    const link = 'https://records.example/Policy%20413.pdf#page=3';
    // Through the one listener, as a click arrives from the browser.
    await contextMenus.onClicked.fire({ menuItemId: ANALYSE_PDF_MENU.id, linkUrl: link }, page);
    await settle();
    expect(createdTabs).toHaveBeenCalledWith({
      url: viewerUrl(fakeBrowser.runtime.getURL('/viewer.html'), link),
      index: 3,
      openerTabId: 4,
    });
    expect(new URL(createdTabs.mock.calls[0]![0].url).searchParams.get('file')).toBe(link);
  });

  it('"Analyse this PDF" on a link of the same site reads the PDF through the page and hands it over', async () => {
    executeScript.mockResolvedValueOnce([{ result: btoa('%PDF-1.4') }]);
    await menuClicked({ menuItemId: ANALYSE_PDF_MENU.id, linkUrl: 'https://town.example/p.pdf' }, page);
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({
        target: { tabId: 4 },
        args: ['https://town.example/p.pdf', expect.any(Number)],
      }),
    );
    const url = new URL(createdTabs.mock.calls[0]![0].url);
    expect(url.searchParams.get('file')).toBe('https://town.example/p.pdf');
    expect(url.searchParams.get('handoff')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('"Save excerpt" on a web page injects the content script, then asks its top frame to save', async () => {
    await contextMenus.onClicked.fire(
      { menuItemId: SAVE_EXCERPT_MENU.id },
      { id: 7, url: 'https://town.example/policy' },
    );
    await settle();
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: ['/content-scripts/content.js'],
    });
    expect(tabMessages).toHaveBeenCalledWith(
      7,
      { type: 'policy-lens/save-selection', tabId: 7 },
      { frameId: 0 },
    );
  });

  it('"Saved excerpts" opens the excerpts page; other contexts may open it at an excerpt', async () => {
    await contextMenus.onClicked.fire({ menuItemId: OPEN_EXCERPTS_MENU.id }, { id: 1 });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'policy-lens/open-excerpts', id: 'abc' },
      {} as never,
      () => undefined,
    );
    await settle();
    expect(createdTabs).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/excerpts.html') });
    expect(createdTabs).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/excerpts.html')}#abc` });
  });

  it('an item of another extension (or an old id) does nothing', async () => {
    await menuClicked({ menuItemId: 'someone-else', linkUrl: 'https://x.example/a.pdf' }, page);
    expect(createdTabs).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('keyboard commands', () => {
  it('the save shortcut in our PDF viewer asks the viewer (an extension page), not a content script', async () => {
    const viewer = fakeBrowser.runtime.getURL('/viewer.html?file=x.pdf');
    await commands.onCommand.fire('save-excerpt', { id: 9, url: viewer });
    await settle();
    expect(executeScript).not.toHaveBeenCalled();
    expect(runtimeMessages).toHaveBeenCalledWith({ type: 'policy-lens/save-selection', tabId: 9 });
  });

  it('next and previous flag ask the tab’s content script to step', async () => {
    await commandIssued('next-flag', { id: 5 } as never);
    await commandIssued('previous-flag', { id: 5 } as never);
    await settle();
    expect(tabMessages).toHaveBeenCalledWith(
      5,
      { type: 'policy-lens/step', direction: 'next' },
      { frameId: 0 },
    );
    expect(tabMessages).toHaveBeenCalledWith(
      5,
      { type: 'policy-lens/step', direction: 'previous' },
      { frameId: 0 },
    );
  });

  it('the commands the background answers are exactly those the manifest declares (besides the toolbar’s)', () => {
    const config = readFileSync(join(__dirname, '../../../wxt.config.ts'), 'utf8');
    const declared = [...config.matchAll(/'([a-z-]+)': \{\s*suggested_key/g)].map((m) => m[1]).sort();
    expect(declared).toEqual(['next-flag', 'previous-flag', 'save-excerpt']);
  });
});

describe('the toolbar button', () => {
  it('on a web page: opens the side panel at once and analyses the page', async () => {
    await action.onClicked.fire({ id: 3, windowId: 2, url: 'https://town.example/policy.html' });
    await settle();
    expect(openSidePanel).toHaveBeenCalledWith({ tabId: 3, windowId: 2 });
    expect(tabMessages).toHaveBeenCalledWith(3, { type: 'policy-lens/report-json' }, { frameId: 0 });
    expect(updatedTabs).not.toHaveBeenCalled();
  });

  it('on a tab whose address is a PDF: the viewer takes the tab, and no page analysis fails on it', async () => {
    executeScript.mockResolvedValue([{ result: null }]);
    const pdf = 'https://town.example/Policy-413.pdf';
    await toolbarClicked({ id: 6, windowId: 2, url: pdf } as never);
    await settle();
    expect(updatedTabs).toHaveBeenCalledWith(6, {
      url: viewerUrl(fakeBrowser.runtime.getURL('/viewer.html'), pdf),
    });
    expect(openSidePanel).not.toHaveBeenCalled();
    expect(tabMessages).not.toHaveBeenCalled();
    expect(action.setBadgeText).not.toHaveBeenCalledWith(expect.objectContaining({ text: '!' }));
  });

  it('on a tab that serves a PDF under another address: found by content type, sent to the viewer', async () => {
    executeScript.mockImplementation(async (details: { func?: unknown }) =>
      details.func ? [{ result: 'application/pdf' }] : [],
    );
    await toolbarClicked({ id: 8, windowId: 2, url: 'https://town.example/DocumentCenter/View/12' } as never);
    await settle();
    expect(updatedTabs).toHaveBeenCalledTimes(1);
    expect(updatedTabs.mock.calls[0]![0]).toBe(8);
    expect(tabMessages).not.toHaveBeenCalled();
  });
});

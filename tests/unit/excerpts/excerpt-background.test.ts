import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  OPEN_MENU_ID,
  SAVE_COMMAND,
  SAVE_MENU_ID,
  setupExcerpts,
} from '../../../src/excerpts/excerpt-background';

/**
 * The background's wiring, with the browser APIs the fake browser does not model (context menus,
 * commands, scripting) replaced by recorders. A real browser cannot click a context menu in a test,
 * so this is where that path is checked.
 */

type Listener = (...args: unknown[]) => unknown;
const events = () => {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => listeners.push(l),
    fire: (...args: unknown[]) => listeners.map((l) => l(...args)),
  };
};

let menus: {
  create: ReturnType<typeof vi.fn>;
  removeAll: ReturnType<typeof vi.fn>;
  onClicked: ReturnType<typeof events>;
};
let commands: { onCommand: ReturnType<typeof events> };
let executeScript: ReturnType<typeof vi.fn>;
let tabMessages: ReturnType<typeof vi.fn>;
let runtimeMessages: ReturnType<typeof vi.fn>;
let created: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  menus = { create: vi.fn(), removeAll: vi.fn(async () => undefined), onClicked: events() };
  commands = { onCommand: events() };
  executeScript = vi.fn(async () => []);
  tabMessages = vi.fn(async () => ({ id: 'x' }));
  runtimeMessages = vi.fn(async () => ({ id: 'y' }));
  created = vi.fn(async () => ({}));
  const fake = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fake.contextMenus = menus;
  fake.commands = commands;
  fake.scripting = { executeScript };
  fake.action = { setTitle: vi.fn(async () => undefined) };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(tabMessages as never);
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(created as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(runtimeMessages as never);
  setupExcerpts();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('setupExcerpts', () => {
  it('creates the menus and upgrades stored excerpts when installed or updated', async () => {
    const v1 = JSON.parse(readFileSync(join(__dirname, '../../fixtures/excerpts/schema-1.json'), 'utf8'));
    await fakeBrowser.storage.local.set(v1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await settle();
    expect(menus.removeAll).toHaveBeenCalled();
    expect(menus.create).toHaveBeenCalledWith({
      id: SAVE_MENU_ID,
      title: 'Save excerpt',
      contexts: ['selection'],
    });
    expect(menus.create).toHaveBeenCalledWith({
      id: OPEN_MENU_ID,
      title: 'Saved excerpts',
      contexts: ['action'],
    });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.values(stored).filter((r) => (r as { schema?: number }).schema === 2)).toHaveLength(2);
  });

  it('"Save excerpt" on a web page injects the content script, then asks its top frame to save', async () => {
    menus.onClicked.fire({ menuItemId: SAVE_MENU_ID }, { id: 7, url: 'https://town.example/policy' });
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

  it('the shortcut in our PDF viewer asks the viewer (an extension page) instead', async () => {
    const viewer = fakeBrowser.runtime.getURL('/viewer.html?file=x.pdf');
    commands.onCommand.fire(SAVE_COMMAND, { id: 9, url: viewer });
    await settle();
    expect(executeScript).not.toHaveBeenCalled();
    expect(runtimeMessages).toHaveBeenCalledWith({ type: 'policy-lens/save-selection', tabId: 9 });
  });

  it('opens the excerpts page from the toolbar menu and for other contexts, at an excerpt', async () => {
    menus.onClicked.fire({ menuItemId: OPEN_MENU_ID }, { id: 1 });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'policy-lens/open-excerpts', id: 'abc' },
      {} as never,
      () => undefined,
    );
    await settle();
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/excerpts.html') });
    expect(created).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/excerpts.html')}#abc` });
  });
});

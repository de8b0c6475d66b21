/**
 * Every context menu item and keyboard command the background answers, in one place. The background
 * (src/background/background-events.ts) creates these menus once, on install and update, and hands each
 * click and command to the feature named here. Features never create menus or listen for clicks
 * themselves: when two features did, the second one's `contextMenus.removeAll()` deleted the first one's
 * "Analyse this PDF" item.
 *
 * No browser API is imported here, so the browser tests can read the same list in Node.
 */

/** The contexts this extension uses (a subset of `contextMenus.ContextType`). */
export type MenuContext = 'link' | 'selection' | 'action';

export interface MenuSpec {
  id: string;
  title: string;
  contexts: readonly [MenuContext, ...MenuContext[]];
  /** For link menus: the link targets the item appears on. */
  targetUrlPatterns?: readonly string[];
}

/**
 * Link targets "Analyse this PDF" appears on: files named .pdf, and the document-centre links many town
 * websites use for their PDFs (CivicPlus "DocumentCenter/View/<id>").
 */
export const PDF_LINK_PATTERNS: readonly string[] = [
  '*://*/*.pdf',
  '*://*/*.PDF',
  '*://*/*.pdf?*',
  '*://*/*.pdf#*',
  '*://*/*DocumentCenter/View/*',
  'file:///*.pdf',
];

export const ANALYSE_PDF_MENU = {
  id: 'policy-lens-analyse-pdf',
  title: 'Analyse this PDF with ICE Policy Lens',
  contexts: ['link'],
  targetUrlPatterns: PDF_LINK_PATTERNS,
} as const satisfies MenuSpec;

export const SAVE_EXCERPT_MENU = {
  id: 'policy-lens-save-excerpt',
  title: 'Save excerpt',
  contexts: ['selection'],
} as const satisfies MenuSpec;

export const OPEN_EXCERPTS_MENU = {
  id: 'policy-lens-open-excerpts',
  title: 'Saved excerpts',
  contexts: ['action'],
} as const satisfies MenuSpec;

/** Every menu the extension has, in the order they are created. */
export const MENUS: readonly MenuSpec[] = [ANALYSE_PDF_MENU, SAVE_EXCERPT_MENU, OPEN_EXCERPTS_MENU];

export type MenuId = typeof ANALYSE_PDF_MENU.id | typeof SAVE_EXCERPT_MENU.id | typeof OPEN_EXCERPTS_MENU.id;

/**
 * Keyboard commands the background handles (declared with their keys in wxt.config.ts). The fourth,
 * `_execute_action`, is the toolbar button's and arrives as a toolbar click.
 */
export const COMMANDS = {
  nextFlag: 'next-flag',
  previousFlag: 'previous-flag',
  saveExcerpt: 'save-excerpt',
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];

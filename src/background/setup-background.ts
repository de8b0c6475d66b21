import { setupExcerpts } from '../excerpts/excerpt-background';
import { setupAnalyzeContract } from '../page/setup-analyze';
import { setupAutoAnalysis } from '../page/setup-auto-analysis';
import { setupPageEngine } from '../page/setup-page-engine';
import { setupToolbar } from '../page/setup-toolbar';
import { setupPdfRouting } from '../pdf/pdf-routing';
import { setupBackgroundEvents } from './background-events';

/**
 * Everything the background worker installs (entrypoints/background.ts calls this once). It holds no
 * logic: install/update, toolbar clicks, context menus and keyboard commands have one listener each in
 * background-events.ts (the menus are listed in menus.ts); each feature adds its other listeners here.
 */
export function setupBackground(): void {
  setupBackgroundEvents();
  // Web pages (the analyze contract, the badge, automatic mode).
  setupToolbar();
  setupAnalyzeContract();
  setupAutoAnalysis();
  // The engine for web pages runs here, off the page's main thread (src/page/setup-page-engine.ts).
  setupPageEngine();
  // PDF viewer (bytes handed over from tabs, the optional redirect of PDF navigations).
  setupPdfRouting();
  // Saved excerpts (opening the excerpts page for content scripts and extension pages).
  setupExcerpts();
}

import { setupExcerpts } from '@/src/excerpts/excerpt-background';
import { setupAnalyzeContract } from '@/src/page/setup-analyze';
import { setupAutoAnalysis } from '@/src/page/setup-auto-analysis';
import { setupPageEngine } from '@/src/page/setup-page-engine';
import { setupToolbar } from '@/src/page/setup-toolbar';
import { setupPdfRouting } from '@/src/pdf/pdf-routing';

// The background is the hub between the toolbar, the tabs and the extension pages. It holds no logic:
// each feature has one setup function, and each adds its own line here. See src/messages.ts.
export default defineBackground(() => {
  // Web pages (the toolbar, the analyze contract, the badge, automatic mode).
  setupToolbar();
  setupAnalyzeContract();
  setupAutoAnalysis();
  // The engine for web pages runs here, off the page's main thread (src/page/setup-page-engine.ts).
  setupPageEngine();
  // PDF viewer (toolbar on PDF tabs, "Analyse this PDF" on links, optional redirect).
  setupPdfRouting();
  // Saved excerpts ("Save excerpt" menu and shortcut, the excerpts page, storage upgrades).
  setupExcerpts();
});

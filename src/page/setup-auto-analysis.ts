import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from './analyse-tab';
import { AUTO_ANALYSIS_KEY, loadAutoAnalysis, originsFor } from './auto-analysis-settings';

const SCRIPT_ID = 'policy-lens-auto';

/**
 * Automatic mode: when the user turned it on AND granted the host permission, the content script is
 * registered for those sites; on each page it runs only its cheap check until a page looks like a
 * police policy about immigration. Re-synced whenever the setting or the permissions change.
 */
export function setupAutoAnalysis(): void {
  const sync = () => void syncRegistration().catch((error: unknown) => console.warn('auto-analysis', error));
  sync();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && AUTO_ANALYSIS_KEY in changes) sync();
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}

async function syncRegistration(): Promise<void> {
  const settings = await loadAutoAnalysis();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  const origins = originsFor(settings);
  if (!settings.enabled || origins.length === 0) return;
  if (!(await browser.permissions.contains({ origins }))) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE.slice(1)],
      matches: origins,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

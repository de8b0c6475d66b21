import { setupPageExcerpts } from '@/src/excerpts/setup-page-excerpts';
import { isMessage, sendToExtension } from '@/src/messages';
import { startWhenPolicyAppears } from '@/src/page/auto-start';
import { announceNewCopy, retireWhenOrphaned } from '@/src/page/orphan-guard';
import { createPolicyLens, type PolicyLensOptions } from '@/src/page/policy-lens';

/**
 * The policy lens in a web page. Not listed in the manifest: the background injects it on demand
 * (toolbar click, `policy-lens/analyze`) with `scripting.executeScript`, and registers it for all or
 * listed sites only when the user turns on automatic analysis.
 *
 * It runs in the extension's isolated world, so page scripts that override globals
 * (Array.prototype, JSON, fetch…) cannot change what it sees; only the DOM is shared.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    // A copy left behind by an extension update steps aside first (it clears the marker too).
    announceNewCopy(document);
    // Injected again by a second toolbar click: the first copy is alive and answers messages.
    const marker = globalThis as { __policyLensLoaded?: boolean };
    if (marker.__policyLensLoaded) return;
    marker.__policyLensLoaded = true;

    const options: PolicyLensOptions = {
      // The engine runs in the background, off this page's main thread (src/page/setup-page-engine.ts).
      analyze: (policyDocument) =>
        sendToExtension({ type: 'policy-lens/analyze-text', document: policyDocument }),
      onStatus: (status) => {
        // A ready report goes as JSON text: far cheaper for this page's thread to send (messages.ts).
        const wire =
          status.status === 'ready'
            ? { status: 'ready' as const, reportJson: JSON.stringify(status.report) }
            : status;
        sendToExtension({ type: 'policy-lens/report-changed', ...wire }).catch(() => {
          // No side panel open and the background asleep: nobody needs to hear it.
        });
      },
    };
    const lens = createPolicyLens(document, options);
    retireWhenOrphaned(document, () => {
      lens.destroy();
      marker.__policyLensLoaded = false;
    });
    // Saved excerpts: the popup's "Save excerpt", save-selection, saved ones shown again.
    setupPageExcerpts(document, lens, options);

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isMessage(message, 'policy-lens/report')) return lens.report();
      if (isMessage(message, 'policy-lens/report-json')) return lens.report().then((r) => JSON.stringify(r));
      if (isMessage(message, 'policy-lens/reveal'))
        return lens.report().then(() => lens.reveal(message.start, message.end, message.open ?? false));
      if (isMessage(message, 'policy-lens/step'))
        return lens.report().then(() => lens.step(message.direction));
      return undefined;
    });

    // Automatic mode injects this on every page of the allowed sites: the cheap check decides whether
    // anything heavier runs. An explicit request (toolbar) asks for the report right after injection.
    startWhenPolicyAppears(document, () => void lens.report().catch(() => undefined));
  },
});

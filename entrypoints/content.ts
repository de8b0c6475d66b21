import type { Report } from '@/src/engine/report';
import { setupPageExcerpts } from '@/src/excerpts/setup-page-excerpts';
import { isMessage, sendToExtension } from '@/src/messages';
import { startWhenPolicyAppears } from '@/src/page/auto-start';
import { announceNewCopy, retireWhenOrphaned } from '@/src/page/orphan-guard';
import { createPolicyLens, type PolicyLensOptions } from '@/src/page/policy-lens';
import { yieldToPage } from '@/src/page/yield-to-page';

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

    let statusSent = Promise.resolve();
    const sendStatus = (
      wire:
        | { status: 'loading' }
        | { status: 'failed'; reason: string }
        | { status: 'ready'; reportJson: string },
    ) =>
      sendToExtension({ type: 'policy-lens/report-changed', ...wire }).catch(() => {
        // No side panel open and the background asleep: nobody needs to hear it.
      });
    // One report is sent twice (side panel and badge, then the reply to whoever asked): made once.
    const json = new WeakMap<Report, string>();
    const jsonOf = (report: Report): string => {
      let text = json.get(report);
      if (text === undefined) {
        text = JSON.stringify(report);
        json.set(report, text);
      }
      return text;
    };

    const options: PolicyLensOptions = {
      // The engine runs in the background, off this page's main thread (src/page/setup-page-engine.ts).
      analyze: (policyDocument) =>
        sendToExtension({ type: 'policy-lens/analyze-text', document: policyDocument }),
      onStatus: (status) => {
        // In order (a later "loading" never overtakes a "ready"), and a ready report as JSON text made
        // in one task and sent in the next: each is 20-35 ms for 5,000 flags on a busy machine, too
        // long together (messages.ts says why JSON text at all).
        statusSent = statusSent.then(async () => {
          if (status.status !== 'ready') return sendStatus(status);
          const reportJson = jsonOf(status.report);
          await yieldToPage();
          return sendStatus({ status: 'ready', reportJson });
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
      if (isMessage(message, 'policy-lens/report-json'))
        return lens.report().then(async (report) => {
          const text = jsonOf(report);
          await yieldToPage();
          return text;
        });
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

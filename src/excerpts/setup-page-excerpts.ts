import { browser } from 'wxt/browser';
import type { PolicyLens, PolicyLensOptions } from '../page/policy-lens';
import { isExcerptMessage } from './excerpt-messages';
import { createPageExcerpts, type PageExcerpts } from './page-excerpts';

/**
 * Wires saved excerpts into the policy lens of a web page (one line in the content script):
 * the popup's "Save excerpt", the context menu / shortcut's save-selection message, and a repaint
 * of saved excerpts after every analysis. `options` is the object the lens was created with; the
 * lens reads its callbacks at call time, so setting them here takes effect.
 */
export function setupPageExcerpts(doc: Document, lens: PolicyLens, options: PolicyLensOptions): PageExcerpts {
  const excerpts = createPageExcerpts(doc, async () => {
    const report = await lens.report();
    const policy = lens.policyText();
    return policy ? { policy, report } : null;
  });

  options.onSave = (flag, policy, report) => excerpts.saveFlag(flag, policy, report);
  const previous = options.onStatus;
  options.onStatus = (status) => {
    previous?.(status);
    if (status.status === 'ready') void excerpts.refresh(); // shows its own errors
  };

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isExcerptMessage(message, 'policy-lens/save-selection')) return excerpts.saveSelection();
    return undefined;
  });
  return excerpts;
}

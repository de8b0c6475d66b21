import { looksLikePolicyPage } from './looks-like-policy';

/** How long a page that does not look like a policy yet is watched for policy text arriving late. */
const WATCH_MS = 15_000;
const DEBOUNCE_MS = 400;

/**
 * Automatic mode on one page: runs `start` now if the cheap check passes; otherwise watches the page
 * for a short while (single-page apps fetch their text after load) and re-checks, debounced, when it
 * changes. Ordinary pages cost one cheap check plus an observer that stops by itself.
 */
export function startWhenPolicyAppears(doc: Document, start: () => void): void {
  if (looksLikePolicyPage(doc)) {
    start();
    return;
  }
  const root = doc.body ?? doc.documentElement;
  if (!root || typeof MutationObserver !== 'function') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!looksLikePolicyPage(doc)) return;
      stop();
      start();
    }, DEBOUNCE_MS);
  });
  const giveUp = setTimeout(() => stop(), WATCH_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(giveUp);
  }
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}

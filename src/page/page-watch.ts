/**
 * Notices pages that change after load (policy text fetched late, single-page apps) and calls back once
 * the changes settle (debounced), and only for changes that could matter: changes inside our own popup
 * and changes we made ourselves (discarded with `ignorePending`) do not count.
 */
export interface PageWatch {
  /** Drops records queued so far: call right after our own DOM edits (the `<mark>` fallback). */
  ignorePending(): void;
  stop(): void;
}

export function watchPage(
  doc: Document,
  options: { relevant: (node: Node) => boolean; onSettled: () => void; delayMs?: number },
): PageWatch {
  const delay = options.delayMs ?? 600;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.some((record) => options.relevant(record.target))) return;
    clearTimeout(timer);
    timer = setTimeout(options.onSettled, delay);
  });
  const root = doc.body ?? doc.documentElement;
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    ignorePending: () => void observer.takeRecords(),
    stop() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}

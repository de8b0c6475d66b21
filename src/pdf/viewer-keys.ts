import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * Keyboard shortcuts of the viewer. Single keys (n, p, /, +, −) only when focus is not in a text
 * field, so typing a password or a search never jumps around.
 */
export function useViewerKeys(handlers: {
  onStep: (direction: 1 | -1) => void;
  onFind: () => void;
  onZoom: (direction: 1 | -1) => void;
  onEscape: () => void;
  enabled: boolean;
}): void {
  useEffect(() => {
    if (!handlers.enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        handlers.onEscape();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key === 'f') {
        // The browser's own find sees only rendered pages; ours searches every page.
        event.preventDefault();
        handlers.onFind();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const actions: Record<string, () => void> = {
        n: () => handlers.onStep(1),
        j: () => handlers.onStep(1),
        p: () => handlers.onStep(-1),
        k: () => handlers.onStep(-1),
        '/': handlers.onFind,
        '+': () => handlers.onZoom(1),
        '=': () => handlers.onZoom(1),
        '-': () => handlers.onZoom(-1),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}

/**
 * The extension's next/previous-flag shortcuts (Alt+Shift+N / Alt+Shift+B by default) reach the
 * background, which forwards them to content scripts; the viewer has none, so it listens itself and
 * acts only when its own tab is the one the shortcut was pressed in.
 */
export function useFlagCommands(onStep: (direction: 1 | -1) => void): void {
  useEffect(() => {
    let ownTabId: number | undefined;
    void browser.tabs.getCurrent().then((tab) => {
      ownTabId = tab?.id;
    });
    const onCommand = (command: string, tab?: { id?: number }) => {
      if (ownTabId === undefined || tab?.id !== ownTabId) return;
      if (command === 'next-flag') onStep(1);
      else if (command === 'previous-flag') onStep(-1);
    };
    browser.commands.onCommand.addListener(onCommand);
    return () => browser.commands.onCommand.removeListener(onCommand);
  }, [onStep]);
}

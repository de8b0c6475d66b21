import { useEffect } from 'preact/hooks';

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

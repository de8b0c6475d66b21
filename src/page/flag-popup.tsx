import { render } from 'preact';
import { adoptStyles } from '../ui/adopt-styles';
import { FlagCard, type FlagCardProps, flagCardCss } from '../ui/flag-card';
import { themeCss } from '../ui/theme';

/**
 * The extension's only UI inside a web page: one host element with a CLOSED shadow root holding the
 * flag popup and a screen-reader live region. The host is reset with `all: initial` through
 * !important inline declarations (these beat even `* { all: unset !important }` in page CSS, and
 * setting them through CSSOM is allowed under a strict style-src CSP); the shadow root keeps the page's
 * selectors out, and our styles never leave it.
 */

export interface FlagPopup {
  /** Shows the card near `anchor` (a viewport rectangle) and moves focus into it. */
  show(props: Omit<FlagCardProps, 'onClose' | 'headingId'>, anchor: DOMRect): void;
  /** Closes the card; focus returns to where it was before the card opened. */
  hide(options?: { restoreFocus?: boolean }): void;
  /** Says `text` to screen readers (polite). */
  announce(text: string): void;
  /** True for a node of the popup (clicks there are not clicks on the page). */
  owns(node: EventTarget | null): boolean;
  readonly isOpen: boolean;
  destroy(): void;
}

const HOST_TAG = 'policy-lens-ui';
const WIDTH = 380;
const GAP = 8;

const popupCss = `
.pl-layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
.pl-dialog { position: absolute; width: ${WIDTH}px; max-width: calc(100vw - 16px); max-height: 70vh; overflow: auto;
  box-shadow: var(--pl-shadow); border-radius: var(--pl-radius); background: var(--pl-surface);
  border: 1px solid var(--pl-border); outline: none; }
.pl-dialog:focus { outline: none; }
/* A card taller than 70vh scrolls: its buttons stay in view at the foot so Next and Save excerpt
   never hide below the fold. The negative margin takes the card's bottom padding. */
.pl-dialog .pl-card-actions { position: sticky; bottom: 0; z-index: 1; margin: 0 0 -12px; padding: 8px 0 12px;
  background: var(--pl-surface); }
.pl-dialog .pl-card-rule { margin-bottom: 2px; }
.pl-dialog[hidden] { display: none; }
.pl-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function setImportant(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

export function createFlagPopup(doc: Document, onClosed?: () => void): FlagPopup {
  const host = doc.createElement(HOST_TAG);
  setImportant(host, {
    all: 'initial',
    display: 'block',
    position: 'absolute',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    overflow: 'visible',
    'z-index': '2147483647',
  });
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow, [themeCss, flagCardCss, popupCss]);
  const layer = doc.createElement('div');
  layer.className = 'pl-layer';
  const dialog = doc.createElement('div');
  dialog.className = 'pl-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-labelledby', 'pl-popup-heading');
  dialog.tabIndex = -1;
  dialog.hidden = true;
  const live = doc.createElement('div');
  live.className = 'pl-live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  layer.append(dialog, live);
  shadow.append(layer);
  // Attached on first use, not here: in automatic mode the content script runs on every page of a site,
  // and a page that is not a policy must be left exactly as it was (bench/page-check.ts checks it).
  const attach = () => {
    if (!host.isConnected) (doc.documentElement ?? doc.body).append(host);
  };

  let open = false;
  let returnFocus: Element | null = null;

  const hide = ({ restoreFocus = true } = {}) => {
    if (!open) return;
    open = false;
    dialog.hidden = true;
    render(null, dialog);
    const target = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (restoreFocus && target?.isConnected && typeof target.focus === 'function')
      target.focus({ preventScroll: true });
    onClosed?.();
  };

  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      hide();
    }
  });

  const place = (anchor: DOMRect) => {
    const view = doc.defaultView ?? window;
    const width = Math.min(WIDTH, view.innerWidth - 2 * GAP);
    const left = Math.max(GAP, Math.min(anchor.left, view.innerWidth - width - GAP));
    dialog.style.maxHeight = '';
    const height = dialog.offsetHeight;
    const below = view.innerHeight - anchor.bottom - 2 * GAP;
    const above = anchor.top - 2 * GAP;
    // Below the passage when it fits, else above; when neither fits, the roomier side, scrolling inside.
    const side = height <= below ? 'below' : height <= above ? 'above' : below >= above ? 'below' : 'above';
    const room = side === 'below' ? below : above;
    if (height > room) dialog.style.maxHeight = `${Math.max(160, room)}px`;
    const shown = Math.min(height, Math.max(160, room));
    const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - shown;
    dialog.style.left = `${left + view.scrollX}px`;
    dialog.style.top = `${top + view.scrollY}px`;
  };

  return {
    show(props, anchor) {
      if (!open) {
        const active = doc.activeElement;
        returnFocus = active && !host.contains(active) ? active : null;
      }
      open = true;
      attach();
      dialog.hidden = false;
      render(<FlagCard {...props} headingId="pl-popup-heading" onClose={() => hide()} />, dialog);
      place(anchor);
      dialog.focus({ preventScroll: true });
    },
    hide,
    announce(text) {
      // Clearing first makes screen readers repeat an identical message (e.g. the same flag twice); the
      // delay also lets a live region attached just now be noticed before its text arrives.
      attach();
      live.textContent = '';
      setTimeout(() => {
        live.textContent = text;
      }, 50);
    },
    owns(node) {
      return node === host || (node instanceof Node && host.contains(node));
    },
    get isOpen() {
      return open;
    },
    destroy() {
      render(null, dialog);
      host.remove();
    },
  };
}

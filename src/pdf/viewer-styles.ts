import { FLASH_HIGHLIGHT_NAME, HIGHLIGHT_NAMES } from '../ui/flag-style';
import { SEARCH_HIGHLIGHT_NAME } from './document-view';

/**
 * The viewer page's own layout and pdf.js's text layer. The text layer rules restate what pdf.js
 * needs (absolutely placed, transparent, scaled spans) instead of importing its whole viewer sheet.
 */
export const viewerCss = `
html, body { margin: 0; height: 100%; overflow: hidden; }
body { background: var(--pl-surface-2); color: var(--pl-text); font: 14px/1.45 var(--pl-font); }
/* Fixed to the window: nothing may scroll the page itself, only the pages and the side column. */
.pl-viewer { display: flex; flex-direction: column; position: fixed; inset: 0; }
.pl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
kbd { font: 12px ui-monospace, Menlo, Consolas, monospace; padding: 0 4px; border: 1px solid var(--pl-border);
  border-radius: 4px; background: var(--pl-surface); }

.pl-toolbar { display: flex; align-items: center; gap: 12px; padding: 8px 12px; background: var(--pl-surface);
  border-bottom: 1px solid var(--pl-border); flex-wrap: wrap; }
.pl-source { display: flex; align-items: center; gap: 8px; min-width: 0; flex: 1 1 320px; }
.pl-logo { font-size: 22px; color: var(--pl-focus); }
.pl-source-text { display: flex; flex-direction: column; min-width: 0; }
.pl-source-name { font-weight: 650; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pl-source-url { font-size: 12px; color: var(--pl-muted); white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; max-width: 48ch; }
.pl-tools { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.pl-tool { font: 600 13px/1 var(--pl-font); color: var(--pl-text); background: var(--pl-surface);
  border: 1px solid var(--pl-border); border-radius: 8px; padding: 7px 10px; cursor: pointer;
  text-decoration: none; white-space: nowrap; }
.pl-tool:hover:not(:disabled) { background: var(--pl-surface-2); }
.pl-tool:disabled { opacity: .45; cursor: default; }
.pl-tool:focus-visible, .pl-page-input:focus-visible, .pl-search input:focus-visible {
  outline: 3px solid var(--pl-focus); outline-offset: 1px; }
.pl-pagenav, .pl-zoom, .pl-search { display: flex; align-items: center; gap: 6px; margin: 0; }
.pl-page-input { width: 4ch; text-align: center; font: 14px var(--pl-font); padding: 5px 4px;
  border: 1px solid var(--pl-border); border-radius: 6px; background: var(--pl-surface); color: var(--pl-text); }
.pl-page-count, .pl-zoom-value, .pl-search-count { color: var(--pl-muted); font-size: 13px;
  font-variant-numeric: tabular-nums; }
.pl-zoom-value { min-width: 4ch; text-align: center; }
fieldset.pl-zoom { border: 0; padding: 0; min-inline-size: auto; }
.pl-search input { width: 18ch; font: 14px var(--pl-font); padding: 6px 8px; border: 1px solid var(--pl-border);
  border-radius: 6px; background: var(--pl-surface); color: var(--pl-text); }

.pl-body { flex: 1; display: flex; min-height: 0; }
.pl-scroller { flex: 1; overflow: auto; position: relative; padding: 16px 0 48px; }
.pl-pages { position: relative; display: flex; flex-direction: column; align-items: center; gap: 14px;
  min-width: min-content; padding: 0 16px; }
.pl-side { flex: 0 0 380px; overflow: auto; border-left: 1px solid var(--pl-border); background: var(--pl-surface);
  padding: 14px; box-sizing: border-box; }
@media (max-width: 900px) { .pl-side { flex-basis: 300px; } }
.pl-keys-hint { font-size: 12px; color: var(--pl-muted); margin: 14px 0 0; }
.pl-side-empty { color: var(--pl-muted); margin: 24px 8px; text-align: center; }

.pl-page-slot { position: relative; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.18), 0 0 0 1px rgba(0,0,0,.04);
  flex: none; --scale-round-x: 1px; --scale-round-y: 1px; }
.pl-page-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.pl-page-loading { position: absolute; inset: 0; display: grid; place-items: center; color: #9aa0a6;
  font-size: 13px; }
.pl-page-error { padding: 24px; color: #c5221f; }

.pl-panel, .pl-progress { max-width: 520px; margin: 24px auto; background: var(--pl-surface);
  border: 1px solid var(--pl-border); border-radius: var(--pl-radius); padding: 18px 20px; box-sizing: border-box; }
.pl-side .pl-progress { margin: 0 0 12px; padding: 12px 14px; }
.pl-panel h2 { margin: 0 0 8px; font-size: 17px; }
.pl-panel p { margin: 0 0 12px; }
.pl-problem { border-top: 5px dashed var(--pl-red); }
.pl-problem h2 { color: var(--pl-red); }
.pl-progress-label { margin: 0 0 8px; font-weight: 600; }
.pl-progress-count { font-weight: 400; color: var(--pl-muted); font-variant-numeric: tabular-nums; }
.pl-progress progress { width: 100%; height: 10px; margin-bottom: 10px; accent-color: var(--pl-focus); }
.pl-password label { display: grid; gap: 4px; font-weight: 600; margin-bottom: 12px; }
.pl-password input { font: 15px var(--pl-font); padding: 8px 10px; border: 1px solid var(--pl-border);
  border-radius: 8px; background: var(--pl-surface); color: var(--pl-text); }
.pl-form-error { color: var(--pl-red); font-weight: 600; }
.pl-form-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.pl-form-actions .pl-button-primary { margin-left: 0; }
a.pl-button { text-decoration: none; display: inline-block; }
.pl-banner { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; margin: 0 0 12px;
  border-radius: 8px; background: var(--pl-mixed-soft); border: 2px dashed var(--pl-mixed); font-size: 13px; }
.pl-banner .pl-icon { color: var(--pl-mixed); margin-top: 2px; }

.pl-popup { position: absolute; z-index: 10; box-shadow: var(--pl-shadow); border-radius: var(--pl-radius);
  max-width: calc(100% - 16px); background: var(--pl-surface); }
.pl-popup:focus { outline: none; }
.pl-popup:focus-visible { outline: 3px solid var(--pl-focus); }

/* A PDF's lines sit as close as its author set them (the text layer has line-height 1 and lines often
   only 1.15 em apart), so the web page's fixed 3 px underlines 3 px below the baseline ran into the next
   line's letters: a double underline is three times its thickness deep. In the viewer the underlines
   scale with the text and stay in the line's own descender space; green is still two lines, red still
   a wave. (Only the underline's geometry changes; inks and tints are the page's.) */
::highlight(${HIGHLIGHT_NAMES.green}) { text-decoration-thickness: 0.07em; text-underline-offset: 0.1em; }
::highlight(${HIGHLIGHT_NAMES.red}), ::highlight(${HIGHLIGHT_NAMES.excerpt}) { text-decoration-thickness: 0.08em;
  text-underline-offset: 0.12em; }
::highlight(${SEARCH_HIGHLIGHT_NAME}) { background-color: rgba(26, 115, 232, 0.28); }
/* A jump flashes the passage in a neutral ink, so a green passage never blinks red. */
::highlight(${FLASH_HIGHLIGHT_NAME}) { background-color: rgba(95, 99, 104, 0.3); }

.textLayer { position: absolute; text-align: initial; inset: 0; overflow: clip; opacity: 1; line-height: 1;
  text-size-adjust: none; forced-color-adjust: none; transform-origin: 0 0; caret-color: CanvasText; z-index: 0;
  --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size));
  --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text;
  transform-origin: 0% 0%; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1;
  --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg;
  transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer ::selection { background: rgba(26, 115, 232, 0.3); }
.textLayer br::selection { background: transparent; }
.hiddenCanvasElement { position: absolute; top: 0; left: 0; width: 0; height: 0; display: none; }
`;

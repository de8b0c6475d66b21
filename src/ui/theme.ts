/**
 * Design tokens for the extension's own UI (popup card, scorecard), as CSS custom properties on `:host`
 * and `:root`. The card lives in a shadow root reset with `all: initial`, so every value it needs is
 * declared here rather than inherited from the page.
 */
export const themeCss = `
:host, :root {
  --pl-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  --pl-text: #1f1f1f;
  --pl-muted: #5f6368;
  --pl-surface: #ffffff;
  --pl-surface-2: #f4f5f7;
  --pl-border: #dadce0;
  --pl-focus: #1a73e8;
  --pl-on-focus: #ffffff;
  --pl-red: #c5221f;
  --pl-red-soft: #fce8e6;
  --pl-green: #137333;
  --pl-green-soft: #e6f4ea;
  --pl-mixed: #8a5a00;
  --pl-mixed-soft: #fef7e0;
  --pl-silent: #5f6368;
  --pl-silent-soft: #f1f3f4;
  --pl-lexipol: #7b3fb5;
  --pl-lexipol-soft: #f3e8fd;
  --pl-radius: 10px;
  --pl-shadow: 0 8px 28px rgba(0, 0, 0, 0.22), 0 2px 6px rgba(0, 0, 0, 0.12);
}
@media (prefers-color-scheme: dark) {
  :host, :root {
    --pl-text: #e8eaed;
    --pl-muted: #a8adb4;
    --pl-surface: #202124;
    --pl-surface-2: #2b2c30;
    --pl-border: #44474c;
    --pl-focus: #8ab4f8;
    --pl-on-focus: #202124;
    --pl-red: #f28b82;
    --pl-red-soft: #3c2120;
    --pl-green: #81c995;
    --pl-green-soft: #1e3326;
    --pl-mixed: #fdd663;
    --pl-mixed-soft: #3a3220;
    --pl-silent: #bdc1c6;
    --pl-silent-soft: #2f3033;
    --pl-lexipol: #d7aefb;
    --pl-lexipol-soft: #33253f;
    --pl-shadow: 0 8px 28px rgba(0, 0, 0, 0.6);
  }
}
`;

/** Which elements the web-page text index (dom-text.ts) skips, and which end a paragraph or a line. */

/** Elements whose text is never policy text a reader sees. */
export const NEVER_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'AUDIO',
  'VIDEO',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'MATH',
]);

export const PAGE_CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
export const PAGE_CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/** Blocks end a paragraph: the segmenter must never join text across them into one sentence. */
export const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'IFRAME',
]);

/** List items and cells end a line, not a paragraph: a list keeps its lead-in ("Officers shall not:"). */
export const LINES = new Set(['LI', 'TD', 'TH']);

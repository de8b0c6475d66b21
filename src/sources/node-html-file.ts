import { readFile } from 'node:fs/promises';
import { type LoadedPolicy, SourceError } from './node-source-error';
import { decodeText } from './node-text-file';

/**
 * An HTML policy page (.html) for the CLI: jsdom parses it (no scripts run, nothing is fetched),
 * @mozilla/readability finds the main content so site navigation and footers stay out, and a
 * block-aware walker turns that content into text.
 *
 * The walker is our own (the web surface's DOM-to-text module did not exist when this was written);
 * it follows the browser's `innerText` (a line break between blocks, a blank line around paragraphs)
 * so that a paragraph, heading or list item never runs into the next one, which is what sentence
 * segmentation depends on.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never shown as text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'svg',
  'SVG',
  'IFRAME',
  'OBJECT',
]);

/** Block elements: a line break before and after, as `innerText` gives them. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
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
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);

/**
 * Paragraphs get a blank line around them, as in `innerText`; so do headings, lists and tables here,
 * unlike `innerText`, so that a heading or the last list item never reads as the hard-wrapped start
 * of the next sentence.
 */
const PARAGRAPHS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'BLOCKQUOTE',
  'PRE',
  'HR',
]);

/** Table cells are separated by a tab within their row. */
const CELLS = new Set(['TD', 'TH']);

interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
}

/**
 * Text of a DOM subtree with block structure kept as line breaks: whitespace inside text collapses
 * to single spaces (except in <pre>), blocks are separated by one newline, paragraphs by a blank line.
 */
export function blockText(root: WalkNode): string {
  const out: string[] = [];
  // Pending breaks are only written before the next text, so there are never trailing or doubled ones.
  let pendingBreaks = 0;
  let atLineStart = true;
  let pendingSpace = false;

  const requireBreaks = (n: number): void => {
    if (out.length > 0) pendingBreaks = Math.max(pendingBreaks, n);
  };
  const write = (text: string): void => {
    if (pendingBreaks > 0) {
      out.push('\n'.repeat(pendingBreaks));
      pendingBreaks = 0;
      atLineStart = true;
      pendingSpace = false;
    }
    if (pendingSpace && !atLineStart) out.push(' ');
    pendingSpace = false;
    out.push(text);
    atLineStart = text.endsWith('\n');
  };

  const walk = (node: WalkNode, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (pre) {
        if (value) write(value);
        return;
      }
      const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
      if (collapsed === ' ' || collapsed === '') {
        if (collapsed === ' ') pendingSpace = true;
        return;
      }
      if (collapsed.startsWith(' ')) pendingSpace = true;
      const trimmed = collapsed.trim();
      write(trimmed);
      if (collapsed.endsWith(' ')) pendingSpace = true;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      write('\n');
      return;
    }
    const breaks = PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0;
    if (breaks) requireBreaks(breaks);
    // A list right after a lead-in ("Officers shall not:") continues that sentence: its items are
    // read with the lead-in, so they are kept on the next line rather than after a blank one.
    if ((name === 'UL' || name === 'OL') && out[out.length - 1]?.endsWith(':')) pendingBreaks = 1;
    if (CELLS.has(name) && !atLineStart && pendingBreaks === 0) write('\t');
    const inPre = pre || name === 'PRE';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child, inPre);
    }
    if (breaks) requireBreaks(breaks);
  };

  walk(root, false);
  return out.join('');
}

/** Main content of an HTML document as text, and its title. */
export async function htmlToPolicyText(
  html: string,
  url: string,
): Promise<{ title: string | null; text: string }> {
  // Imported lazily: jsdom takes a noticeable part of a second to load and .txt/.pdf runs never need it.
  const [{ JSDOM }, { Readability }] = await Promise.all([import('jsdom'), import('@mozilla/readability')]);
  const dom = new JSDOM(html, { url });
  const document = dom.window.document;
  const pageTitle = document.title.trim() || null;
  const fullText = document.body ? blockText(document.body) : '';
  // Readability rewrites the document it is given, so it gets its own copy; the serializer hands back
  // the content node itself instead of an HTML string we would have to parse again.
  const copy = new JSDOM(html, { url }).window.document;
  const article = new Readability<Node>(copy, { serializer: (node) => node }).parse();
  const articleText = article?.content ? blockText(article.content as unknown as WalkNode) : '';
  // Readability can pick a fragment (one column of a table layout) or nothing on short pages; fall
  // back to the whole body when its pick holds less than a fifth of the page's words.
  const text = articleText.length >= fullText.length * 0.2 && articleText.trim() ? articleText : fullText;
  const title = article?.title?.trim() || pageTitle;
  return { title, text };
}

export async function readHtmlFile(file: string): Promise<LoadedPolicy> {
  const html = decodeText(await readFile(file));
  const { title, text } = await htmlToPolicyText(html, 'file:///policy.html');
  if (text.trim().length === 0) throw new SourceError(file, 'has no text');
  return { document: { source: file, title, text }, warnings: [] };
}

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { findContentArea } from '../page/content-area';
import { domToText } from './dom-text';
import { type LoadedPolicy, SourceError } from './node-source-error';
import { decodeText } from './node-text-file';

/**
 * An HTML policy page (.html) for the CLI. jsdom parses it (no scripts run, nothing is fetched); then
 * the web surface's own code picks the content area (`findContentArea`: Readability on a clone, so
 * site navigation, menus and footers stay out) and turns it into text (`domToText`). Using the same
 * two functions as the content script means the CLI and the extension hand the engine the same text
 * for the same page, so their verdicts agree.
 */
export async function htmlToPolicyText(
  html: string,
  url: string,
): Promise<{ title: string | null; text: string }> {
  // Imported lazily: jsdom takes a noticeable part of a second to load and .txt/.pdf runs never need it.
  const { JSDOM } = await import('jsdom');
  const document = new JSDOM(html, { url }).window.document;
  const area = findContentArea(document);
  const { text } = domToText(area.root, { skipPageChrome: area.skipPageChrome });
  const heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  return { title: document.title.trim() || heading || null, text };
}

export async function readHtmlFile(file: string): Promise<LoadedPolicy> {
  const html = decodeText(await readFile(file));
  const { title, text } = await htmlToPolicyText(html, pathToFileURL(file).href);
  if (text.trim().length === 0) throw new SourceError(file, 'has no text');
  return { document: { source: file, title, text }, warnings: [] };
}

import { browser } from 'wxt/browser';
import { pageOf } from '../engine/document';
import type { Flag } from '../engine/report';
import { anchorExcerpt } from './anchor';
import { type ExcerptPlacement, excerptsForDocument, placeExcerpts } from './document-excerpts';
import type { Excerpt } from './excerpt';
import { draftFromFlag, draftFromSelection, type ExcerptDraft } from './excerpt-draft';
import { isExcerptMessage, type SavedSelection } from './excerpt-messages';
import { sectionNear } from './section-near';

/**
 * Saved excerpts in the PDF viewer: the same drafts, placement and messages as on web pages, for a
 * document whose text is its pages joined by PAGE_SEPARATOR (the text the viewer's Report indexes).
 * Excerpts of a PDF are recognised by the pdf.js fingerprint, so a copy opened from a file or
 * another URL still shows them.
 *
 * The viewer wires it (pdf engineer's files): the popup's Save → `savePdfFlag`; the save-selection
 * message → `onSaveSelectionRequest(() => savePdfSelection(...))`; after analysis →
 * `placePdfExcerpts` and paint `placed` as the 'excerpt' highlight kind; list `notFound`.
 */

export interface PdfExcerptDocument {
  /** Pages joined by PAGE_SEPARATOR: the text the Report's offsets index. */
  text: string;
  pageStarts: readonly number[];
  /** The PDF's own URL (not the viewer's), or a file name for a local file. */
  url: string;
  title: string | null;
  /** `pdf.fingerprints[0]` from pdf.js. */
  pdfFingerprint: string | null;
}

const source = (doc: PdfExcerptDocument) => ({
  text: doc.text,
  url: doc.url,
  title: doc.title,
  pdfFingerprint: doc.pdfFingerprint,
});

export function pdfFlagDraft(flag: Flag, doc: PdfExcerptDocument): ExcerptDraft {
  return draftFromFlag(flag, source(doc));
}

/**
 * A draft from text selected on the text layer. pdf.js text layers do not give a clean way back
 * from a DOM selection to our offsets, and their whitespace differs from ours, so the selected text
 * is anchored like a saved excerpt (exact, else fuzzy), near the page it was selected on.
 */
export function pdfSelectionDraft(
  doc: PdfExcerptDocument,
  selected: string,
  page: number | null,
): ExcerptDraft {
  const quote = selected.replace(/\s+/g, ' ').trim();
  if (quote === '') throw new Error('Select the passage you want to save first.');
  const hint = page !== null ? (doc.pageStarts[page - 1] ?? 0) : 0;
  const found = anchorExcerpt(doc.text, {
    quote,
    prefix: '',
    suffix: '',
    start: hint,
    end: hint + quote.length,
  });
  if (!found) throw new Error('The selected text could not be found in the text read from this PDF.');
  return draftFromSelection(source(doc), found.start, found.end, {
    page: pageOf(doc.pageStarts, found.start),
    section: sectionNear(doc.text, found.start),
  });
}

export interface PlacedPdfExcerpts extends ExcerptPlacement {
  /** 1-based page of each placed excerpt's start, same order as `placed`. */
  pages: number[];
}

/** This PDF's saved excerpts re-anchored in its text. */
export function placePdfExcerpts(doc: PdfExcerptDocument, all: readonly Excerpt[]): PlacedPdfExcerpts {
  const placement = placeExcerpts(doc.text, excerptsForDocument(all, doc));
  return { ...placement, pages: placement.placed.map((p) => pageOf(doc.pageStarts, p.start) ?? 1) };
}

/**
 * Answer the background's save-selection request (context menu, shortcut) in the viewer tab. Extension
 * pages hear every runtime message, so the tab id decides which viewer answers.
 */
export function onSaveSelectionRequest(save: () => Promise<SavedSelection>): () => void {
  // Known before any menu click can happen; a synchronous check lets other viewers stay silent
  // (a promise from them, even of nothing, could answer the background first).
  let mine: number | undefined;
  void browser.tabs.getCurrent().then((tab) => {
    mine = tab?.id;
  });
  const listener = (message: unknown) => {
    if (!isExcerptMessage(message, 'policy-lens/save-selection') || message.tabId !== mine) return undefined;
    return save();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Flag } from '../engine/report';
import { PAGE_SEPARATOR } from '../engine/report';
import type { AnalysedPdf } from '../pdf/analyse-pdf';
import { adoptStyles } from '../ui/adopt-styles';
import { ExcerptNotice, excerptNoticeCss } from '../ui/excerpt-notice';
import { HIGHLIGHT_NAMES } from '../ui/flag-style';
import type { Excerpt } from './excerpt';
import { openExcerptsPage } from './excerpt-messages';
import { listExcerpts, onExcerptsChanged, saveExcerpt, updateExcerpt } from './excerpt-store';
import {
  onSaveSelectionRequest,
  type PdfExcerptDocument,
  type PlacedPdfExcerpts,
  pdfFlagDraft,
  pdfSelectionDraft,
  placePdfExcerpts,
} from './pdf-excerpts';
import { textLayerQuoteRange } from './text-layer-range';

/**
 * Saved excerpts in the PDF viewer, as one hook the viewer calls: Save from the flag popup and from a
 * selection (context menu / shortcut), the saved excerpts of this PDF painted in the 'excerpt'
 * highlight on every page as it is rendered, and the corner notice (saved form, not found list).
 */

export interface ViewerExcerptsInput {
  analysed: AnalysedPdf | null;
  pdf: PDFDocumentProxy | null;
  /** The PDF's URL, or the file name of a local file. */
  url: string;
  title: string | null;
}

export interface ViewerExcerpts {
  onSave: (flag: Flag) => void;
  /** Call whenever a page's text layer is (re)painted. Stable across renders. */
  onPagePainted: (page: number) => void;
  notice: preact.JSX.Element;
}

let stylesAdopted = false;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useViewerExcerpts({ analysed, pdf, url, title }: ViewerExcerptsInput): ViewerExcerpts {
  const [placement, setPlacement] = useState<PlacedPdfExcerpts | null>(null);
  const [saved, setSaved] = useState<Excerpt | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Browsers without the Highlight API (Firefox before 140) still save and list excerpts.
  const highlight = useMemo(() => (typeof Highlight === 'function' ? new Highlight() : null), []);
  const byPage = useRef(new Map<number, Range[]>());
  const placementRef = useRef<PlacedPdfExcerpts | null>(null);
  const docRef = useRef<PdfExcerptDocument | null>(null);

  if (!stylesAdopted) {
    adoptStyles(document, [excerptNoticeCss]);
    stylesAdopted = true;
  }

  const doc = useMemo<PdfExcerptDocument | null>(
    () =>
      analysed && pdf
        ? {
            text: analysed.pages.map((p) => p.text).join(PAGE_SEPARATOR),
            pageStarts: analysed.pageStarts,
            url,
            title,
            pdfFingerprint: pdf.fingerprints[0] ?? null,
          }
        : null,
    [analysed, pdf, url, title],
  );
  docRef.current = doc;

  const paintPage = useCallback(
    (page: number) => {
      if (!highlight) return;
      for (const range of byPage.current.get(page) ?? []) highlight.delete(range);
      const current = placementRef.current;
      const d = docRef.current;
      const layer = document.querySelector(`.pl-page-slot[data-page-number="${page}"] .textLayer`);
      if (!current || !d || !layer) return;
      const pageStart = d.pageStarts[page - 1] ?? 0;
      const pageEnd = d.pageStarts[page] ?? d.text.length;
      const ranges: Range[] = [];
      for (const placed of current.placed) {
        const start = Math.max(placed.start, pageStart);
        const end = Math.min(placed.end, pageEnd);
        if (end <= start) continue;
        const quote = d.text.slice(start, end).replace(PAGE_SEPARATOR, ' ').trim();
        const range = quote ? textLayerQuoteRange(layer, quote, start - pageStart) : null;
        if (range) ranges.push(range);
      }
      for (const range of ranges) highlight.add(range);
      byPage.current.set(page, ranges);
    },
    [highlight],
  );

  useEffect(() => {
    if (!highlight) return;
    CSS.highlights.set(HIGHLIGHT_NAMES.excerpt, highlight);
    return () => {
      CSS.highlights.delete(HIGHLIGHT_NAMES.excerpt);
    };
  }, [highlight]);

  useEffect(() => {
    if (!doc) return;
    let live = true;
    const refresh = () =>
      listExcerpts().then(
        (all) => {
          if (!live) return;
          const next = placePdfExcerpts(doc, all);
          placementRef.current = next;
          setPlacement(next);
          for (const page of document.querySelectorAll<HTMLElement>('.pl-page-slot[data-page-number]')) {
            paintPage(Number(page.dataset.pageNumber));
          }
        },
        (e: unknown) => live && setError(message(e)),
      );
    void refresh();
    const stopChanges = onExcerptsChanged(() => void refresh());
    const stopRequests = onSaveSelectionRequest(async () => {
      try {
        const selection = document.getSelection();
        const slot = (selection?.anchorNode?.parentElement ?? null)?.closest<HTMLElement>('.pl-page-slot');
        const page = slot ? Number(slot.dataset.pageNumber) || null : null;
        const excerpt = await saveExcerpt(pdfSelectionDraft(doc, selection?.toString() ?? '', page));
        setSaved(excerpt);
        setError(null);
        return { id: excerpt.id };
      } catch (e) {
        setError(message(e));
        throw e;
      }
    });
    return () => {
      live = false;
      stopChanges();
      stopRequests();
    };
  }, [doc, paintPage]);

  const onSave = useCallback((flag: Flag) => {
    const d = docRef.current;
    if (!d) return;
    void (async () => {
      try {
        const draft = pdfFlagDraft(flag, d);
        const existing = placementRef.current?.placed.find(
          (p) =>
            p.excerpt.quote === draft.quote &&
            p.excerpt.start === draft.start &&
            p.excerpt.rule === draft.rule,
        );
        setSaved(existing?.excerpt ?? (await saveExcerpt(draft)));
        setError(null);
      } catch (e) {
        setError(message(e));
      }
    })();
  }, []);

  const notice = (
    <ExcerptNotice
      saved={saved}
      placed={placement?.placed.length ?? 0}
      notFound={placement?.notFound ?? []}
      error={error}
      onEdit={async (id, edit) => {
        try {
          setSaved(await updateExcerpt(id, edit));
        } catch (e) {
          setError(message(e));
        }
      }}
      onOpenExcerpts={(id) => void openExcerptsPage(id).catch((e: unknown) => setError(message(e)))}
      onCloseSaved={() => setSaved(null)}
    />
  );
  return { onSave, onPagePainted: paintPage, notice };
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findPdfLinks, type PdfLink } from './find-pdf-links';
import { VIEWER_PATH, viewerUrl } from './viewer-url';

/**
 * "PDFs on this page" for the side panel: the PDFs a town page embeds or links to, each with an
 * "Analyse" button that opens it in our viewer. Render `<PdfList tabId={…} />` under the scorecard.
 */

/** Lists a tab's PDFs by running `findPdfLinks` in it (needs the access the analysis already has). */
export async function listPdfsInTab(tabId: number): Promise<PdfLink[]> {
  const results = await browser.scripting.executeScript({ target: { tabId }, func: findPdfLinks });
  return (results[0]?.result as PdfLink[] | undefined) ?? [];
}

export function openPdfInViewer(url: string): void {
  void browser.tabs.create({ url: viewerUrl(browser.runtime.getURL(VIEWER_PATH as '/viewer.html'), url) });
}

/** `refresh`: any value that changes when the tab's page changes (the side panel passes its state). */
export function PdfList(props: { tabId: number; pdfs?: PdfLink[]; refresh?: unknown }) {
  const [pdfs, setPdfs] = useState<PdfLink[] | null>(props.pdfs ?? null);
  useEffect(() => {
    if (props.pdfs) return;
    let live = true;
    listPdfsInTab(props.tabId)
      .then((list) => live && setPdfs(list))
      .catch(() => live && setPdfs([]));
    return () => {
      live = false;
    };
  }, [props.tabId, props.pdfs, props.refresh]);
  return <PdfListView pdfs={pdfs} onAnalyse={openPdfInViewer} />;
}

/** The list itself, separate from how it was found (tests render it with a made-up list). */
export function PdfListView(props: { pdfs: PdfLink[] | null; onAnalyse: (url: string) => void }) {
  const { pdfs } = props;
  if (!pdfs || pdfs.length === 0) return null;
  return (
    <section class="pl-pdf-list" aria-labelledby="pl-pdf-list-heading" data-pdf-count={pdfs.length}>
      {/* Styles travel with the component, so the side panel renders it with one line. */}
      <style>{pdfListCss}</style>
      <h2 id="pl-pdf-list-heading">PDFs on this page</h2>
      <p class="pl-pdf-list-hint">Policies are often attached as PDFs. Open one to check it too.</p>
      <ul>
        {pdfs.map((pdf) => (
          <li key={pdf.url} data-pdf-url={pdf.url}>
            <span class="pl-pdf-name">
              <span class="pl-pdf-kind">{pdf.kind === 'embedded' ? 'Shown on this page' : 'Linked'}</span>
              <span title={pdf.url}>{pdf.label}</span>
            </span>
            <button type="button" class="pl-button" onClick={() => props.onAnalyse(pdf.url)}>
              <span>
                Analyse<span class="pl-visually-hidden"> {pdf.label}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const pdfListCss = `
.pl-pdf-list { margin: 14px 0 0; padding: 12px; border: 1px solid var(--pl-border); border-radius: var(--pl-radius);
  background: var(--pl-surface); font: 13px/1.4 var(--pl-font); color: var(--pl-text); }
.pl-pdf-list h2 { font-size: 14px; margin: 0 0 2px; }
.pl-pdf-list-hint { margin: 0 0 8px; color: var(--pl-muted); font-size: 12px; }
.pl-pdf-list ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.pl-pdf-list li { display: flex; align-items: center; gap: 8px; justify-content: space-between; }
.pl-pdf-name { display: flex; flex-direction: column; min-width: 0; }
.pl-pdf-name > span:last-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pl-pdf-kind { font-size: 11px; color: var(--pl-muted); text-transform: uppercase; letter-spacing: .04em; }
.pl-pdf-list .pl-button { display: inline-flex; align-items: center; gap: 4px; flex: none; }
`;

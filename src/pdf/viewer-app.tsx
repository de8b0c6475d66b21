import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Flag } from '../engine/report';
import { useViewerExcerpts } from '../excerpts/viewer-excerpts';
import { questionInfo } from '../rules/rule-book';
import { passagesInReadingOrder } from '../ui/report-view';
import { Scorecard, type ScorecardState } from '../ui/scorecard';
import type { AnalysedPdf } from './analyse-pdf';
import { exposeForBench, markFirstHighlight } from './bench-hook';
import { DocumentView } from './document-view';
import { EarlyHighlights, warmUpEngine } from './early-highlights';
import { FlagPopup, type PopupPlacement, placeUnder } from './flag-popup';
import { originPattern } from './load-pdf';
import { highlightsSupported } from './named-highlight';
import { PdfSession, type PdfSource, type Phase, sourceName } from './pdf-session';
import { useDocumentSearch } from './use-document-search';
import { useFlagCommands, useViewerKeys } from './viewer-keys';
import {
  ChooseFilePanel,
  NoHighlightsNotice,
  PasswordForm,
  ProblemPanel,
  ProgressPanel,
  TextLayerBanner,
} from './viewer-panels';
import { nextZoom, ViewerToolbar } from './viewer-toolbar';

/** The PDF viewer page: toolbar, pages with highlights, and the scorecard in a side column. */

export interface ViewerAppProps {
  initial: PdfSource | null;
  initialPage: number | null;
}

interface OpenPopup {
  flag: Flag;
  placement: PopupPlacement;
  returnFocus: Element | null;
}

export function ViewerApp({ initial, initialPage }: ViewerAppProps) {
  const [source, setSource] = useState<PdfSource | null>(initial);
  const [phase, setPhase] = useState<Phase>(
    initial ? { name: 'downloading', received: 0, total: null } : { name: 'choose' },
  );
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [analysed, setAnalysed] = useState<AnalysedPdf | null>(null);
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1.25);
  const [popup, setPopup] = useState<OpenPopup | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const pagesHost = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement | null>(null);
  const session = useRef<PdfSession | null>(null);
  const view = useRef<DocumentView | null>(null);
  const search = useDocumentSearch(analysed, view);
  // Stepping visits each passage once per question, even when several rules flagged it.
  const flags = useMemo(
    () => (analysed ? distinctPassages(passagesInReadingOrder(analysed.report)) : []),
    [analysed],
  );
  // Saved excerpts: Save in the popup and on a selection, shown again on this PDF (src/excerpts/).
  const excerpts = useViewerExcerpts({
    analysed,
    pdf,
    url: source?.kind === 'url' ? source.url : (source?.name ?? ''),
    title: analysed?.report.title ?? null,
  });

  useEffect(() => {
    if (!source) return;
    setPdf(null);
    setAnalysed(null);
    setPopup(null);
    warmUpEngine();
    let early: EarlyHighlights | null = null;
    const current = new PdfSession(source, {
      phase: setPhase,
      opened: (doc, firstSize, title) => {
        document.title = `${title ?? sourceName(source)} · ICE Policy Lens`;
        const host = pagesHost.current;
        if (!host || !scroller.current) return;
        early = new EarlyHighlights(doc.numPages, sourceName(source), (report, starts, lengths) =>
          view.current?.setReport(report, starts, lengths),
        );
        const documentView = new DocumentView({
          scroller: scroller.current,
          container: host,
          pdf: doc,
          sizes: [firstSize],
          scale,
          onCurrentPage: setPage,
          onFlagClick: (flag, anchor) => openPopup(flag, anchor),
          onPainted: (painted, count) => {
            excerpts.onPagePainted(painted);
            if (count > 0) markFirstHighlight();
          },
          onPageText: (page, text) => early?.addPage(page, text),
        });
        view.current = documentView;
        documentView.mount();
        if (initialPage) documentView.scrollToPage(Math.min(initialPage, doc.numPages));
        setPdf(doc);
        exposeForBench(doc, source.kind === 'url' ? source.url : source.name);
      },
      analysed: (result) => {
        early?.stop();
        view.current?.updateSizes(result.sizes);
        view.current?.setReport(
          result.report,
          result.pageStarts,
          result.pages.map((p) => p.text.length),
        );
        setAnalysed(result);
      },
    });
    session.current = current;
    void current.run();
    return () => {
      early?.stop();
      view.current?.destroy();
      view.current = null;
      void current.close();
    };
  }, [source]);

  const openPopup = useCallback((flag: Flag, anchor: Range) => {
    const host = pagesHost.current;
    if (!host) return;
    setPopup((old) => ({
      flag,
      placement: placeUnder(anchor, host),
      returnFocus: old?.returnFocus ?? document.activeElement,
    }));
    const where = flag.page ? `, page ${flag.page}` : '';
    setAnnouncement(`${flag.flag === 'red' ? 'Red' : 'Green'} flag, question ${flag.question}${where}.`);
  }, []);

  const closePopup = useCallback(() => {
    setPopup((old) => {
      (old?.returnFocus as HTMLElement | null)?.focus?.();
      return null;
    });
  }, []);

  const revealFlag = useCallback(
    async (flag: Flag) => {
      const range = await view.current?.revealFlag(flag);
      if (range) openPopup(flag, range);
    },
    [openPopup],
  );

  const stepFlag = useCallback(
    (direction: 1 | -1) => {
      if (flags.length === 0) return;
      const at = popup ? indexOfPassage(flags, popup.flag) : -1;
      const index =
        at < 0 ? (direction > 0 ? 0 : flags.length - 1) : (at + direction + flags.length) % flags.length;
      const flag = flags[index];
      if (flag) void revealFlag(flag);
    },
    [flags, popup, revealFlag],
  );

  const zoom = (next: number) => {
    setPopup(null);
    setScale(next);
    view.current?.setScale(next);
  };

  useViewerKeys({
    onStep: stepFlag,
    onFind: () => searchInput.current?.focus(),
    onZoom: (direction) => zoom(nextZoom(scale, direction)),
    onEscape: closePopup,
    enabled: Boolean(pdf),
  });

  useFlagCommands(stepFlag);

  const chooseFile = () => fileInput.current?.click();
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setSource({ kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };
  useEffect(() => {
    // A PDF dropped anywhere on the page opens here, instead of the browser navigating away to it.
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      void openFile(event.dataTransfer?.files[0]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  const allowSite = async () => {
    if (source?.kind !== 'url') return;
    const granted = await browser.permissions.request({ origins: [originPattern(source.url)] });
    if (granted) setSource({ ...source });
  };

  const scorecardState = scorecardStateOf(analysed, phase);
  const position = popup ? indexOfPassage(flags, popup.flag) : -1;
  const lexipolLabel = popup && analysed ? lexipolLabelFor(popup.flag, analysed) : null;

  return (
    <div class="pl-viewer" data-phase={phase.name}>
      <ViewerToolbar
        name={source ? (analysed?.report.title ?? sourceName(source)) : 'ICE Policy Lens'}
        originalUrl={source?.kind === 'url' ? source.url : null}
        page={page}
        pageCount={pdf?.numPages ?? 0}
        onPage={(n) => view.current?.scrollToPage(n)}
        scale={scale}
        onZoom={zoom}
        search={search.state}
        onSearch={search.onSearch}
        onSearchStep={search.stepSearch}
        onOpenFile={chooseFile}
        searchInput={searchInput}
      />
      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        onChange={(event) => void openFile((event.target as HTMLInputElement).files?.[0])}
      />
      <div class="pl-body">
        <main class="pl-scroller" ref={scroller} aria-label="PDF pages">
          {phase.name === 'choose' ? <ChooseFilePanel onChooseFile={chooseFile} /> : null}
          {phase.name === 'downloading' ? (
            <ProgressPanel label="Downloading the PDF…" done={phase.received} total={phase.total} />
          ) : null}
          {phase.name === 'password' ? (
            <PasswordForm
              retry={phase.retry}
              onSubmit={(pw) => session.current?.answerPassword(pw)}
              onCancel={() => session.current?.answerPassword(null)}
            />
          ) : null}
          {phase.name === 'problem' ? (
            <ProblemPanel
              problem={phase.problem}
              originalUrl={source?.kind === 'url' ? source.url : null}
              onAllow={phase.problem.kind === 'needs-permission' ? () => void allowSite() : undefined}
              onRetry={source ? () => setSource({ ...source }) : undefined}
              onChooseFile={chooseFile}
            />
          ) : null}
          <div class="pl-pages" ref={pagesHost}>
            {popup ? (
              <FlagPopup
                flag={popup.flag}
                placement={popup.placement}
                position={position >= 0 ? { index: position + 1, total: flags.length } : undefined}
                lexipolLabel={lexipolLabel}
                onPrevious={() => stepFlag(-1)}
                onNext={() => stepFlag(1)}
                onClose={closePopup}
                onSave={excerpts.onSave}
              />
            ) : null}
          </div>
        </main>
        <aside class="pl-side" aria-label="Scorecard">
          {phase.name === 'reading' ? (
            <ProgressPanel
              label="Reading every page…"
              done={phase.done}
              total={phase.total}
              onCancel={() => session.current?.cancelReading()}
            />
          ) : null}
          {highlightsSupported() ? null : <NoHighlightsNotice />}
          {analysed ? (
            <TextLayerBanner
              noTextLayer={analysed.health.noTextLayer}
              pagesWithoutText={analysed.health.pagesWithoutText}
              pageCount={analysed.pages.length}
            />
          ) : null}
          {phase.name === 'choose' ? (
            <p class="pl-side-empty">
              The scorecard of the guide's seven questions appears here once a PDF is open.
            </p>
          ) : (
            <Scorecard
              state={scorecardState}
              onPassage={(flag) => void revealFlag(flag)}
              questionText={(id) => questionInfo(id).question}
              onRetry={phase.name === 'cancelled' ? () => void session.current?.read(null) : undefined}
            />
          )}
          <p class="pl-keys-hint">
            Keys: <kbd>n</kbd> / <kbd>p</kbd> next / previous flag, <kbd>/</kbd> find, <kbd>+</kbd> /{' '}
            <kbd>−</kbd> zoom, <kbd>Esc</kbd> close.
          </p>
        </aside>
      </div>
      {excerpts.notice}
      <div class="pl-visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function lexipolLabelFor(flag: Flag, analysed: AnalysedPdf): string | null {
  if (flag.start === null) return null;
  const start = flag.start;
  const passage = analysed.report.lexipol.passages.find((p) => p.start <= start && start < p.end);
  return passage?.label ?? null;
}

/** What the scorecard shows in each phase: only the whole-document report ever fills it. */
function scorecardStateOf(analysed: AnalysedPdf | null, phase: Phase): ScorecardState {
  return analysed
    ? { status: 'ready', report: analysed.report }
    : phase.name === 'cancelled'
      ? {
          status: 'failed',
          reason: 'Reading was cancelled before the last page, so there is no scorecard yet.',
        }
      : phase.name === 'problem'
        ? { status: 'failed', reason: `No scorecard: ${phase.problem.title.toLowerCase()}.` }
        : {
            status: 'loading',
            message:
              phase.name === 'reading'
                ? 'The scorecard appears once every page is read.'
                : phase.name === 'password'
                  ? 'The scorecard appears once the PDF is open.'
                  : 'Opening the PDF…',
          };
}

function distinctPassages(flags: Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    const key = `${flag.question}:${flag.start}:${flag.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function indexOfPassage(flags: readonly Flag[], flag: Flag): number {
  return flags.findIndex((f) => f.question === flag.question && f.start === flag.start && f.end === flag.end);
}

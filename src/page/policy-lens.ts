import type { PolicyDocument } from '../engine/document';
import type { Flag, QuestionId, Report } from '../engine/report';
import { createMarkPainter } from '../highlight/mark-painter';
import { installHighlightStyles } from '../highlight/page-style';
import { createHighlightPainter, type Painter, supportsHighlightApi } from '../highlight/painter';
import type { AnalysisStatus, RevealReply } from '../messages';
import { questionInfo } from '../rules/rule-book';
import { type DomPolicyText, domPolicyText, domToText, domToTextInSlices } from '../sources/dom-text';
import { passagesInReadingOrder } from '../ui/report-view';
import { type ContentArea, findContentArea } from './content-area';
import { flagIndexAt, longestPassage } from './flag-at';
import { createFlagPopup, type FlagPopup } from './flag-popup';
import { type PageWatch, watchPage } from './page-watch';
import { paintReport } from './paint-report';
import { rangeRectInTopWindow, scrollRangeIntoView } from './range-geometry';
import { yieldToPage } from './yield-to-page';

/**
 * The policy lens on one web page: reads the page (content area → text index), runs the engine, paints
 * the flags, and answers clicks, keyboard steps and reveals from the side panel. The content script
 * entrypoint only wires this to messages.
 */

export interface PolicyLensOptions {
  /**
   * Runs the engine on the page's text. The content script sends it to the background
   * (`policy-lens/analyze-text`) so a long analysis never blocks the page; the lens itself does not
   * import the engine, which keeps it out of the injected script.
   */
  analyze: (document: PolicyDocument) => Promise<Report>;
  /** Called with every status change (the content script forwards it to the background and side panel). */
  onStatus?: (status: AnalysisStatus) => void;
  /** "Save excerpt" in the popup; the button is hidden when absent (wired by the excerpts feature). */
  onSave?: (flag: Flag, policy: DomPolicyText, report: Report) => void | Promise<void>;
}

export interface PolicyLens {
  /** The current report, analysing first if needed (concurrent callers share one analysis). */
  report(): Promise<Report>;
  /** Re-reads the page and re-analyses (after the page changed). */
  refresh(): Promise<Report>;
  reveal(start: number, end: number, open: boolean): RevealReply;
  step(direction: 'next' | 'previous'): RevealReply;
  /** The page text as indexed for the current report (for excerpts). */
  policyText(): DomPolicyText | null;
  destroy(): void;
}

export function createPolicyLens(doc: Document, options: PolicyLensOptions): PolicyLens {
  const painter: Painter = supportsHighlightApi(doc) ? createHighlightPainter() : createMarkPainter(doc);
  let area: ContentArea | null = null;
  let policy: DomPolicyText | null = null;
  let current: Report | null = null;
  let passages: Flag[] = [];
  let longest = 0;
  let openIndex = -1;
  let pending: Promise<Report> | null = null;
  const painted = new Map<string, Range>();
  let watch: PageWatch | null = null;
  const listening = new Set<Document>();
  const popup: FlagPopup = createFlagPopup(doc, () => {
    openIndex = -1;
  });

  // Each phase runs in its own task, so the page stays responsive between them on long manuals.
  const run = async (): Promise<Report> => {
    const found = timed('content-area', () =>
      area?.root.isConnected && area.via !== 'body' ? area : findContentArea(doc),
    );
    area = found;
    await nextTask();
    // Walked in slices (dom-text.ts): a long manual's walk was one task of 35-60 ms.
    const indexStart = performance.now();
    policy = domPolicyText(
      await domToTextInSlices(found.root, { skipPageChrome: found.skipPageChrome }, yieldToPage),
    );
    performance.measure('policy-lens:text-index', { start: indexStart, end: performance.now() });
    const text = policy.text;
    await nextTask();
    // Styles first: adding ::highlight rules re-styles the whole page (40+ ms on a long manual), which
    // the browser then does in a frame of its own while the engine runs, not inside the paint's task.
    for (const textDoc of documentsOf(policy)) {
      installHighlightStyles(textDoc);
      if (!listening.has(textDoc)) {
        textDoc.addEventListener('click', onClick, true);
        listening.add(textDoc);
      }
    }
    // Measured from request to reply: the engine's time plus the message's round trip.
    const engineStart = performance.now();
    const report = await options.analyze({
      source: doc.location?.href ?? doc.URL,
      title: doc.title || null,
      text,
    });
    performance.measure('policy-lens:engine', { start: engineStart, end: performance.now() });
    await nextTask();
    const indexed = policy;
    // Sliced into short tasks (paint-report.ts); the measure spans them all, pauses included.
    const paintStart = performance.now();
    await paintReport(painter, report, indexed, painted, yieldToPage);
    performance.measure('policy-lens:paint', { start: paintStart, end: performance.now() });
    // Marks split text nodes: index again (same text, new nodes) so ranges and clicks stay right.
    if (painter.mutatesDom)
      policy = domPolicyText(domToText(found.root, { skipPageChrome: found.skipPageChrome }));
    watch ??= watchPage(doc, {
      // Changes inside the content area matter; elsewhere only while no content area was found.
      relevant: (node) =>
        !popup.owns(node) &&
        (!area || area.via === 'body' || !area.root.isConnected || area.root.contains(node)),
      onSettled: () => void analyse(true).catch(() => undefined),
    });
    watch.ignorePending();
    // Let the highlights reach the screen before the report goes out: sending it (to the side panel and
    // the caller) serialises every flag, tens of milliseconds on a long manual, which would otherwise
    // sit between the paint and the frame that shows it.
    await afterNextFrame();
    current = report;
    passages = passagesInReadingOrder(report);
    longest = longestPassage(passages);
    return report;
  };

  /** `quiet`: a re-analysis after a page change; no "loading" state, and news only if the report changed. */
  const analyse = (quiet = false): Promise<Report> => {
    if (pending) return pending;
    if (!quiet) options.onStatus?.({ status: 'loading' });
    const before = current ? fingerprint(current) : '';
    pending = (async () => {
      try {
        // Let the "loading" state reach the side panel before the work starts.
        await nextTask();
        const report = await run();
        if (!quiet || fingerprint(report) !== before) {
          options.onStatus?.({ status: 'ready', report });
          // Sending serialises the whole report (tens of ms with 5,000 flags), and so does the reply to
          // whoever asked for it: two tasks of one send each rather than one long task of both.
          await nextTask();
        }
        return report;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        options.onStatus?.({ status: 'failed', reason });
        throw error instanceof Error ? error : new Error(reason);
      } finally {
        pending = null;
      }
    })();
    return pending;
  };

  const describe = (flag: Flag, index: number): string => {
    const colour = flag.flag === 'red' ? 'Red flag' : 'Green flag';
    return `${colour} ${index + 1} of ${passages.length}, question ${flag.question}: ${questionInfo(flag.question).question}`;
  };

  const lexipolLabelAt = (flag: Flag): string | null => {
    const hit = current?.lexipol.passages.find((p) => p.start < (flag.end ?? 0) && p.end > (flag.start ?? 0));
    return hit ? hit.label : null;
  };

  const openAt = (index: number, focusPopup: boolean): RevealReply => {
    const flag = passages[index];
    const range = flag && policy?.locate(flag.start ?? 0, flag.end ?? 0);
    if (!flag || !range || !current) return null;
    openIndex = index;
    scrollRangeIntoView(range, focusPopup);
    painter.flash(range);
    popup.announce(describe(flag, index));
    if (focusPopup) {
      const info = questionInfo(flag.question);
      const report = current;
      const text = policy;
      popup.show(
        {
          flag,
          questionText: info.question,
          questionTitle: info.title,
          modelLanguage: info.modelLanguage,
          greenCriteria: info.greenCriteria,
          position: { index: index + 1, total: passages.length },
          lexipolLabel: lexipolLabelAt(flag),
          alsoFlagged: alsoFlagged(passages, flag),
          onPrevious: () => openAt((index - 1 + passages.length) % passages.length, true),
          onNext: () => openAt((index + 1) % passages.length, true),
          onSave: options.onSave && text ? (f) => options.onSave?.(f, text, report) : undefined,
        },
        rangeRectInTopWindow(range),
      );
    }
    return { index: index + 1, total: passages.length };
  };

  const onClick = (event: MouseEvent) => {
    if (!policy || passages.length === 0 || popup.owns(event.target)) return;
    const target = event.target as Element | null;
    if (target?.closest?.('a[href], button, input, select, textarea, label, summary')) return;
    // The click's own document: a same-origin frame reports frame coordinates.
    const clickDoc = (event.target as Node | null)?.ownerDocument ?? doc;
    const selection = clickDoc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const offset = offsetAtPoint(clickDoc, policy, event.clientX, event.clientY);
    const index = offset === null ? -1 : flagIndexAt(passages, offset, longest);
    if (index >= 0) openAt(index, true);
    else if (popup.isOpen) popup.hide({ restoreFocus: false });
  };
  doc.addEventListener('click', onClick, true);
  listening.add(doc);

  // Enter with the caret (caret browsing, or after a click) inside a highlighted passage opens its popup,
  // unless the key belongs to a link, a button or a field.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.defaultPrevented || !policy || passages.length === 0) return;
    if (popup.owns(event.target)) return;
    const target = event.target as Element | null;
    if (target?.closest?.('a[href], button, input, select, textarea, [contenteditable], summary')) return;
    const selection = doc.getSelection();
    if (!selection?.anchorNode || !selection.isCollapsed) return;
    const offset = policy.offsetOf(selection.anchorNode, selection.anchorOffset);
    const index = offset === null ? -1 : flagIndexAt(passages, offset, longest);
    if (index < 0) return;
    event.preventDefault();
    openAt(index, true);
  };
  doc.addEventListener('keydown', onKeyDown, true);

  return {
    report: () => (current ? Promise.resolve(current) : analyse()),
    refresh: () => analyse(),
    reveal(start, end, open) {
      const index = passages.findIndex((flag) => flag.start === start && flag.end === end);
      if (index >= 0) return openAt(index, open);
      // Not a flag (e.g. a Lexipol passage): scroll and flash only.
      const range = policy?.locate(start, end);
      if (!range) return null;
      scrollRangeIntoView(range);
      painter.flash(range);
      return { index: 0, total: passages.length };
    },
    step(direction) {
      if (passages.length === 0) return null;
      const from = openIndex >= 0 ? openIndex : direction === 'next' ? -1 : 0;
      const next =
        direction === 'next' ? (from + 1) % passages.length : (from - 1 + passages.length) % passages.length;
      return openAt(next, true);
    },
    policyText: () => policy,
    destroy() {
      for (const listened of listening) listened.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      watch?.stop();
      popup.destroy();
      painter.clear();
    },
  };
}

/** Other questions' flags on exactly the same passage, once per question. */
function alsoFlagged(
  passages: readonly Flag[],
  flag: Flag,
): { question: QuestionId; flag: 'red' | 'green' }[] {
  const seen = new Set<QuestionId>([flag.question]);
  const others: { question: QuestionId; flag: 'red' | 'green' }[] = [];
  for (const other of passages) {
    if (other.start !== flag.start || other.end !== flag.end || seen.has(other.question)) continue;
    seen.add(other.question);
    others.push({ question: other.question, flag: other.flag });
  }
  return others;
}

/** Yields to the page (input, painting) before the next phase. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the next frame has been rendered, or after 100 ms in a hidden tab (which gets no frames). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * Runs one phase of an analysis under a User Timing measure ("policy-lens:engine"…), so benchmarks and
 * the browser's performance panel see where the time goes.
 */
function timed<T>(phase: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`policy-lens:${phase}`, { start, end: performance.now() });
  }
}

/** The documents holding the indexed text: the page and any same-origin frames. */
function documentsOf(policy: DomPolicyText): Set<Document> {
  const docs = new Set<Document>();
  let last: Document | null = null;
  for (const node of policy.nodes) {
    if (node.ownerDocument !== last) {
      last = node.ownerDocument;
      docs.add(last);
    }
  }
  return docs;
}

/** What a reader would see change: verdicts, passages and Lexipol findings. */
function fingerprint(report: Report): string {
  return JSON.stringify([report.questions, report.lexipol, report.chars]);
}

/** The text offset under a viewport point, through the caret APIs (no layout scan of our own). */
function offsetAtPoint(doc: Document, policy: DomPolicyText, x: number, y: number): number | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? policy.offsetOf(position.offsetNode, position.offset) : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? policy.offsetOf(range.startContainer, range.startOffset) : null;
}

import { render } from 'preact';
import type { Flag, Report } from '../engine/report';
import { createHighlightPainter, type Painter, supportsHighlightApi } from '../highlight/painter';
import type { DomPolicyText } from '../sources/dom-text';
import { adoptStyles } from '../ui/adopt-styles';
import { ExcerptNotice, excerptNoticeCss } from '../ui/excerpt-notice';
import { flagCardCss } from '../ui/flag-card';
import { themeCss } from '../ui/theme';
import { anchorExcerpt } from './anchor';
import { type ExcerptPlacement, excerptsForDocument, placeExcerpts } from './document-excerpts';
import type { Excerpt, ExcerptEdit } from './excerpt';
import { draftFromFlag, draftFromSelection, type ExcerptSource } from './excerpt-draft';
import { openExcerptsPage, type SavedSelection } from './excerpt-messages';
import { listExcerpts, onExcerptsChanged, saveExcerpt, updateExcerpt } from './excerpt-store';
import { sectionNear } from './section-near';

/**
 * Saved excerpts on a web page (content script side): save from the popup or from a selection, show
 * the saved ones re-anchored in their own 'excerpt' highlight, and list those that cannot be placed.
 *
 * Only the CSS Custom Highlight API paints excerpts: the <mark> fallback would split the page's text
 * nodes under the policy lens's index. Where it is missing, excerpts are still found and counted.
 */

export interface PageAnalysis {
  policy: DomPolicyText;
  report: Report;
}

export interface PageExcerpts {
  saveFlag(flag: Flag, policy: DomPolicyText, report: Report): Promise<void>;
  saveSelection(): Promise<SavedSelection>;
  /** Re-anchor and repaint (after every analysis and whenever excerpts change in any tab). */
  refresh(): Promise<ExcerptPlacement | null>;
  destroy(): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text offset of a selection boundary, even when it sits between elements (triple-click). */
function boundaryOffset(
  policy: DomPolicyText,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  if (node.nodeType === Node.TEXT_NODE) return policy.offsetOf(node, offset);
  const doc = node.ownerDocument ?? document;
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
  const child = node.childNodes[offset] ?? null;
  const after = texts.filter(
    (t) =>
      child === null ||
      child === t ||
      child.contains(t) ||
      (child.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  const before = texts.filter((t) => !after.includes(t));
  const candidates = edge === 'start' ? after : [...before].reverse();
  for (const t of candidates) {
    const found = policy.offsetOf(t, edge === 'start' ? 0 : t.data.length);
    if (found !== null) return found;
  }
  return null;
}

export function createPageExcerpts(
  doc: Document,
  analysis: () => Promise<PageAnalysis | null>,
): PageExcerpts {
  const painter: Painter | null = supportsHighlightApi(doc) ? createHighlightPainter() : null;
  const host = doc.createElement('policy-lens-excerpts');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow, [themeCss, flagCardCss, excerptNoticeCss]);
  const mount = doc.createElement('div');
  shadow.append(mount);
  let state: { saved: Excerpt | null; placement: ExcerptPlacement | null; error: string | null } = {
    saved: null,
    placement: null,
    error: null,
  };

  const identity = () => ({ url: doc.location?.href ?? doc.URL, pdfFingerprint: null });

  const show = () => {
    if (!host.isConnected) doc.documentElement.append(host);
    render(
      <ExcerptNotice
        saved={state.saved}
        placed={state.placement?.placed.length ?? 0}
        notFound={state.placement?.notFound ?? []}
        error={state.error}
        onEdit={async (id: string, edit: ExcerptEdit) => {
          try {
            state = { ...state, saved: await updateExcerpt(id, edit), error: null };
          } catch (error) {
            state = { ...state, error: message(error) };
          }
          show();
        }}
        onOpenExcerpts={(id) => void openExcerptsPage(id).catch((error) => setError(error))}
        onCloseSaved={() => {
          state = { ...state, saved: null };
          show();
        }}
      />,
      mount,
    );
  };
  const setError = (error: unknown) => {
    state = { ...state, error: message(error) };
    show();
  };

  const place = async (): Promise<ExcerptPlacement | null> => {
    const current = await analysis();
    if (!current) return null;
    const mine = excerptsForDocument(await listExcerpts(), identity());
    const placement = placeExcerpts(current.policy.text, mine);
    const ranges = placement.placed
      .map((p) => current.policy.locate(p.start, p.end))
      .filter((range): range is Range => range !== null);
    painter?.paint('excerpt', ranges);
    state = { ...state, placement };
    if (mine.length > 0 || state.saved || state.error) show();
    return placement;
  };

  /** Errors are shown in the corner (a storage failure must not pass unseen), then resolve to null. */
  const refresh = (): Promise<ExcerptPlacement | null> =>
    place().catch((error: unknown) => {
      setError(error);
      return null;
    });

  const afterSave = async (excerpt: Excerpt) => {
    state = { ...state, saved: excerpt, error: null };
    show();
    await refresh();
  };

  const sourceOf = (policy: DomPolicyText): ExcerptSource => ({
    text: policy.text,
    url: identity().url.split('#')[0] ?? identity().url,
    title: doc.title || null,
  });

  // Only pages already analysed follow changes: a save elsewhere must not start an analysis here.
  const stopWatching = onExcerptsChanged(() => {
    if (state.placement) void refresh();
  });

  return {
    async saveFlag(flag, policy) {
      try {
        const draft = draftFromFlag(flag, sourceOf(policy));
        // Pressing Save twice on one passage should not fill the brief with duplicates.
        const existing = excerptsForDocument(await listExcerpts(), identity()).find(
          (e) => e.quote === draft.quote && e.start === draft.start && e.rule === draft.rule,
        );
        await afterSave(existing ?? (await saveExcerpt(draft)));
      } catch (error) {
        setError(error);
        throw error;
      }
    },
    async saveSelection() {
      try {
        const selection = doc.getSelection();
        const selected = selection?.toString() ?? '';
        if (!selection || selection.rangeCount === 0 || selected.trim() === '') {
          throw new Error('Select the passage you want to save first.');
        }
        const current = await analysis();
        if (!current) throw new Error('This page has no policy text to save from.');
        const { policy, report } = current;
        const range = selection.getRangeAt(0);
        let start = boundaryOffset(policy, range.startContainer, range.startOffset, 'start');
        let end = boundaryOffset(policy, range.endContainer, range.endOffset, 'end');
        if (start === null || end === null || end <= start) {
          // A selection reaching outside the indexed content: find its text instead.
          const quote = selected.trim();
          const found = anchorExcerpt(policy.text, {
            quote,
            prefix: '',
            suffix: '',
            start: 0,
            end: quote.length,
          });
          if (!found) throw new Error('The selected text is not part of the policy text on this page.');
          ({ start, end } = found);
        }
        while (start < end && /\s/.test(policy.text.charAt(start))) start++;
        while (end > start && /\s/.test(policy.text.charAt(end - 1))) end--;
        if (end <= start) throw new Error('The selection holds no text to save.');
        // A selection inside a flagged passage most likely is about the same question.
        const flag = report.questions
          .flatMap((q) => q.flags)
          .find((f) => f.start !== null && f.end !== null && f.start < end! && f.end > start!);
        const excerpt = await saveExcerpt(
          draftFromSelection(sourceOf(policy), start, end, {
            section: flag?.section ?? sectionNear(policy.text, start),
            question: flag?.question ?? null,
          }),
        );
        await afterSave(excerpt);
        return { id: excerpt.id };
      } catch (error) {
        setError(error);
        throw error;
      }
    },
    refresh,
    destroy() {
      stopWatching();
      painter?.clear();
      render(null, mount);
      host.remove();
    },
  };
}

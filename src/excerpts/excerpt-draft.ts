import type { Flag, QuestionId } from '../engine/report';
import { guessTown } from './town';

/**
 * What a surface (the flag popup, a text selection, the PDF viewer) hands over to save an excerpt.
 * Offsets index the PolicyText's text, the same text the Report's offsets index, so a saved excerpt
 * can be re-anchored through the same source later (the position is only a hint; the quote and its
 * context are what find it again).
 */
export interface ExcerptDraft {
  /** The passage, exactly `text.slice(start, end)` when saved (W3C TextQuoteSelector `exact`). */
  quote: string;
  /** About CONTEXT_CHARS characters before and after the quote (TextQuoteSelector prefix/suffix). */
  prefix: string;
  suffix: string;
  /** Offsets in the PolicyText's text (W3C TextPositionSelector). */
  start: number;
  end: number;
  /** 1-based PDF page, or null for a web page. */
  page: number | null;
  /** pdf.js fingerprint of the PDF the passage came from, so a renamed copy is still recognised. */
  pdfFingerprint: string | null;
  url: string;
  title: string | null;
  /** Section number or heading nearest before the passage. */
  section: string | null;
  /** Town or department; guessed from the title or URL, editable by the user. */
  town: string | null;
  question: QuestionId | null;
  /** 'note' when the user saves a passage without judging it red or green. */
  flag: 'red' | 'green' | 'note';
  rule: string | null;
  explanation: string | null;
  note: string;
}

/** Context kept on each side of the quote: enough to tell repeated phrases apart. */
export const CONTEXT_CHARS = 32;

/** Where the passage was read: the PolicyText's text and the document it came from. */
export interface ExcerptSource {
  text: string;
  url: string;
  title: string | null;
  pdfFingerprint?: string | null;
}

/** Quote, context and offsets of `text[start, end)`. Throws on offsets outside the text. */
export function quoteAt(
  text: string,
  start: number,
  end: number,
): Pick<ExcerptDraft, 'quote' | 'prefix' | 'suffix' | 'start' | 'end'> {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Excerpt offsets ${start}..${end} are outside the text (length ${text.length}).`);
  }
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

/**
 * A draft from a Report flag (the popup's "Save excerpt"). Absence flags ("the policy says nothing
 * about 287(g)") have no passage to quote, so they cannot become excerpts: this throws for them and
 * surfaces should not offer to save them.
 */
export function draftFromFlag(flag: Flag, source: ExcerptSource, note = ''): ExcerptDraft {
  if (flag.absence || flag.start === null || flag.end === null) {
    throw new Error('An absence flag has no passage to save as an excerpt.');
  }
  return {
    ...quoteAt(source.text, flag.start, flag.end),
    page: flag.page,
    pdfFingerprint: source.pdfFingerprint ?? null,
    url: source.url,
    title: source.title,
    section: flag.section,
    town: guessTown(source.title, source.url),
    question: flag.question,
    flag: flag.flag,
    rule: flag.rule,
    explanation: flag.explanation,
    note,
  };
}

/** A draft from text the user selected (context menu, shortcut): not judged yet, so a 'note'. */
export function draftFromSelection(
  source: ExcerptSource,
  start: number,
  end: number,
  extra: Partial<Pick<ExcerptDraft, 'page' | 'section' | 'question' | 'flag' | 'note'>> = {},
): ExcerptDraft {
  return {
    ...quoteAt(source.text, start, end),
    page: extra.page ?? null,
    pdfFingerprint: source.pdfFingerprint ?? null,
    url: source.url,
    title: source.title,
    section: extra.section ?? null,
    town: guessTown(source.title, source.url),
    question: extra.question ?? null,
    flag: extra.flag ?? 'note',
    rule: null,
    explanation: null,
    note: extra.note ?? '',
  };
}

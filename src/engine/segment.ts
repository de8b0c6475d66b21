/**
 * Segmentation: cuts normalised policy text into the units rules read — sentences, list items and
 * headings — and records for each its list lead-in, its section and its clauses.
 *
 * Lines first: a blank line always ends a unit; a single line break is a hard wrap inside a sentence
 * unless the next line opens a list item, a heading or a numbered section. Then sentences inside each
 * paragraph or item, minding abbreviations ("8 U.S.C. § 1373", "Lunn v. Commonwealth", "Sec. 12").
 * Lists: a unit ending with ":" leads the items that follow (marked "(a)", "1.", "iv)", "•" …, or
 * unmarked lines after the colon, as PDFs often lose bullets), also inline ("shall not: (a) …; (b) …").
 */

import { headingOf, numberedTitleOf, shortLabel } from './segment-headings';
import { inlineListAt, type MarkerSearch } from './segment-inline-lists';
import {
  endsWithItemBreak,
  isItemLength,
  isLabelLike,
  looksHardWrapped,
  readsAsItem,
} from './segment-lead-ins';
import { linesOf } from './segment-line-table';
import { headingCase, type ListMarker, listMarkerAt, sectionNumberAt } from './segment-lines';
import { chooseReading, type ListLevel, levelOf, trimConnector } from './segment-lists';
import { SentenceScanner } from './segment-sentences';

export type SegmentKind = 'sentence' | 'item' | 'heading';
export interface Segment {
  start: number; // normalised offsets; trimmed (no leading/trailing whitespace, no list marker like "(a)" / "1." / "•")
  end: number; // exclusive
  kind: SegmentKind;
  /** For a list item: index (in the returned array) of its lead-in sentence ("Officers shall not:"), else -1. */
  leadIn: number;
  /** Nearest section number or heading before it, short: "413.4", "Sec. 12", "IMMIGRATION DETAINERS"; else null. */
  section: string | null;
  /** Clause start offsets inside the segment (first === start): split after ";" and before ", but" / ", nor" /
   *  ", however" / ", except that" / "; provided" — used to give each clause its own sentence kind. */
  clauses: number[];
}

interface Block {
  start: number;
  end: number;
  item: boolean;
  leadIn: number;
  /** Opened after a lead-in without markers: the next capitalised line is the next item. */
  unmarked: boolean;
  /** Unmarked items whose lead-in came before a blank line (a web page's <ul>): every line opens an
   *  item, up to the next blank line, even after an item that ends a sentence. */
  grouped: boolean;
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

const endsSentence = (c: number) => c === 0x2e || c === 0x3f || c === 0x21 || c === 0x3a || c === 0x3b;

function isUpperStart(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  return ch !== ch.toLowerCase();
}

export function segment(text: string): Segment[] {
  const segments: Segment[] = [];
  const scanner = new SentenceScanner(text);
  const markerSearches = new Map<string, MarkerSearch>();
  const lines = linesOf(text);
  let section: string | null = null;
  let levels: ListLevel[] = [];
  let block: Block | null = null;
  /** Index of the segment that ended the last block with ":", or -1. */
  let leadIn = -1;
  let leadInIsItem = false;
  /** The last item block and its lead-in (-1 if the last block was no led item): if the item ended
   *  with ";" (or "; or"), its list goes on after a blank line. Checked only when a blank line comes. */
  let listGoesOn = -1;
  let lastItem: Block | null = null;

  const push = (start: number, end: number, kind: SegmentKind, lead: number): number => {
    let a = start;
    let b = end;
    while (a < b && isWhite(text.charCodeAt(a))) a++;
    while (b > a && isWhite(text.charCodeAt(b - 1))) b--;
    if (kind === 'item') b = trimConnector(text, a, b);
    if (a >= b) return -1;
    segments.push({ start: a, end: b, kind, leadIn: lead, section, clauses: scanner.clauseStarts(a, b) });
    return segments.length - 1;
  };

  /** Sentences (and inline lists) of [from, to), as `kind` units led by `lead`. */
  const emitSentences = (from: number, to: number, kind: 'sentence' | 'item', lead: number) => {
    let last = -1;
    for (let pos = from; pos < to; ) {
      while (pos < to && isWhite(text.charCodeAt(pos))) pos++;
      if (pos >= to) break;
      const end = scanner.sentenceEnd(pos, to);
      const colon = scanner.firstColon;
      const inline = colon >= 0 ? inlineListAt(scanner, markerSearches, colon, end, to) : null;
      if (inline) {
        const head = push(pos, inline.colon + 1, kind, lead);
        for (const item of inline.items) last = push(item.start, item.end, 'item', head >= 0 ? head : lead);
        pos = inline.items[inline.items.length - 1]?.end ?? end;
        continue;
      }
      last = push(pos, end, kind, lead);
      pos = end;
    }
    return last;
  };

  const closeBlock = () => {
    if (!block) return;
    const current = block;
    block = null;
    if (current.start < 0) return;
    const before = segments.length;
    const last = emitSentences(
      current.start,
      current.end,
      current.item ? 'item' : 'sentence',
      current.leadIn,
    );
    listGoesOn = current.item ? current.leadIn : -1;
    lastItem = current;
    const lastSeg = last >= 0 ? segments[last] : undefined;
    if (lastSeg && text.charCodeAt(lastSeg.end - 1) === 0x3a && segments.length - before >= 1) {
      leadIn = last;
      leadInIsItem = current.item;
    } else {
      leadIn = -1;
    }
  };

  const openItem = (
    marker: ListMarker | null,
    start: number,
    lineEnd: number,
    unmarkedLead = -1,
    grouped = false,
  ) => {
    const unmarked = !marker;
    let lead = unmarked && leadIn < 0 ? unmarkedLead : leadIn;
    if (marker) {
      const reading = chooseReading(marker.readings, levels, leadIn >= 0 && leadInIsItem);
      const level = levelOf(levels, reading.style);
      if (level >= 0 && !(leadIn >= 0 && leadInIsItem && levels[level]!.ordinal + 1 !== reading.ordinal)) {
        levels = levels.slice(0, level + 1);
        lead = levels[level]!.leadIn;
        levels[level]!.ordinal = reading.ordinal;
      } else {
        if (leadIn >= 0 && !leadInIsItem) levels = [];
        lead = leadIn >= 0 ? leadIn : (levels[levels.length - 1]?.leadIn ?? -1);
        levels.push({ style: reading.style, ordinal: reading.ordinal, leadIn: lead });
      }
    }
    leadIn = -1;
    listGoesOn = -1;
    block = {
      start: start < lineEnd ? start : -1,
      end: lineEnd,
      item: true,
      leadIn: lead,
      unmarked,
      grouped,
    };
  };

  const openParagraph = (start: number, end: number) => {
    levels = [];
    leadIn = -1;
    listGoesOn = -1;
    block = { start, end, item: false, leadIn: -1, unmarked: false, grouped: false };
  };

  /**
   * The lead-in that an unmarked line after a blank line continues, or -1: a lead-in's list (unless
   * the lead-in is a label such as "Procedure:" and the line reads like a paragraph), or a list whose
   * last item ended with ";".
   */
  const leadInAcrossBlank = (lineStart: number, lineEnd: number): number => {
    if (!isItemLength(lineStart, lineEnd)) return -1;
    const lead = leadIn >= 0 ? segments[leadIn] : undefined;
    if (lead) {
      return readsAsItem(text, lineStart, lineEnd) || !isLabelLike(text, lead.start, lead.end) ? leadIn : -1;
    }
    return listGoesOn >= 0 && lastItem && endsWithItemBreak(text, lastItem.start, lastItem.end)
      ? listGoesOn
      : -1;
  };

  for (let j = 0; j < lines.count; j++) {
    const lineStart = lines.starts[j]!;
    const lineEnd = lines.ends[j]!;
    const blankBefore = lines.blankBefore[j] === 1;
    const prevEnd = j > 0 ? lines.ends[j - 1]! : -1;
    const nextStart = j + 1 < lines.count ? lines.starts[j + 1]! : -1;
    const nextBlank = j + 1 < lines.count && lines.blankBefore[j + 1] === 1;
    const prevSegment = segments[segments.length - 1];
    const afterHeading = !block && prevSegment?.kind === 'heading' && prevSegment.end === prevEnd;
    const inGroup = !blankBefore && (block as Block | null)?.grouped === true;
    const unitMayStart =
      prevEnd < 0 || blankBefore || afterHeading || endsSentence(text.charCodeAt(prevEnd - 1));

    const marker = listMarkerAt(text, lineStart, lineEnd);
    const sectionNo = marker ? null : sectionNumberAt(text, lineStart, lineEnd);
    let heading =
      unitMayStart || sectionNo
        ? headingOf(
            text,
            lineStart,
            lineEnd,
            nextBlank ? -1 : nextStart,
            marker,
            sectionNo,
            levels.length > 0 || leadIn >= 0,
            leadIn >= 0 || inGroup || (prevEnd > 0 && text.charCodeAt(prevEnd - 1) === 0x3a),
          )
        : null;
    // After an unfinished line only a numbered title is surely a heading ("413.8 TRAINING", "Policy 749
    // Communications Center"); "413.8 of this manual" is not.
    if (heading && !unitMayStart && heading.kind === 'other') heading = null;
    // "2. Immigration status" alone between blank lines, outside any list: a web page's numbered <h2>.
    const alone = blankBefore && (nextBlank || nextStart < 0) && leadIn < 0 && levels.length === 0;
    if (!heading && marker && alone) heading = numberedTitleOf(text, marker, lineStart, lineEnd);

    if (heading) {
      closeBlock();
      // An ALL CAPS heading wrapped over two lines is one heading.
      if (
        afterHeading &&
        prevSegment &&
        !blankBefore &&
        heading.kind === 'caps' &&
        !marker &&
        !sectionNo &&
        headingCase(text, prevSegment.start, prevSegment.end) === 'caps'
      ) {
        if (prevSegment.section === shortLabel(text.slice(prevSegment.start, prevSegment.end))) {
          section = shortLabel(text.slice(prevSegment.start, lineEnd).replace(/\s+/g, ' '));
          prevSegment.section = section;
        }
        prevSegment.end = lineEnd;
        prevSegment.clauses = new SentenceScanner(text).clauseStarts(prevSegment.start, prevSegment.end);
        continue;
      }
      section = heading.label;
      push(lineStart, lineEnd, 'heading', -1);
      levels = [];
      leadIn = -1;
      listGoesOn = -1;
      continue;
    }
    if (marker) {
      closeBlock();
      openItem(marker, marker.textStart, lineEnd);
      continue;
    }
    if (sectionNo?.numeric && unitMayStart) {
      closeBlock();
      section = sectionNo.label;
      openParagraph(sectionNo.textStart, lineEnd);
      continue;
    }
    const current = block as Block | null;
    if (current && !blankBefore) {
      if (current.start < 0) current.start = lineStart;
      const prevChar = text.charCodeAt(current.end - 1);
      const upper = isUpperStart(text, lineStart);
      if (upper && prevChar === 0x3a) {
        // "... any of the following:" then a capitalised line: items whose bullets the PDF lost.
        closeBlock();
        if (leadIn >= 0) openItem(null, lineStart, lineEnd, -1, current.grouped);
        else openParagraph(lineStart, lineEnd);
        continue;
      }
      const finished = prevChar === 0x2e || prevChar === 0x3f || prevChar === 0x21;
      // In a list after a blank line a capital opens the next item, unless the line before was cut by a
      // hard wrap (a text file's paragraph read as one item).
      const wrapped = current.grouped && looksHardWrapped(text, lines.starts[j - 1]!, prevEnd);
      if (
        (current.unmarked && upper && !wrapped) ||
        (current.grouped && endsWithItemBreak(text, current.start, current.end))
      ) {
        closeBlock();
        if (finished && !current.grouped) openParagraph(lineStart, lineEnd);
        else openItem(null, lineStart, lineEnd, current.leadIn, current.grouped);
        continue;
      }
      if (current.item && finished && upper) {
        // PDF text has no blank lines: after an item that ends a sentence at the end of a line, a new
        // capitalised sentence is taken for the paragraph after the list. Reading it as more of the
        // item would lend it the lead-in ("Officers shall not:") and could turn "may" into "shall not".
        closeBlock();
        openParagraph(lineStart, lineEnd);
        continue;
      }
      current.end = lineEnd;
      continue;
    }
    closeBlock();
    const carried = blankBefore ? leadInAcrossBlank(lineStart, lineEnd) : -1;
    if (carried >= 0) openItem(null, lineStart, lineEnd, carried, true);
    else openParagraph(lineStart, lineEnd);
  }
  closeBlock();
  return segments;
}

/**
 * Is a line a heading, and what short section label does it give the units under it? A heading is a
 * short line without a sentence's final punctuation, in ALL CAPS or Title Case, or led by a section
 * number ("413.4 Immigration detainers"); the segmenter decides where one may stand.
 */
import { isNumberedTitle } from './segment-lead-ins';
import { type HeadingCase, headingCase, type ListMarker, type SectionNumber } from './segment-lines';

const MAX_SECTION_LABEL = 60;

/** A section label short enough to show beside a flag: cut at a word. */
export function shortLabel(label: string): string {
  if (label.length <= MAX_SECTION_LABEL) return label;
  const cut = label.lastIndexOf(' ', MAX_SECTION_LABEL);
  return label.slice(0, cut > 20 ? cut : MAX_SECTION_LABEL);
}

/** Markers whose item could instead be a numbered heading ("I. PURPOSE", "A. Detainers", "1. Definitions"). */
function mayNumberHeading(marker: ListMarker): boolean {
  return marker.readings.some((r) => r.kind === 'upper' || r.kind === 'ROMAN' || r.kind === 'number');
}

function isLowerStart(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  return ch !== ch.toUpperCase();
}

/** A heading on this line, with its section label, or null. */
export function headingOf(
  text: string,
  lineStart: number,
  lineEnd: number,
  /** Start of the next line if no blank line comes between, else -1. */
  nextStart: number,
  marker: ListMarker | null,
  sectionNo: SectionNumber | null,
  inList: boolean,
  afterColon: boolean,
): { label: string; kind: HeadingCase } | null {
  if (marker && !mayNumberHeading(marker)) return null;
  const textStart = marker?.textStart ?? sectionNo?.textStart ?? lineStart;
  if (textStart >= lineEnd) return sectionNo ? { label: sectionNo.label, kind: 'caps' } : null;
  const kind = headingCase(
    text,
    textStart,
    lineEnd,
    sectionNo?.numeric === true || sectionNo?.setApart === true,
  );
  if (!kind) return null;
  if (kind === 'other' && !sectionNo?.numeric && !sectionNo?.setApart) return null;
  // Inside a list a marked line is an item, unless it is an ALL CAPS title ("II. DETAINERS"); right
  // after a lead-in colon a Title Case line is an item whose bullet was lost, not a heading.
  if (kind !== 'caps' && ((marker && inList) || (afterColon && !sectionNo?.numeric))) return null;
  // A short capitalised line followed by a lowercase one is the start of a wrapped sentence.
  if (kind !== 'caps' && nextStart >= 0 && isLowerStart(text, nextStart)) return null;
  const label = sectionNo?.label ?? shortLabel(text.slice(lineStart, lineEnd));
  return { label, kind };
}

/**
 * A numbered line that stands alone between blank lines outside any list ("2. Immigration status", a
 * web page's numbered <h2>) as a heading, if its words are a title rather than a statement.
 */
export function numberedTitleOf(
  text: string,
  marker: ListMarker,
  lineStart: number,
  lineEnd: number,
): { label: string; kind: HeadingCase } | null {
  if (marker.readings[0]?.kind !== 'number' || !isNumberedTitle(text, marker.textStart, lineEnd)) return null;
  return { label: shortLabel(text.slice(lineStart, lineEnd)), kind: 'other' };
}

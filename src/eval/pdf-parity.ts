import type { Report } from '../engine/report';

/**
 * "The same policy gives the same findings as text and as a PDF": the layout a policy manual has on
 * paper, and the comparison of the two reports. Pure; `npm run eval -- --as-pdf` and the tests use it.
 */

export const RUNNING_HEAD = 'Town of Example Police Department | Policy Manual';
export const RUNNING_FOOT = 'Immigration Policy - Page {page} of {pages}';
const LINE_WIDTH = 88;
const LINES_PER_PAGE = 46;

export interface ManualLayout {
  pages: string[][];
  header: string;
  footer: string;
}

/** Hard-wraps one line at the margin, breaking long words with a hyphen as a typesetter would. */
function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      // A long word is split across the line end with a hyphen, as justified manuals do.
      const room = width - current.length - 2;
      if (word.length >= 10 && room >= 4 && /^[a-z]+$/i.test(word.slice(0, room))) {
        out.push(`${current} ${word.slice(0, room)}-`);
        current = word.slice(room);
        continue;
      }
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/** The text as manual pages: each line hard-wrapped, blank lines kept, a fixed number of lines a page. */
export function manualLayout(text: string): ManualLayout {
  const lines = text.split('\n').flatMap((line) => (line.trim() ? wrapLine(line.trim(), LINE_WIDTH) : ['']));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  return { pages, header: RUNNING_HEAD, footer: RUNNING_FOOT };
}

/** A passage's words, without line ends, hyphenation at line ends, page heads and feet. */
export function passageWords(quote: string): string {
  return quote
    .replace(/Town of Example Police Department \| Policy Manual/g, ' ')
    .replace(/Immigration Policy - Page \d+ of \d+/g, ' ')
    .replace(/([a-z])-\s*\n\s*(?=[a-z])/gi, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9§]+/g, ' ')
    .trim();
}

function findingsOf(report: Report | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!report) return out;
  for (const q of report.questions) {
    for (const f of q.flags) {
      if (f.absence) continue;
      out.set(
        `Q${q.id} ${f.flag} ${passageWords(f.quote)}`,
        `Q${q.id} ${f.flag} "${f.quote.replace(/\s+/g, ' ').slice(0, 100)}"`,
      );
    }
  }
  return out;
}

/** Every verdict and passage on which the PDF's report differs from the text's, in words. */
export function compareFindings(fromText: Report | null, fromPdf: Report | null): string[] {
  const diffs: string[] = [];
  if ((fromText === null) !== (fromPdf === null)) {
    diffs.push(
      fromText
        ? 'the PDF was refused as not a policy, the text was not'
        : 'the text was refused, the PDF was not',
    );
  }
  for (let q = 1; q <= 7; q++) {
    const a = fromText?.questions.find((x) => x.id === q)?.verdict ?? 'none';
    const b = fromPdf?.questions.find((x) => x.id === q)?.verdict ?? 'none';
    if (a !== b) diffs.push(`Q${q} verdict: text ${a}, PDF ${b}`);
  }
  const a = findingsOf(fromText);
  const b = findingsOf(fromPdf);
  for (const [key, shown] of a) if (!b.has(key)) diffs.push(`only in the text: ${shown}`);
  for (const [key, shown] of b) if (!a.has(key)) diffs.push(`only in the PDF:  ${shown}`);
  return diffs;
}

import type { Excerpt } from './excerpt';
import { townOf } from './town-brief';

/**
 * One row per excerpt for spreadsheets. RFC 4180: CRLF between records, a field in double quotes when
 * it holds a comma, quote or line break, quotes doubled. Spreadsheets run a cell that starts with
 * = + - @ (or tab/CR) as a formula, and policy text can start that way ("- Officers may…"), so such
 * cells get a leading apostrophe (the OWASP advice against CSV injection).
 */

const COLUMNS: [string, (e: Excerpt) => string | number | null][] = [
  ['Town', (e) => townOf(e)],
  ['Question', (e) => e.question],
  ['Flag', (e) => e.flag],
  ['Quote', (e) => e.quote],
  ['Section', (e) => e.section],
  ['Page', (e) => e.page],
  ['Document', (e) => e.title],
  ['URL', (e) => e.url],
  ['Note', (e) => e.note],
  ['Rule', (e) => e.rule],
  ['Explanation', (e) => e.explanation],
  ['Saved', (e) => e.created],
  ['Edited', (e) => e.modified],
  ['Id', (e) => e.id],
];

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function excerptsCsv(excerpts: readonly Excerpt[]): string {
  const rows = [COLUMNS.map(([name]) => csvCell(name)).join(',')];
  for (const excerpt of excerpts) rows.push(COLUMNS.map(([, get]) => csvCell(get(excerpt))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

import { pageOf } from '../engine/document';
import type { Flag, LexipolPassage, Report } from '../engine/report';

/**
 * Report offsets index the whole document (pages joined by PAGE_SEPARATOR); the viewer paints one
 * page at a time. This splits every passage into per-page pieces with page-local offsets, once, so
 * that painting a page that scrolls into view costs only its own pieces.
 */

export type PassageKind = 'red' | 'green' | 'lexipol';

export interface PagePiece {
  kind: PassageKind;
  /** Page-local offsets into that page's text. */
  start: number;
  end: number;
  /** The flag this piece belongs to (null for Lexipol passages). */
  flag: Flag | null;
  lexipol: LexipolPassage | null;
}

/** Pieces of every passage, keyed by 1-based page number. */
export function piecesByPage(report: Report, pageStarts: readonly number[], pageLengths: readonly number[]) {
  const byPage = new Map<number, PagePiece[]>();
  const add = (
    kind: PassageKind,
    start: number,
    end: number,
    flag: Flag | null,
    lexipol: LexipolPassage | null,
  ) => {
    for (let i = pageIndexOf(pageStarts, start); i < pageStarts.length; i++) {
      const pageStart = pageStarts[i] ?? 0;
      if (pageStart >= end) break;
      const pageEnd = pageStart + (pageLengths[i] ?? 0);
      const localStart = Math.max(start, pageStart) - pageStart;
      const localEnd = Math.min(end, pageEnd) - pageStart;
      if (localEnd <= localStart) continue;
      const list = byPage.get(i + 1) ?? [];
      list.push({ kind, start: localStart, end: localEnd, flag, lexipol });
      byPage.set(i + 1, list);
    }
  };
  for (const passage of report.lexipol.passages) add('lexipol', passage.start, passage.end, null, passage);
  for (const question of report.questions) {
    for (const flag of question.flags) {
      if (flag.absence || flag.start === null || flag.end === null) continue;
      add(flag.flag, flag.start, flag.end, flag, null);
    }
  }
  return byPage;
}

/** 0-based index of the page holding `offset` (the engine's own page lookup, 1-based, minus one). */
function pageIndexOf(pageStarts: readonly number[], offset: number): number {
  return (pageOf(pageStarts, offset) ?? 1) - 1;
}

/** The first page a flag touches and its page-local start (for jumping to it). */
export function flagLocation(
  flag: Flag,
  pageStarts: readonly number[],
): { page: number; start: number; end: number } | null {
  if (flag.start === null || flag.end === null || pageStarts.length === 0) return null;
  const index = pageIndexOf(pageStarts, flag.start);
  const pageStart = pageStarts[index] ?? 0;
  return { page: index + 1, start: flag.start - pageStart, end: flag.end - pageStart };
}

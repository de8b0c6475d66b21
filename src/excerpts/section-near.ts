import { sectionNumberAt } from '../engine/segment-lines';

/**
 * The section number ("413.4", "Sec. 12") of the nearest line at or before `offset` that opens with
 * one: for passages the user selected, which the engine's flags have not labelled. Report flags
 * carry their own section, so this is only the fallback. Looks back at most LOOK_BACK characters.
 */
const LOOK_BACK = 20_000;

export function sectionNear(text: string, offset: number): string | null {
  const floor = Math.max(0, offset - LOOK_BACK);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  let lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  while (lineStart >= floor) {
    let start = lineStart;
    while (start < lineEnd && /[ \t\f\r]/.test(text.charAt(start))) start++;
    const found = sectionNumberAt(text, start, lineEnd);
    if (found) return found.label;
    if (lineStart === 0) break;
    lineEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  }
  return null;
}

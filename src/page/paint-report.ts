import type { Report } from '../engine/report';
import type { Painter } from '../highlight/painter';
import type { DomPolicyText } from '../sources/dom-text';
import type { HighlightKind } from '../ui/flag-style';

/**
 * Paints a report's passages. After a page change the same passages are usually still there: their
 * Range objects (live, so they followed the DOM edits) are kept when their text still reads the same,
 * so only what changed is repainted and nothing flickers.
 */

const squash = (text: string) => text.replace(/\s+/g, '');

export function paintReport(
  painter: Painter,
  report: Report,
  policy: DomPolicyText,
  painted: Map<string, Range>,
): void {
  const byKind: Record<'red' | 'green' | 'lexipol', Range[]> = { red: [], green: [], lexipol: [] };
  const seen = new Map<string, number>();
  const kept = new Set<string>();
  const take = (kind: HighlightKind & keyof typeof byKind, start: number, end: number) => {
    const quote = policy.text.slice(start, end);
    const base = `${kind}|${quote}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const key = `${base}|${occurrence}`;
    const old = painted.get(key);
    const range =
      !painter.mutatesDom && old && old.startContainer.isConnected && squash(old.toString()) === squash(quote)
        ? old
        : policy.locate(start, end);
    if (!range) return;
    painted.set(key, range);
    kept.add(key);
    byKind[kind].push(range);
  };
  for (const question of report.questions) {
    for (const flag of question.flags) {
      if (!flag.absence && flag.start !== null && flag.end !== null) take(flag.flag, flag.start, flag.end);
    }
  }
  for (const passage of report.lexipol.passages) take('lexipol', passage.start, passage.end);
  for (const key of [...painted.keys()]) if (!kept.has(key)) painted.delete(key);
  painter.paint('lexipol', byKind.lexipol);
  painter.paint('green', byKind.green);
  painter.paint('red', byKind.red);
}

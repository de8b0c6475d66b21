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

/**
 * Work done in one task before `pause` lets the page run: 5,000 passages made one task of 60-85 ms
 * (bench/paint.ts), a visible freeze; slices this long keep every task well under the 50 ms mark.
 */
const SLICE_MS = 8;
/** How many passages between clock reads (reading the clock per passage would cost more than it saves). */
const CHECK_EVERY = 32;

/**
 * `pause` yields to the page (the lens passes yield-to-page.ts); without one everything runs in one go.
 * The Ranges are live, so ones made before a pause still point at the right text after it.
 */
export async function paintReport(
  painter: Painter,
  report: Report,
  policy: DomPolicyText,
  painted: Map<string, Range>,
  pause?: () => Promise<void>,
): Promise<void> {
  let sliceStart = performance.now();
  let sinceCheck = 0;
  const maybePause = async (force = false): Promise<void> => {
    if (!pause) return;
    if (!force && ++sinceCheck < CHECK_EVERY) return;
    sinceCheck = 0;
    if (performance.now() - sliceStart < SLICE_MS) return;
    await pause();
    sliceStart = performance.now();
  };
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
      if (flag.absence || flag.start === null || flag.end === null) continue;
      take(flag.flag, flag.start, flag.end);
      await maybePause();
    }
  }
  for (const passage of report.lexipol.passages) {
    take('lexipol', passage.start, passage.end);
    await maybePause();
  }
  for (const key of [...painted.keys()]) if (!kept.has(key)) painted.delete(key);
  // Each kind hands its ranges to the painter (which observes their elements) in a task of its own
  // when the slice is used up.
  await maybePause(true);
  painter.paint('lexipol', byKind.lexipol);
  await maybePause(true);
  painter.paint('green', byKind.green);
  await maybePause(true);
  painter.paint('red', byKind.red);
}

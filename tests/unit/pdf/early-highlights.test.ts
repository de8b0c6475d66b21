// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { EarlyHighlights } from '../../../src/pdf/early-highlights';
import { piecesByPage } from '../../../src/pdf/page-passages';

const PAGE_TEXT =
  'Section 3.2 Information sharing\nOfficers may share information about arrestees with ICE when doing so serves a public safety interest.';

describe('EarlyHighlights', () => {
  it('analyses the rendered pages in place, so passages land on their own page at page-local offsets', async () => {
    vi.useFakeTimers();
    const applied: Parameters<ConstructorParameters<typeof EarlyHighlights>[2]>[] = [];
    const early = new EarlyHighlights(5, 'policy.pdf', (...args) => applied.push(args));
    early.addPage(4, PAGE_TEXT);
    early.addPage(4, PAGE_TEXT);
    expect(applied).toHaveLength(0);
    await vi.runAllTimersAsync();
    expect(applied).toHaveLength(1);
    const [report, pageStarts, lengths] = applied[0]!;
    const flags = report.questions.flatMap((q) => q.flags.filter((f) => !f.absence));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => f.page === 4)).toBe(true);
    for (const piece of piecesByPage(report, pageStarts, lengths).get(4) ?? []) {
      expect(PAGE_TEXT.slice(piece.start, piece.end)).toBe(
        piece.flag?.quote ?? PAGE_TEXT.slice(piece.start, piece.end),
      );
    }
    vi.useRealTimers();
  });

  it('paints nothing once the whole-document report has arrived', async () => {
    vi.useFakeTimers();
    const apply = vi.fn();
    const early = new EarlyHighlights(2, 'policy.pdf', apply);
    early.addPage(1, PAGE_TEXT);
    early.stop();
    early.addPage(2, PAGE_TEXT);
    await vi.runAllTimersAsync();
    expect(apply).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

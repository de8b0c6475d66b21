import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNearViewport } from '../../../src/highlight/near-viewport';

/** An observer whose first answer covers every element at once, as Chromium's does after observe(). */
class BatchObserver {
  static last: BatchObserver | null = null;
  observed: Element[] = [];
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    BatchObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  unobserve() {}
  disconnect() {}
  fireAll(isIntersecting: boolean) {
    this.callback(
      this.observed.map(
        (target) =>
          ({
            target,
            isIntersecting,
            boundingClientRect: { width: 100, height: 20 },
          }) as unknown as IntersectionObserverEntry,
      ),
    );
  }
}

describe('watchNearViewport with a large first answer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('applies part of the entries at once and the rest after yielding, in order, none lost', async () => {
    vi.stubGlobal('IntersectionObserver', BatchObserver);
    document.body.innerHTML = '';
    const ranges: Range[] = [];
    for (let i = 0; i < 2000; i++) {
      const p = document.createElement('p');
      p.textContent = `Passage ${i}`;
      document.body.append(p);
      // Far below the screen: only the observer can say it is near.
      p.getBoundingClientRect = () => new DOMRect(0, 100_000 + i * 20, 600, 20);
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      ranges.push(range);
    }
    const near = new Set<Range>();
    const watch = watchNearViewport((range, isNear) => (isNear ? near.add(range) : near.delete(range)));
    for (const range of ranges) watch.track(range);
    expect(near.size).toBe(0);
    // A clock that moves 1 ms per read: the 8 ms slice runs out long before 2,000 entries.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    BatchObserver.last?.fireAll(true);
    const atOnce = near.size;
    expect(atOnce).toBeGreaterThan(0);
    expect(atOnce).toBeLessThan(ranges.length);
    await vi.waitFor(() => expect(near.size).toBe(ranges.length));
  });
});

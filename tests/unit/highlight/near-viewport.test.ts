import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNearViewport } from '../../../src/highlight/near-viewport';

/** An IntersectionObserver the test drives: it records what is observed and fires entries on demand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  fire(element: Element, isIntersecting: boolean, box = { width: 100, height: 20 }) {
    this.callback([
      { target: element, isIntersecting, boundingClientRect: box } as unknown as IntersectionObserverEntry,
    ]);
  }
}

function paragraphAt(top: number, text = 'Officers shall not ask about immigration status.'): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  p.getBoundingClientRect = () => new DOMRect(0, top, 600, 20);
  return p;
}

function rangeOver(p: HTMLElement): Range {
  const range = document.createRange();
  range.setStart(p.firstChild!, 0);
  range.setEnd(p.firstChild!, 8);
  return range;
}

describe('watchNearViewport', () => {
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    document.body.innerHTML = '';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports a passage on screen at once, before the observer has answered', () => {
    const changes: [string, boolean][] = [];
    const near = watchNearViewport((range, isNear) => changes.push([range.toString(), isNear]));
    near.track(rangeOver(paragraphAt(100)));
    expect(changes).toEqual([['Officers', true]]);
  });

  it('leaves a passage far below the screen out until the observer says it came near, and takes it out again', () => {
    const changes: boolean[] = [];
    const near = watchNearViewport((_range, isNear) => changes.push(isNear));
    const p = paragraphAt(50_000);
    near.track(rangeOver(p));
    expect(changes).toEqual([]);
    expect(FakeObserver.last?.observed.has(p)).toBe(true);
    FakeObserver.last?.fire(p, true);
    FakeObserver.last?.fire(p, true); // no news, no second call
    FakeObserver.last?.fire(p, false);
    expect(changes).toEqual([true, false]);
  });

  it('counts an element without a box (display: contents) as near, since it can never be seen to intersect', () => {
    const changes: boolean[] = [];
    const near = watchNearViewport((_range, isNear) => changes.push(isNear));
    const p = paragraphAt(50_000);
    near.track(rangeOver(p));
    FakeObserver.last?.fire(p, false, { width: 0, height: 0 });
    expect(changes).toEqual([true]);
  });

  it('stops observing an element when its last passage is untracked', () => {
    const near = watchNearViewport(() => undefined);
    const p = paragraphAt(50_000);
    const first = rangeOver(p);
    const second = document.createRange();
    second.setStart(p.firstChild!, 9);
    second.setEnd(p.firstChild!, 14);
    near.track(first);
    near.track(second);
    near.untrack(first);
    expect(FakeObserver.last?.observed.has(p)).toBe(true);
    near.untrack(second);
    expect(FakeObserver.last?.observed.has(p)).toBe(false);
  });

  it('paints everything at once where there is no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const changes: boolean[] = [];
    const near = watchNearViewport((_range, isNear) => changes.push(isNear));
    near.track(rangeOver(paragraphAt(50_000)));
    expect(changes).toEqual([true]);
  });
});

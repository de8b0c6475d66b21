import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { announceNewCopy, retireWhenOrphaned } from '../../../src/page/orphan-guard';

describe('orphan guard', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a live copy when a new copy is injected', () => {
    const retire = vi.fn();
    retireWhenOrphaned(document, retire);
    announceNewCopy(document);
    expect(retire).not.toHaveBeenCalled();
  });

  it('retires a copy cut off from its extension, once', () => {
    const retire = vi.fn();
    retireWhenOrphaned(document, retire);
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    announceNewCopy(document);
    announceNewCopy(document);
    expect(retire).toHaveBeenCalledTimes(1);
  });
});

import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as download from '../../../src/excerpts/download';
import { deleteAllExcerpts, putExcerpts, restoreExcerptRecords } from '../../../src/excerpts/excerpt-store';
import { UNDO_MINUTES } from '../../../src/ui/excerpt-delete-all';
import { ExcerptPage } from '../../../src/ui/excerpt-page';
import { sampleSet } from './sample-excerpts';

let root: HTMLElement;
const cards = () => [...root.querySelectorAll<HTMLElement>('[data-excerpt-id]')];
const button = (text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(text));
const excerptKeys = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('excerpt:'));
const UNREADABLE = { schema: 99, quote: 'from a later version' };

describe('delete all saved excerpts (store)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('removes every excerpt record, readable or not, leaves settings, and undo restores them exactly', async () => {
    await putExcerpts(sampleSet());
    await fakeBrowser.storage.local.set({ 'excerpt:odd': UNREADABLE, 'policy-lens/auto-analysis': 'off' });
    const before = await fakeBrowser.storage.local.get(null);

    const records = await deleteAllExcerpts();
    expect(Object.keys(records)).toHaveLength(6);
    expect(await excerptKeys()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'policy-lens/auto-analysis': 'off' });

    await restoreExcerptRecords(records);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('reports a storage failure and deletes nothing', async () => {
    await putExcerpts(sampleSet());
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('IO error: disk gone'));
    await expect(deleteAllExcerpts()).rejects.toThrow('Could not delete the excerpts: IO error: disk gone');
    expect(await excerptKeys()).toHaveLength(5);
  });
});

describe('delete all saved excerpts (page)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
    await putExcerpts(sampleSet());
    render(<ExcerptPage viewerUrl="chrome-extension://id/viewer.html" />, root);
    await vi.waitFor(() => expect(cards().length).toBe(5));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  it('asks first, offers a backup, deletes everything, and undo brings back exactly what was there', async () => {
    const before = await fakeBrowser.storage.local.get(null);
    const saved = vi.spyOn(download, 'downloadText').mockImplementation(() => undefined);

    button('Delete all saved excerpts')!.click();
    // The first press only asks: nothing is deleted yet, and the focus moves into the question.
    await vi.waitFor(() =>
      expect(root.querySelector('fieldset.pl-delete-all-confirm')?.textContent).toContain('Delete all 5'),
    );
    expect(await excerptKeys()).toHaveLength(5);
    expect(document.activeElement?.textContent).toContain('download a backup');

    button('download a backup')!.click();
    expect(saved).toHaveBeenCalledTimes(1);
    const [fileName, text] = saved.mock.calls[0]!;
    expect(fileName).toMatch(/^policy-lens-excerpts-\d{4}-\d\d-\d\d\.json$/);
    expect(text).toContain('A passage about Lunn.');
    await vi.waitFor(() => expect(button('Backup downloaded')).toBeDefined());

    button('Yes, delete all 5 excerpts')!.click();
    await vi.waitFor(() => expect(cards().length).toBe(0));
    expect(await excerptKeys()).toEqual([]);
    expect(root.textContent).toContain('Deleted 5 saved excerpts.');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toContain('Undo: bring back all 5'));

    button('Undo: bring back all 5')!.click();
    await vi.waitFor(() => expect(cards().length).toBe(5));
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(root.textContent).toContain('Restored 5 excerpts.');
  });

  it('offers Undo for UNDO_MINUTES, then says it is too late', async () => {
    button('Delete all saved excerpts')!.click();
    await vi.waitFor(() => expect(button('Yes, delete all')).toBeDefined());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      button('Yes, delete all')!.click();
      await vi.waitFor(() => expect(button('Undo: bring back all 5')).toBeDefined());
      vi.advanceTimersByTime(UNDO_MINUTES * 60_000 - 1_000);
      await Promise.resolve();
      expect(button('Undo: bring back all 5')).toBeDefined();
      vi.advanceTimersByTime(2_000);
      await vi.waitFor(() => expect(button('Undo')).toBeUndefined());
      expect(root.textContent).toContain('can no longer be brought back');
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancels with Escape and gives the focus back to the button', async () => {
    button('Delete all saved excerpts')!.click();
    await vi.waitFor(() => expect(root.querySelector('fieldset.pl-delete-all-confirm')).not.toBeNull());
    root
      .querySelector('fieldset.pl-delete-all-confirm button')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('fieldset.pl-delete-all-confirm')).toBeNull());
    await vi.waitFor(() =>
      expect(document.activeElement?.textContent).toContain('Delete all saved excerpts'),
    );
    expect(await excerptKeys()).toHaveLength(5);
  });

  it('shows a storage error and keeps every excerpt', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('IO error: disk gone'));
    button('Delete all saved excerpts')!.click();
    await vi.waitFor(() => expect(button('Yes, delete all')).toBeDefined());
    button('Yes, delete all')!.click();
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('disk gone'));
    expect(cards().length).toBe(5);
    expect(await excerptKeys()).toHaveLength(5);
  });

  it('counts unreadable records in what is deleted and says they are not in the backup', async () => {
    await fakeBrowser.storage.local.set({ 'excerpt:odd': UNREADABLE });
    await vi.waitFor(() => expect(root.textContent).toContain('could not be read'));
    button('Delete all saved excerpts')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('fieldset.pl-delete-all-confirm')?.textContent).toMatch(
        /Delete all 6 saved excerpts.*1 record that could not be read is deleted too and is not in the backup/,
      ),
    );
  });
});

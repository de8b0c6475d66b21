import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftFromSelection } from '../../../src/excerpts/excerpt-draft';
import {
  deleteExcerpt,
  ExcerptStorageError,
  getExcerpt,
  listExcerpts,
  onExcerptsChanged,
  restoreExcerpt,
  saveExcerpt,
  updateExcerpt,
} from '../../../src/excerpts/excerpt-store';

const source = {
  text: 'Officers may share information with ICE.',
  url: 'https://bedfordma.gov/p',
  title: null,
};
const draft = (note = '') => draftFromSelection(source, 0, 8, { note });

describe('excerpt store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('keeps every excerpt when many are saved at the same moment', async () => {
    const saved = await Promise.all(Array.from({ length: 20 }, (_, i) => saveExcerpt(draft(`n${i}`))));
    const listed = await listExcerpts();
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((e) => e.id))).toEqual(new Set(saved.map((e) => e.id)));
    expect(listed.map((e) => e.note).sort()).toEqual(saved.map((e) => e.note).sort());
  });

  it('saves the draft as given, with an id and dates', async () => {
    const saved = await saveExcerpt(draft('why'));
    expect(saved).toMatchObject({ ...draft('why'), town: 'Bedford' });
    expect(saved.created).toBe(saved.modified);
    expect(await getExcerpt(saved.id)).toEqual(saved);
  });

  it('refuses an invalid draft instead of storing it', async () => {
    await expect(saveExcerpt({ ...draft(), quote: '' })).rejects.toThrow(/quote/);
    expect(await listExcerpts()).toEqual([]);
  });

  it('edits one excerpt without touching the others', async () => {
    const a = await saveExcerpt(draft('a'));
    const b = await saveExcerpt(draft('b'));
    const edited = await updateExcerpt(a.id, { note: 'edited', town: 'Lexington', question: 5, flag: 'red' });
    expect(edited).toMatchObject({
      note: 'edited',
      town: 'Lexington',
      question: 5,
      flag: 'red',
      quote: a.quote,
    });
    expect(await getExcerpt(b.id)).toEqual(b);
    await expect(updateExcerpt(a.id, { flag: 'purple' as 'red' })).rejects.toThrow(/flag/);
    expect(await getExcerpt(a.id)).toEqual(edited);
  });

  it('deletes with undo: the restored excerpt is identical', async () => {
    const a = await saveExcerpt(draft('a'));
    const removed = await deleteExcerpt(a.id);
    expect(await listExcerpts()).toEqual([]);
    await restoreExcerpt(removed);
    expect(await listExcerpts()).toEqual([a]);
  });

  it('surfaces a full storage as an error the user can act on', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const attempt = saveExcerpt(draft());
    await expect(attempt).rejects.toBeInstanceOf(ExcerptStorageError);
    await expect(attempt).rejects.toThrow(/storage for this extension is full/);
  });

  it('tells listeners when another context saves or deletes', async () => {
    const listener = vi.fn();
    const stop = onExcerptsChanged(listener);
    const a = await saveExcerpt(draft());
    await deleteExcerpt(a.id);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    await saveExcerpt(draft());
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftFromSelection } from '../../../src/excerpts/excerpt-draft';
import { listExcerpts, saveExcerpt } from '../../../src/excerpts/excerpt-store';

const source = {
  text: 'Officers may share information with ICE.',
  url: 'https://bedfordma.gov/p',
  title: null,
};

describe('excerpt store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every excerpt when many are saved at the same moment', async () => {
    const saved = await Promise.all(
      Array.from({ length: 20 }, (_, i) => saveExcerpt(draftFromSelection(source, 0, 8, { note: `n${i}` }))),
    );
    const listed = await listExcerpts();
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((e) => e.id))).toEqual(new Set(saved.map((e) => e.id)));
    expect(listed.map((e) => e.note).sort()).toEqual(saved.map((e) => e.note).sort());
  });
});

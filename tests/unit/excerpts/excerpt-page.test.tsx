import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportExcerptsJson } from '../../../src/excerpts/annotation-export';
import { listExcerpts, putExcerpts } from '../../../src/excerpts/excerpt-store';
import { ExcerptPage } from '../../../src/ui/excerpt-page';
import { sampleExcerpt, sampleSet } from './sample-excerpts';

let root: HTMLElement;
const cards = () => [...root.querySelectorAll<HTMLElement>('[data-excerpt-id]')];
const button = (text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(text));

describe('excerpts page', () => {
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
  });

  it('groups by town, then question', () => {
    const towns = [...root.querySelectorAll('.pl-excerpt-town > h2')].map((h) => h.textContent);
    expect(towns).toEqual(['Examplefield (4)', 'Otherton (1)']);
    const questions = [...root.querySelectorAll('.pl-excerpt-town')][0]!.querySelectorAll('h3');
    expect([...questions].map((h) => h.textContent)).toEqual([
      '1. Checking immigration status',
      '2. Sharing information with ICE',
      'Not sorted under a question yet',
    ]);
  });

  it('shows page text as text, links web passages by text fragment and PDFs to the viewer', () => {
    const html = root.innerHTML;
    expect(html).toContain('Ask who decides &lt;what&gt; is public safety.');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain(
      'chrome-extension://id/viewer.html?file=https%3A%2F%2Fwww.examplefieldma.gov%2Fpolice%2F413.html#page=2',
    );
    expect(
      links.some((l) =>
        l?.startsWith(
          'https://www.examplefieldma.gov/police/413.html#:~:text=Officers%20may%20share%20booking,',
        ),
      ),
    ).toBe(true);
  });

  it("shows a quote with the page source's line wraps and indents collapsed, and keeps the stored text", async () => {
    const quote = 'Officers shall not ask victims of crime about their\n        immigration   status.';
    const wrapped = sampleExcerpt({ quote, town: 'Otherton' });
    await putExcerpts([wrapped]);
    await vi.waitFor(() => expect(cards().length).toBe(6));
    const card = cards().find((c) => c.dataset.excerptId === wrapped.id)!;
    expect(card.querySelector('.pl-excerpt-quote')?.textContent).toBe(
      'Officers shall not ask victims of crime about their immigration status.',
    );
    expect((await listExcerpts()).find((e) => e.id === wrapped.id)?.quote).toBe(quote);
  });

  it('filters by search words', async () => {
    const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'LUNN passage';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(cards().length).toBe(1));
    expect(cards()[0]?.textContent).toContain('A passage about Lunn.');
  });

  it('deletes with undo', async () => {
    const first = cards()[0]!;
    const id = first.dataset.excerptId;
    first.querySelector<HTMLButtonElement>('.pl-button-danger')!.click();
    await vi.waitFor(() => expect(cards().length).toBe(4));
    expect((await listExcerpts()).some((e) => e.id === id)).toBe(false);
    await vi.waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Undo delete/));
    button('Undo delete')!.click();
    await vi.waitFor(() => expect(cards().length).toBe(5));
    expect((await listExcerpts()).some((e) => e.id === id)).toBe(true);
  });

  it('edits the note and question of one excerpt', async () => {
    const card = cards().find((c) => c.textContent?.includes('A passage about Lunn.'))!;
    const id = card.dataset.excerptId!;
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.click();
    await vi.waitFor(() => expect(card.querySelector('textarea')).not.toBeNull());
    const note = card.querySelector('textarea')!;
    note.value = 'Bring this up at the council.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const question = card.querySelector('select')!;
    question.value = '3';
    question.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0)); // let Preact re-render, as between a user's actions
    card.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(async () =>
      expect((await listExcerpts()).find((e) => e.id === id)).toMatchObject({
        note: 'Bring this up at the council.',
        question: 3,
      }),
    );
  });

  it('shows a storage error instead of swallowing it', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('IO error: disk gone'));
    cards()[0]!.querySelector<HTMLButtonElement>('.pl-button-danger')!.click();
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('disk gone'));
    expect(cards().length).toBe(5);
  });

  it('refuses a broken import with a message and keeps every excerpt', async () => {
    const before = await fakeBrowser.storage.local.get(null);
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    const broken = exportExcerptsJson(sampleSet()).replace('"flag": "red"', '"flag": "crimson"');
    Object.defineProperty(input, 'files', { value: [new File([broken], 'x.json')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toContain('Nothing was imported'),
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

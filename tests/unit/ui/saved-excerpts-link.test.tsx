import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putExcerpts } from '../../../src/excerpts/excerpt-store';
import { SavedExcerptsLink, savedExcerptsLabel } from '../../../src/ui/saved-excerpts-link';
import { sampleExcerpt } from '../excerpts/sample-excerpts';

const HERE = 'https://www.examplefieldma.gov/police/413.html';
const ELSEWHERE = 'https://otherton.example/policy.html';

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('SavedExcerptsLink', () => {
  it("names this page's count and the total, ignoring the #fragment a text-fragment link adds", () => {
    const list = [
      sampleExcerpt({ quote: 'a', url: `${HERE}#:~:text=a` }),
      sampleExcerpt({ quote: 'b', url: HERE }),
      sampleExcerpt({ quote: 'c', url: ELSEWHERE }),
    ];
    expect(savedExcerptsLabel(list, HERE)).toBe('Saved excerpts (2 from this page, 3 in all)');
    expect(savedExcerptsLabel(list, null)).toBe('Saved excerpts (3)');
    expect(savedExcerptsLabel(list.slice(0, 2), HERE)).toBe('Saved excerpts (2)');
    expect(savedExcerptsLabel([], HERE)).toBe('Saved excerpts (0)');
    expect(savedExcerptsLabel(null, HERE)).toBe('Saved excerpts');
  });

  it('follows saves in other tabs and asks the background to open the excerpts page', async () => {
    await putExcerpts([sampleExcerpt({ quote: 'x', url: ELSEWHERE })]);
    const heard: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      heard.push(message);
      return undefined;
    });
    render(<SavedExcerptsLink pageUrl={HERE} />, host);
    const button = () => host.querySelector('button')!;
    await vi.waitFor(() => expect(button().textContent).toContain('(0 from this page, 1 in all)'));

    await putExcerpts([sampleExcerpt({ quote: 'y', url: HERE })]);
    await vi.waitFor(() => expect(button().textContent).toContain('(1 from this page, 2 in all)'));

    button().click();
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'policy-lens/open-excerpts' }]));
  });

  it('says so when the excerpts page cannot be opened', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('no background'));
    render(<SavedExcerptsLink pageUrl={null} />, host);
    host.querySelector('button')!.click();
    await vi.waitFor(() =>
      expect(host.querySelector('[role=alert]')?.textContent).toBe(
        'Could not open the saved excerpts: no background',
      ),
    );
  });
});

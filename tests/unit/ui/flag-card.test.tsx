import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagCard } from '../../../src/ui/flag-card';
import { handMadeReport } from './hand-made-report';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}

const report = handMadeReport();
const red = report.questions.find((q) => q.id === 2)!.flags[0]!;
const green = report.questions.find((q) => q.id === 1)!.flags[0]!;
const model = [
  { source: 'Bedford Police Department policy', text: 'No police officer shall make any information…' },
];

describe('FlagCard', () => {
  it('shows the question, the colour in words, the explanation, the rule and model language for red', () => {
    const root = mount(
      <FlagCard
        flag={red}
        questionText="Are officers allowed to share information with ICE?"
        questionTitle="Sharing"
        modelLanguage={model}
        position={{ index: 2, total: 3 }}
      />,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('Red flag');
    expect(text).toContain('Question 2');
    expect(text).toContain('Are officers allowed to share information with ICE?');
    expect(text).toContain(red.explanation);
    expect(text).toContain('q2-red-share');
    expect(text).toContain('Ask for this instead');
    expect(text).toContain('Bedford Police Department policy');
    expect(text).toContain('2 of 3');
  });

  it('falls back to the guide green criteria when it quotes no model language', () => {
    const root = mount(
      <FlagCard
        flag={red}
        questionText="Q"
        questionTitle="T"
        modelLanguage={[]}
        greenCriteria="Officers keep the peace only."
      />,
    );
    expect(root.textContent).toContain('Ask for this instead');
    expect(root.textContent).toContain('Officers keep the peace only.');
  });

  it('names the other questions that flag the same passage', () => {
    const root = mount(
      <FlagCard
        flag={red}
        questionText="Q"
        questionTitle="T"
        modelLanguage={[]}
        alsoFlagged={[{ question: 6, flag: 'red' }]}
      />,
    );
    expect(root.textContent).toContain('Also flagged under question 6 (red).');
  });

  it('does not offer model language under a green flag', () => {
    const root = mount(<FlagCard flag={green} questionText="Q1" questionTitle="T" modelLanguage={model} />);
    expect(root.textContent).toContain('Green flag');
    expect(root.textContent).not.toContain('Ask for this instead');
  });

  it('renders page text as text, never as HTML', () => {
    const hostile = { ...red, quote: '<img src=x onerror=alert(1)>share with ICE' };
    const root = mount(<FlagCard flag={hostile} questionText="Q" questionTitle="T" modelLanguage={[]} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('wires previous, next, save and close', () => {
    const onPrevious = vi.fn();
    const onNext = vi.fn();
    const onSave = vi.fn();
    const onClose = vi.fn();
    const root = mount(
      <FlagCard
        flag={red}
        questionText="Q"
        questionTitle="T"
        modelLanguage={[]}
        onPrevious={onPrevious}
        onNext={onNext}
        onSave={onSave}
        onClose={onClose}
      />,
    );
    const buttons = [...root.querySelectorAll('button')];
    const byText = (label: string) =>
      buttons.find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label);
    byText('Previous flag')?.click();
    byText('Next flag')?.click();
    byText('Save excerpt')?.click();
    byText('Close')?.click();
    expect([onPrevious, onNext, onClose].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(onSave).toHaveBeenCalledWith(red);
  });

  it('offers no "Save excerpt" on an absence finding, which has no passage to save', () => {
    const silence = report.questions.find((q) => q.id === 4)!.flags[0]!;
    expect(silence.absence).toBe(true);
    const root = mount(
      <FlagCard flag={silence} questionText="Q" questionTitle="T" modelLanguage={[]} onSave={vi.fn()} />,
    );
    expect(root.textContent).toContain(silence.explanation);
    expect(root.querySelector('blockquote')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Save excerpt');
  });

  it('hides the save button when saving is not wired', () => {
    const root = mount(<FlagCard flag={red} questionText="Q" questionTitle="T" modelLanguage={[]} />);
    expect(root.textContent).not.toContain('Save excerpt');
  });
});

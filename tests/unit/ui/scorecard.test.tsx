import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Flag } from '../../../src/engine/report';
import { Scorecard } from '../../../src/ui/scorecard';
import { handMadeReport, TEXT } from './hand-made-report';

let host: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('Scorecard', () => {
  it('shows seven rows in the guide order with their verdicts', () => {
    const root = mount(<Scorecard state={{ status: 'ready', report: handMadeReport() }} />);
    const rows = [...root.querySelectorAll('[data-question]')];
    expect(rows.map((row) => row.getAttribute('data-question'))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows.map((row) => row.getAttribute('data-verdict'))).toEqual([
      'green',
      'red',
      'silent',
      'red',
      'silent',
      'red',
      'green',
    ]);
  });

  it('labels silence-is-red verdicts as such and shows the verdict reason', () => {
    const root = mount(<Scorecard state={{ status: 'ready', report: handMadeReport() }} />);
    const row4 = root.querySelector('[data-question="4"]');
    expect(row4?.textContent).toContain('Red: not addressed');
    expect(row4?.textContent).toContain('Reason 4');
    expect(row4?.textContent).toContain('No response to immigration detainers found.');
    expect(root.querySelector('[data-question="2"]')?.textContent).not.toContain('not addressed');
  });

  it('offers each passage as a button that reports the flag it stands for', () => {
    const onPassage = vi.fn<(flag: Flag) => void>();
    const root = mount(
      <Scorecard state={{ status: 'ready', report: handMadeReport() }} onPassage={onPassage} />,
    );
    const button = root.querySelector<HTMLButtonElement>('[data-question="2"] button.pl-passage');
    expect(button?.textContent).toContain('Officers may share information with ICE');
    button?.click();
    expect(onPassage).toHaveBeenCalledTimes(1);
    const flag = onPassage.mock.calls[0]?.[0];
    expect(flag && TEXT.slice(flag.start ?? 0, flag.end ?? 0)).toBe(flag?.quote);
  });

  it('shows a passage flagged by several rules once', () => {
    const report = handMadeReport();
    const q2 = report.questions.find((q) => q.id === 2)!;
    q2.flags.push({ ...q2.flags[0]!, rule: 'q2-red-other-rule' });
    const root = mount(<Scorecard state={{ status: 'ready', report }} onPassage={() => {}} />);
    expect(root.querySelectorAll('[data-question="2"] button.pl-passage')).toHaveLength(1);
  });

  it('uses the guide wording of a question when given', () => {
    const root = mount(
      <Scorecard
        state={{ status: 'ready', report: handMadeReport() }}
        questionText={(id) => (id === 7 ? 'Is there a ban on 287(g) agreements?' : undefined)}
      />,
    );
    expect(root.querySelector('[data-question="7"] h3')?.textContent).toContain(
      'Is there a ban on 287(g) agreements?',
    );
    expect(root.querySelector('[data-question="1"] h3')?.textContent).toContain('Title 1');
  });

  it('shows the Lexipol badge only when boilerplate was recognised', () => {
    const plain = mount(<Scorecard state={{ status: 'ready', report: handMadeReport() }} />);
    expect(plain.querySelector('[data-lexipol]')).toBeNull();
    render(null, host);
    const report = handMadeReport();
    report.lexipol = {
      detected: true,
      passages: [{ start: 0, end: 10, page: null, fingerprint: 'x', similarity: 0.9, label: 'Sharing' }],
    };
    const withBadge = mount(<Scorecard state={{ status: 'ready', report }} />);
    expect(withBadge.querySelector('[data-lexipol]')?.textContent).toContain('Lexipol language recognised');
  });

  it('has clear loading, failed and no-policy states', () => {
    expect(
      mount(<Scorecard state={{ status: 'loading' }} />)
        .querySelector('[data-state]')
        ?.getAttribute('data-state'),
    ).toBe('loading');
    render(null, host);
    const waiting = mount(<Scorecard state={{ status: 'waiting', message: 'Click the toolbar button.' }} />);
    expect(waiting.querySelector('[data-state="waiting"]')?.textContent).toBe('Click the toolbar button.');
    render(null, host);
    const failed = mount(<Scorecard state={{ status: 'failed', reason: 'The tab was closed.' }} />);
    expect(failed.querySelector('[role="alert"]')?.textContent).toBe('The tab was closed.');
    render(null, host);
    const report = handMadeReport();
    for (const question of report.questions) question.flags = question.flags.filter((flag) => flag.absence);
    const empty = mount(<Scorecard state={{ status: 'ready', report }} />);
    expect(empty.querySelector('[data-state]')?.getAttribute('data-state')).toBe('no-policy');
    expect(empty.querySelector('[data-question]')).toBeNull();
  });
});

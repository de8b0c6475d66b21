// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { startWhenPolicyAppears } from '../../../src/page/auto-start';

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

describe('startWhenPolicyAppears (automatic mode)', () => {
  it('starts at once on a page that already looks like a policy', () => {
    document.body.innerHTML = '<p>Police policy: officers shall not ask about immigration status.</p>';
    const start = vi.fn();
    startWhenPolicyAppears(document, start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts once when policy text arrives late, and not for unrelated changes', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    const start = vi.fn();
    startWhenPolicyAppears(document, start);
    document.body.append(document.createElement('p'));
    await settle();
    expect(start).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = 'Department policy: no officer shall honor an ICE detainer.';
    document.body.append(p);
    await settle();
    document.body.append(document.createElement('p'));
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../src/engine/report';
import { questionResult } from '../../../src/engine/verdict';
import { analyzeMini, miniBook } from './mini-book';

function question(text: string, id: number) {
  return analyzeMini(text).questions.find((q) => q.id === id)!;
}

describe('verdicts', () => {
  it('red when only red passages', () => {
    const q = question('Officers may share records with ICE. Officers may send files to ICE.', 2);
    expect(q.verdict).toBe('red');
    expect(q.verdictReason).toBe('2 red passages and no green one');
  });

  it('counts passages, not flags: two rules on one sentence are one passage', () => {
    const flag = (rule: string, start: number): Flag => ({
      rule,
      flag: 'red',
      start,
      end: start + 10,
      page: null,
      quote: 'x'.repeat(10),
      explanation: '',
      absence: false,
      question: 2,
      section: null,
    });
    const info = miniBook.questions.find((q) => q.id === 2)!;
    const result = questionResult(info, [flag('q2-a', 0), flag('q2-b', 0), flag('q2-a', 20)]);
    expect(result.flags).toHaveLength(3);
    expect(result.verdictReason).toBe('2 red passages and no green one');
  });

  it('green when only green passages', () => {
    const q = question('Officers shall not share records with ICE.', 2);
    expect(q.verdict).toBe('green');
    expect(q.verdictReason).toBe('1 green passage and no red one');
  });

  it('mixed when both', () => {
    const q = question('Officers shall not share records with ICE. Officers may send files to ICE.', 2);
    expect(q.verdict).toBe('mixed');
    expect(q.verdictReason).toMatch(/^1 red passage and 1 green passage/);
  });

  it('silent when nothing is said and silence is not a red flag', () => {
    const q = question('Officers shall wear their uniforms.', 3);
    expect(q.verdict).toBe('silent');
    expect(q.flags).toEqual([]);
    expect(q.silenceIsRed).toBe(false);
  });

  it('red with one absence flag when silence is a red flag and nothing green is found', () => {
    const q = question('Officers shall wear their uniforms.', 7);
    expect(q.verdict).toBe('red');
    expect(q.silenceIsRed).toBe(true);
    expect(q.verdictReason).toBe(
      'The policy never bans 287(g) agreements: the guide treats silence on this question as a red flag',
    );
    expect(q.flags).toEqual([
      {
        rule: 'q7-silence',
        flag: 'red',
        start: null,
        end: null,
        page: null,
        quote: 'The policy never bans 287(g) agreements.',
        explanation: 'The policy never bans 287(g) agreements. The guide counts that silence as a red flag.',
        absence: true,
        question: 7,
        section: null,
      },
    ]);
  });

  it('green without an absence flag once the green passage is there', () => {
    const q = question('The Department shall not enter into a 287(g) agreement.', 7);
    expect(q.verdict).toBe('green');
    expect(q.flags.map((f) => f.absence)).toEqual([false]);
  });

  it('red passages and silence together: both said', () => {
    const q = question('The Department may enter into a 287(g) agreement.', 7);
    expect(q.verdict).toBe('red');
    expect(q.flags.map((f) => [f.rule, f.absence])).toEqual([
      ['q7-red-287g-allowed', false],
      ['q7-silence', true],
    ]);
    expect(q.verdictReason).toBe(
      '1 red passage and no green one. The policy never bans 287(g) agreements, which the guide also treats as a red flag',
    );
  });

  it('every question has a result, in order, with the rules version', () => {
    const report = analyzeMini('Nothing here.');
    expect(report.questions.map((q) => q.id)).toEqual([1, 2, 3, 7]);
    expect(report.rulesVersion).toBe('mini-1');
  });
});

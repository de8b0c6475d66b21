// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { questionInfo, ruleInfo } from '../../../src/rules/rule-book';

describe('questionInfo', () => {
  it('gives the UI what the guide says for each question', () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7] as const) {
      const info = questionInfo(id);
      expect(info.id).toBe(id);
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.question).toMatch(/\?$/);
      expect(info.redCriteria.length).toBeGreaterThan(0);
      expect(info.greenCriteria.length).toBeGreaterThan(0);
    }
  });

  it('marks silence as red for questions 4, 6 and 7 only, with an explanation', () => {
    const silenceRed = ([1, 2, 3, 4, 5, 6, 7] as const).filter((id) => questionInfo(id).silenceIsRed);
    expect(silenceRed).toEqual([4, 6, 7]);
    for (const id of silenceRed) expect(questionInfo(id).silenceExplanation).toBeTruthy();
  });

  it("carries the guide's model language where it gives some", () => {
    const q1 = questionInfo(1);
    expect(
      q1.modelLanguage.some((m) => /shall inquire about a person.s immigration status/i.test(m.text)),
    ).toBe(true);
    expect(
      questionInfo(6).modelLanguage.some((m) => m.text.startsWith('No funds, resources, facilities')),
    ).toBe(true);
  });
});

describe('ruleInfo', () => {
  it('describes a rule by id', () => {
    const info = ruleInfo('q2-red-no-restriction-on-sharing-status');
    expect(info).toMatchObject({ id: 'q2-red-no-restriction-on-sharing-status', flag: 'red', question: 2 });
    expect(info!.explanation).toMatch(/1373/);
  });

  it('knows no rule it does not have', () => {
    expect(ruleInfo('q9-nothing')).toBeUndefined();
  });
});

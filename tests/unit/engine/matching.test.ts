// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeMini, flagsOf, rulesFiring } from './mini-book';

describe('words', () => {
  it('match any inflection', () => {
    expect(rulesFiring("Officers shall not make inquiries into a person's immigration status.")).toEqual([
      'q1-green-no-inquiry',
    ]);
    expect(rulesFiring('Officers may be asking arrestees about their citizenship.')).toEqual([
      'q1-red-inquiry-allowed',
    ]);
  });

  it('of a vocabulary group count for the rule groups that include it, beside their own words', () => {
    expect(rulesFiring('Officers may share records with the feds.')).toEqual(['q2-red-share']);
    expect(rulesFiring('Officers may share records with federal immigration officials.')).toEqual([
      'q2-red-share',
    ]);
  });

  it('written in capitals match only in capitals', () => {
    expect(rulesFiring('Officers may share records with ICE.')).toEqual(['q2-red-share']);
    expect(rulesFiring('Officers may share records about ice on the roads.')).toEqual([]);
    expect(rulesFiring('Officers may share records with Ice.')).toEqual([]);
  });

  it('with a * match by prefix', () => {
    expect(rulesFiring('An officer may detain a person suspected of smuggling immigrants.')).toEqual([
      'q3-red-detain-immigra',
    ]);
  });

  it('of a phrase may be split by punctuation', () => {
    expect(rulesFiring('The Department shall not sign any agreement under 8 U.S.C. § 1357(g).')).toEqual([
      'q7-green-no-287g',
    ]);
  });
});

describe('"a ... b" gaps', () => {
  it('let up to eight words stand between', () => {
    // "No ... shall" with six words between: prohibiting.
    expect(rulesFiring('No officer or civilian employee of the Department shall send data to ICE.')).toEqual([
      'q2-green-no-share',
    ]);
  });

  it('do not reach further: the bare "shall" then makes the sentence permitting', () => {
    expect(
      rulesFiring(
        'No member who works in the records unit of the department during night shifts shall send records to ICE.',
      ),
    ).toEqual(['q2-red-share']);
  });
});

describe('sentence kinds', () => {
  it('come from the clause where the tightest match starts', () => {
    expect(
      rulesFiring('Officers may ask for identification, but shall not inquire about immigration status.'),
    ).toEqual(['q1-green-no-inquiry']);
    expect(
      rulesFiring('Officers shall not share records with the press; officers may share records with ICE.'),
    ).toEqual(['q2-red-share']);
  });

  it('carry on into a clause without cues', () => {
    expect(rulesFiring('Officers shall not stop anyone for a status check; or send records to ICE.')).toEqual(
      ['q2-green-no-share'],
    );
  });

  it('read ", nor shall" as prohibiting', () => {
    expect(
      rulesFiring(
        'No officer shall detain a person on a warrant alone, nor shall any officer send records to ICE.',
      ),
    ).toEqual(['q2-green-no-share']);
  });

  it('read "should not" as discouraging: neither a ban nor a permission', () => {
    expect(rulesFiring('Officers should not share records with ICE.')).toEqual([]);
  });

  it('read a ban inside a lifting opener as a ban', () => {
    expect(rulesFiring('Notwithstanding the above, officers shall not share records with ICE.')).toEqual([
      'q2-green-no-share',
    ]);
    expect(rulesFiring('Notwithstanding the above, officers may share records with ICE.')).toEqual([
      'q2-red-share',
    ]);
  });

  it('read a lifted ban (double negation) as permitting', () => {
    expect(
      rulesFiring(
        'No member of this department will prohibit, or in any way restrict, any other member from sending information to federal immigration officials.',
      ),
    ).toEqual(['q2-red-share']);
  });
});

describe('list items', () => {
  it('inherit the kind of their lead-in and are quoted alone', () => {
    const report = analyzeMini(
      'Officers shall not:\n(a) inquire about immigration status;\n(b) share records with ICE.\n',
    );
    expect(flagsOf(report)).toEqual([
      'q1-green-no-inquiry: inquire about immigration status',
      'q2-green-no-share: share records with ICE.',
    ]);
  });

  it("count their lead-in's words", () => {
    const report = analyzeMini(
      'Officers shall not ask any person about the following:\n(a) immigration status;\n(b) place of work.\n',
    );
    expect(flagsOf(report)).toEqual(['q1-green-no-inquiry: immigration status']);
  });

  it('inherit a lifted ban', () => {
    const report = analyzeMini(
      'No member will prohibit, or in any way restrict, another member from doing the following:\n(a) Sending information to federal immigration officials.\n(b) Keeping records.\n',
    );
    expect(flagsOf(report)).toContain('q2-red-share: Sending information to federal immigration officials.');
  });
});

describe('carve-outs', () => {
  it('read the sentence before them and are permitting', () => {
    const report = analyzeMini(
      'Officers shall not inquire about immigration status. This prohibition does not preclude an officer from asking when a crime is investigated.',
    );
    expect(flagsOf(report)).toEqual([
      'q1-green-no-inquiry: Officers shall not inquire about immigration status.',
      'q1-red-inquiry-allowed: This prohibition does not preclude an officer from asking when a crime is investigated.',
    ]);
    expect(report.questions.find((q) => q.id === 1)!.verdict).toBe('mixed');
  });

  it('do not reach back over a heading', () => {
    const report = analyzeMini(
      'IMMIGRATION STATUS\n\nNothing in this section shall prevent an officer from asking about a stolen car.',
    );
    expect(flagsOf(report)).toEqual([]);
  });
});

describe('exclusions', () => {
  it('`none` groups anywhere in the sentence stop a rule', () => {
    expect(
      rulesFiring('Officers may share records with ICE when presented with a judicial warrant.'),
    ).toEqual([]);
  });

  it('`unless_near` groups stop a rule only within `near` words of the match', () => {
    expect(rulesFiring('Officers shall not routinely inquire about immigration status.')).toEqual([]);
    expect(
      rulesFiring(
        'Officers shall not inquire about immigration status of any person stopped on a road, as happened routinely.',
      ),
    ).toEqual(['q1-green-no-inquiry']);
    expect(
      rulesFiring('Officers shall not inquire about immigration status. Officers routinely patrol.'),
    ).toEqual(['q1-green-no-inquiry']);
  });

  it('`overrides` keeps only the more specific rule on a passage', () => {
    expect(rulesFiring('Officers shall not share records with ICE except as required by law.')).toEqual([
      'q2-green-no-share-except-law',
    ]);
  });

  it('one flag per rule and passage, one per passage it fires on', () => {
    const report = analyzeMini(
      'Officers may share records with ICE and may send data to ICE. Officers may share files with ICE.',
    );
    expect(flagsOf(report)).toEqual([
      'q2-red-share: Officers may share records with ICE and may send data to ICE.',
      'q2-red-share: Officers may share files with ICE.',
    ]);
  });
});

describe('the mini rule book', () => {
  it("keeps its own examples' promises", async () => {
    const { failingExamples } = await import('../../../src/rules/check-examples');
    const { miniBook } = await import('./mini-book');
    expect(failingExamples(miniBook)).toEqual([]);
  });
});

describe('a carve-out after a list', () => {
  it('reads back over the whole list', () => {
    const report = analyzeMini(
      'Officers shall not:\n(a) stop people to check papers;\n(b) inquire about immigration status.\nThis prohibition does not preclude an officer from asking when a crime is investigated.',
    );
    expect(flagsOf(report)).toContain(
      'q1-red-inquiry-allowed: This prohibition does not preclude an officer from asking when a crime is investigated.',
    );
  });
});

describe('list items are flagged for what they add', () => {
  it('not for a match that lies wholly in their lead-in (the lead-in is flagged itself)', () => {
    const report = analyzeMini(
      'No member will prohibit, or in any way restrict, another member from sending information to federal immigration officials in these ways:\n(a) by mail;\n(b) by telephone.\n',
    );
    expect(flagsOf(report)).toEqual([
      'q2-red-share: No member will prohibit, or in any way restrict, another member from sending information to federal immigration officials in these ways:',
    ]);
  });

  it('but for a match that takes words from both', () => {
    const report = analyzeMini(
      'No member will prohibit, or in any way restrict, another member from doing the following:\n(a) sending data to ICE;\n',
    );
    expect(flagsOf(report)).toEqual(['q2-red-share: sending data to ICE']);
  });
});

describe('questions and answers (FAQ pages)', () => {
  it('an answer reads with its question, with the answer’s force', () => {
    const report = analyzeMini(
      'Does the Department have a 287(g) agreement?\nNo, and it shall not enter into one.',
    );
    expect(flagsOf(report)).toEqual(['q7-green-no-287g: No, and it shall not enter into one.']);
  });

  it('also past a bare "No."', () => {
    // (The segmenter may keep "No." with the next sentence; either way the answer is flagged.)
    const report = analyzeMini('Do officers share records with ICE?\nNo. Officers shall not do so.');
    const flags = flagsOf(report);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatch(/^q2-green-no-share: (No\. )?Officers shall not do so\.$/);
  });

  it('the question alone flags nothing', () => {
    expect(
      flagsOf(analyzeMini('Do officers share records with ICE?\nThe answer is on our website.')),
    ).toEqual([]);
  });
});

describe('questions', () => {
  it('are never flagged themselves', () => {
    expect(rulesFiring('May officers share records with ICE?')).toEqual([]);
  });

  it('lend their words only to a Yes/No answer', () => {
    expect(
      rulesFiring('Do officers share records with ICE?\nOfficers shall not disclose anything about it.'),
    ).toEqual([]);
  });
});

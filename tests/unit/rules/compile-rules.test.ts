// @vitest-environment node
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRuleBook, ruleBookJson } from '../../../src/rules/read-rule-files';

const fixtures = join(__dirname, '../../fixtures');
const made: string[] = [];

/** The mini rule book with one file replaced by a broken one. */
function bookWith(broken: string, replaces: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  made.push(dir);
  cpSync(join(fixtures, 'rules-mini'), dir, { recursive: true });
  copyFileSync(join(fixtures, 'rules-broken', broken), join(dir, replaces));
  return buildRuleBook(dir, { allQuestions: false });
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the real rule book', () => {
  it('compiles without problems', () => {
    const { errors } = buildRuleBook(join(__dirname, '../../../rules'));
    expect(errors).toEqual([]);
  });

  it('is what src/generated/rules.json holds (run `npm run rules` after editing rules/)', () => {
    const { book } = buildRuleBook(join(__dirname, '../../../rules'));
    expect(book).not.toBeNull();
    const committed = readFileSync(join(__dirname, '../../../src/generated/rules.json'), 'utf8');
    expect(committed === ruleBookJson(book!), 'src/generated/rules.json is out of date').toBe(true);
  });
});

describe('the mini rule book', () => {
  it('compiles, expanding @groups and naming rule groups after their rule', () => {
    const { book, errors } = buildRuleBook(join(fixtures, 'rules-mini'), { allQuestions: false });
    expect(errors).toEqual([]);
    expect(book!.groups['status-or-papers']).toEqual([
      'immigration status',
      'citizenship',
      'immigration papers',
    ]);
    const rule = book!.rules.find((r) => r.id === 'q1-green-no-inquiry')!;
    expect(rule.all).toEqual(['q1-green-no-inquiry/all/1', 'status-or-papers']);
    expect(rule.unlessNear).toEqual(['q1-green-no-inquiry/unless_near/1']);
    expect(rule.sentence).toEqual(['prohibiting']);
    expect(rule.near).toBe(4);
    expect(book!.questions.find((q) => q.id === 7)!.silenceIsRed).toBe(true);
    // A group mixing @names and words keeps the words and includes the groups by name.
    expect(book!.groups['q2-red-share/all/2']).toEqual(['the feds']);
    expect(book!.includes['q2-red-share/all/2']).toEqual(['ice']);
  });

  it('needs all seven questions unless told otherwise', () => {
    const { errors } = buildRuleBook(join(fixtures, 'rules-mini'));
    expect(errors).toContain('question 4 has no file (q4-....yaml)');
  });
});

describe('broken rules files are refused with a plain message naming the file and rule', () => {
  it.each([
    [
      'q1-missing-examples.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q1-green-no-inquiry, examples\.match needs at least 2/,
    ],
    [
      'q1-unknown-group.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q1-green-no-inquiry uses @imigration-status, which vocabulary\.yaml does not define/,
    ],
    [
      'q1-wrong-prefix.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q2-green-no-inquiry must start with q1-/,
    ],
    [
      'q1-misspelt-field.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q1-green-no-inquiry has an unknown field "sentense"/,
    ],
    [
      'q1-bad-colour.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q1-green-no-inquiry, flag must be one of: red, green/,
    ],
    ['q1-not-yaml.yaml', 'q1-status.yaml', /q1-status\.yaml, line \d+: not valid YAML/],
    [
      'q1-empty-gap.yaml',
      'q1-status.yaml',
      /q1-status\.yaml: rule q1-green-no-inquiry: "inquire \.\.\.": every side of "\.\.\." needs at least one word/,
    ],
    [
      'q2-duplicate-id.yaml',
      'q2-sharing.yaml',
      /q2-sharing\.yaml: rule q2-red-share has the same id as a rule in q2-sharing\.yaml/,
    ],
    [
      'q7-silence-without-explanation.yaml',
      'q7-287g.yaml',
      /q7-287g\.yaml: silence is red, so silence_explanation is needed/,
    ],
    [
      'vocabulary-missing-cue.yaml',
      'vocabulary.yaml',
      /vocabulary\.yaml: the sentence cue group discouraging-cues is missing/,
    ],
    [
      'vocabulary-loop.yaml',
      'vocabulary.yaml',
      /vocabulary\.yaml: group ice @ice refers back to itself \(ice → federal → ice\)/,
    ],
  ])('%s', (broken, replaces, message) => {
    const { book, errors } = bookWith(broken, replaces);
    expect(book).toBeNull();
    expect(
      errors.some((e) => message.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('refuses a file whose name is not a question, vocabulary or lexipol file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    made.push(dir);
    cpSync(join(fixtures, 'rules-mini'), dir, { recursive: true });
    copyFileSync(join(fixtures, 'rules-mini', 'q1-status.yaml'), join(dir, 'question-one.yaml'));
    const { errors } = buildRuleBook(dir, { allQuestions: false });
    expect(errors.join('\n')).toMatch(/question-one\.yaml: unexpected file name/);
  });
});

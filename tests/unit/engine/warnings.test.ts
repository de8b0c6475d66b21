// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { WARNING } from '../../../src/engine/warnings';
import { analyzeMini, miniBook } from './mini-book';

const policy =
  'Officers shall not inquire about the immigration status of any person. Officers shall not share records with ' +
  'federal immigration officials except as required by law. The Department shall not enter into any agreement ' +
  'under section 287(g) of the federal immigration law, and no officer shall act as an immigration officer.';

describe('warnings', () => {
  it('none for an ordinary policy', () => {
    expect(analyzeMini(policy).warnings).toEqual([]);
  });

  it('no text', () => {
    expect(analyzeMini('').warnings).toEqual([WARNING.noText]);
    expect(analyzeMini('  \n\n ... \n').warnings).toEqual([WARNING.noText]);
  });

  it('a PDF whose pages have little or no text looks scanned', () => {
    const report = analyze({ source: 'scan.pdf', title: null, pages: ['', ' ', '12', policy] }, miniBook);
    expect(report.warnings).toEqual([WARNING.scanned]);
  });

  it('a policy that never mentions immigration', () => {
    const text =
      'Officers shall wear the uniform of the day. Boots shall be polished. Hats are worn outdoors at all times. ' +
      'Rain gear is issued by the quartermaster each spring. Members must return equipment when they leave the ' +
      'Department. Lost items are replaced at the cost of the member.';
    expect(analyzeMini(text).warnings).toEqual([WARNING.noImmigration]);
  });

  it('a text that stops in the middle of a sentence looks truncated', () => {
    const cut = `${policy} Officers who receive a request from federal immigration officials for the release date of`;
    expect(analyzeMini(cut).warnings).toEqual([WARNING.truncated]);
  });

  it('a short text or a final list item without a full stop is not called truncated', () => {
    expect(analyzeMini('Officers shall not ask about immigration status and').warnings).toEqual([]);
    expect(
      analyzeMini(`${policy} Officers shall not:\n(a) share records with ICE\n(b) hold anyone for ICE`)
        .warnings,
    ).toEqual([]);
  });
});

describe('truncation is judged conservatively', () => {
  it.each([
    ['a sign-off line', `${policy}\n\nBy order of the Chief of Police`],
    ['a closing sentence without its full stop', `${policy} Officers shall complete the training every year`],
  ])('%s is not called truncated', (_name, text) => {
    expect(analyzeMini(text).warnings).toEqual([]);
  });

  it.each([
    ['a dangling comma', `${policy} When a request arrives from a federal agency,`],
    ['a dangling "the"', `${policy} Officers who receive such a request shall forward it to the`],
  ])('%s is', (_name, text) => {
    expect(analyzeMini(text).warnings).toEqual([WARNING.truncated]);
  });
});

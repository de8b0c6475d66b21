// @vitest-environment node
/**
 * A lead-in ("Officers shall not:") separated from its list by a blank line. Web pages are read that
 * way (the page text puts a blank line between a <p> and the <ul> after it), so every list on a web
 * page depends on the lead-in reaching across it.
 */
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import { normalize } from '../../../src/engine/normalize';
import { segment } from '../../../src/engine/segment';
import { rows } from './segment-rows';

describe('segment: a lead-in across a blank line', () => {
  it('leads the unmarked lines of a web page list (a <p> then a <ul>)', () => {
    const lead = 'During an operation by federal agents, officers shall not:';
    const text = [
      lead,
      '',
      'take part in arrests or questioning for civil immigration enforcement;',
      'guard, transport or hold people for immigration agents.',
      '',
      'The role of officers at the scene is limited to keeping the peace.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['sentence', lead, null],
      ['item', 'take part in arrests or questioning for civil immigration enforcement', lead],
      ['item', 'guard, transport or hold people for immigration agents.', lead],
      ['sentence', 'The role of officers at the scene is limited to keeping the peace.', null],
    ]);
  });

  it('leads capitalised items that are whole sentences, up to the next blank line', () => {
    const text =
      'Officers shall not:\n\nAsk a person about immigration status.\nShare records with ICE.\n\nThe Chief may review this policy.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'Ask a person about immigration status.', 'Officers shall not:'],
      ['item', 'Share records with ICE.', 'Officers shall not:'],
      ['sentence', 'The Chief may review this policy.', null],
    ]);
  });

  it('keeps a hard-wrapped sentence whole when a wrapped line starts with a capital (text files)', () => {
    const text = [
      'The Select Board adopted the following rule:',
      '',
      'Officers of the Department shall not share any information about a person with',
      'ICE or any other federal immigration authority except when required by law.',
    ].join('\n');
    expect(rows(text).slice(1)).toEqual([
      [
        'item',
        'Officers of the Department shall not share any information about a person with\nICE or any other federal immigration authority except when required by law.',
        'The Select Board adopted the following rule:',
      ],
    ]);
  });

  it('leads a one-item list', () => {
    const text = 'Members may not:\n\nhold anyone on a civil immigration detainer.\n\nThe end.';
    expect(rows(text).map((r) => r[2])).toEqual([null, 'Members may not:', null]);
  });

  it('keeps leading items that are separated by blank lines while each ends with ";"', () => {
    // <li><p>…</p></li>: every item is a paragraph of its own.
    const text =
      'Officers shall not:\n\nask about status;\n\nshare records; or\n\nhold anyone.\n\nOfficers may call a supervisor.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about status', 'Officers shall not:'],
      ['item', 'share records', 'Officers shall not:'],
      ['item', 'hold anyone.', 'Officers shall not:'],
      ['sentence', 'Officers may call a supervisor.', null],
    ]);
  });

  it('still leads marked items after a blank line', () => {
    const text = 'The Department shall not:\n\n1. enter a 287(g) agreement;\n2. use funds for enforcement.';
    expect(rows(text).map((r) => r[2])).toEqual([
      null,
      'The Department shall not:',
      'The Department shall not:',
    ]);
  });

  it.each([
    'Procedure:',
    'Policy statement:',
    'IMMIGRATION DETAINERS:',
    '4. Civil Detainers:',
    'Exceptions to This Policy:',
  ])('does not lend a heading-like line "%s" to the paragraph after it', (heading) => {
    const text = `${heading}\n\nOfficers may share records with ICE when a judge signs a warrant. The Chief reviews each case.`;
    const segs = segment(text);
    expect(segs.slice(1).map((s) => [s.kind, s.leadIn])).toEqual([
      ['sentence', -1],
      ['sentence', -1],
    ]);
  });

  it('does lend a heading-like line to lines that read as items (lowercase, ending with ";")', () => {
    const text = 'Prohibited activities:\n\nasking about immigration status;\nsharing records with ICE.';
    expect(rows(text).map((r) => r[2])).toEqual([null, 'Prohibited activities:', 'Prohibited activities:']);
  });

  it('takes a short lead-in without a modal verb for a sentence unless it is set as a title', () => {
    const text = 'The Department prohibits:\n\nAsking about immigration status.\nSharing records with ICE.';
    expect(rows(text).map((r) => r[2])).toEqual([
      null,
      'The Department prohibits:',
      'The Department prohibits:',
    ]);
  });

  it('does not lend a lead-in to a long paragraph after it', () => {
    const long = `Officers ${'shall treat every person with respect and '.repeat(9)}dignity.`;
    const text = `The Board voted the following:\n\n${long}`;
    expect(rows(text)).toEqual([
      ['sentence', 'The Board voted the following:', null],
      ['sentence', long, null],
    ]);
  });

  it('carries a lead-in over a PDF page break that falls right after its colon', () => {
    const pages = [
      'Town Police Department\nPolicy Manual\nMembers may do the following:\n1',
      'Town Police Department\nPolicy Manual\nShare records with ICE.\nThe Chief shall review this policy.\n2',
    ];
    const norm = normalize(originalText({ source: 'p.pdf', title: null, pages }));
    expect(rows(norm.text)).toEqual([
      ['sentence', 'Members may do the following:', null],
      ['item', 'Share records with ICE.', 'Members may do the following:'],
      ['sentence', 'The Chief shall review this policy.', null],
    ]);
  });
});

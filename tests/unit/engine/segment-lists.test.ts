// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/engine/document';
import { normalize } from '../../../src/engine/normalize';
import { segment } from '../../../src/engine/segment';
import { rows, sentences } from './segment-rows';

describe('segment: lists', () => {
  it('makes list items led by the sentence that ends with a colon', () => {
    const text =
      'Officers shall not:\n(a) ask about immigration status;\n(b) share information with ICE; or\n(c) hold a person.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about immigration status', 'Officers shall not:'],
      ['item', 'share information with ICE', 'Officers shall not:'],
      ['item', 'hold a person.', 'Officers shall not:'],
    ]);
  });

  it.each([
    ['a.', 'b.'],
    ['a)', 'b)'],
    ['1.', '2.'],
    ['(1)', '(2)'],
    ['i.', 'ii.'],
    ['(iv)', '(v)'],
    ['A.', 'B.'],
    ['•', '•'],
    ['-', '-'],
    ['*', '*'],
    ['–', '–'],
    ['\u25aa', '\u25aa'],
  ])('reads "%s" and "%s" as list markers', (first, second) => {
    const text = `The Department shall not:\n${first} enter a 287(g) agreement\n${second} use funds for enforcement`;
    expect(rows(text).slice(1)).toEqual([
      ['item', 'enter a 287(g) agreement', 'The Department shall not:'],
      ['item', 'use funds for enforcement', 'The Department shall not:'],
    ]);
  });

  it('lets items wrap over lines, and ends them at a blank line or a heading', () => {
    const text =
      'Officers shall not:\n(a) ask a person about\nimmigration status\n(b) share records\n\nThe end.\nFUNDS\nNone.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask a person about\nimmigration status', 'Officers shall not:'],
      ['item', 'share records', 'Officers shall not:'],
      ['sentence', 'The end.', null],
      ['heading', 'FUNDS', null],
      ['sentence', 'None.', null],
    ]);
  });

  it('ends a list at a new sentence after an item that ends one (PDF text has no blank lines)', () => {
    const text =
      'Officers shall not:\n(a) ask about status; or\n(b) share records with ICE.\nThe Department may provide\nsupport services.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about status', 'Officers shall not:'],
      ['item', 'share records with ICE.', 'Officers shall not:'],
      ['sentence', 'The Department may provide\nsupport services.', null],
    ]);
  });

  it('keeps a second sentence of an item when it follows on the same line', () => {
    const text =
      'Officers shall not:\n(a) ask about status. This includes\nquestions about papers.\n(b) share records.';
    expect(rows(text).map((r) => r[1])).toEqual([
      'Officers shall not:',
      'ask about status.',
      'This includes\nquestions about papers.',
      'share records.',
    ]);
    expect(rows(text).map((r) => r[2])).toEqual([
      null,
      'Officers shall not:',
      'Officers shall not:',
      'Officers shall not:',
    ]);
  });

  it('keeps a list going over blank lines between its items', () => {
    const text = 'Officers shall not:\n\n(a) ask about status;\n\n(b) share records.';
    expect(rows(text).map((r) => r[2])).toEqual([null, 'Officers shall not:', 'Officers shall not:']);
  });

  it('ends a numbered list at an ALL CAPS numbered heading', () => {
    const text =
      'I. GENERAL\nMembers shall not:\n1. ask about status; or\n2. share records.\n\nII. DETAINERS\nMembers shall notify.';
    expect(rows(text)).toEqual([
      ['heading', 'I. GENERAL', null],
      ['sentence', 'Members shall not:', null],
      ['item', 'ask about status', 'Members shall not:'],
      ['item', 'share records.', 'Members shall not:'],
      ['heading', 'II. DETAINERS', null],
      ['sentence', 'Members shall notify.', null],
    ]);
  });

  it('reads a Title Case line right after a lead-in colon as an item, not a heading', () => {
    const text = 'Officers shall not engage in the following:\nImmigration Status Checks\nRaids With ICE';
    expect(rows(text).map((r) => r[0])).toEqual(['sentence', 'item', 'item']);
  });

  it('gives items without a lead-in leadIn -1', () => {
    const text = 'Procedure.\n1. Book the arrestee.\n2. Notify the arrestee of any detainer.';
    expect(rows(text)).toEqual([
      ['sentence', 'Procedure.', null],
      ['item', 'Book the arrestee.', null],
      ['item', 'Notify the arrestee of any detainer.', null],
    ]);
  });

  it('keeps the outermost lead-in for nested items, unless an item leads its own list', () => {
    const text = [
      'Officers shall not:',
      '(a) ask about status;',
      '(1) in the field',
      '(2) at booking',
      '(b) share the following:',
      '(i) names;',
      '(ii) addresses.',
      '(c) hold anyone.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about status', 'Officers shall not:'],
      ['item', 'in the field', 'Officers shall not:'],
      ['item', 'at booking', 'Officers shall not:'],
      ['item', 'share the following:', 'Officers shall not:'],
      ['item', 'names', 'share the following:'],
      ['item', 'addresses.', 'share the following:'],
      ['item', 'hold anyone.', 'Officers shall not:'],
    ]);
  });

  it('reads "(i)" after "(h)" as a letter, and "(i)" opening a nested list as a roman numeral', () => {
    const letters = 'x'.repeat(0);
    const text = `Officers shall not:\n(g) one\n(h) two:\n(i) nested one\n(ii) nested two\n(i) three${letters}`;
    const segs = segment(text);
    const lead = (k: number) => text.slice(segs[segs[k]!.leadIn]!.start, segs[segs[k]!.leadIn]!.end);
    expect(lead(3)).toBe('two:');
    expect(lead(4)).toBe('two:');
    expect(lead(5)).toBe('Officers shall not:');
  });

  it('reads unmarked lines after a colon as items (PDFs often lose the bullets)', () => {
    const text = [
      'No member will prohibit any other member from doing any of the following (8 USC § 1373):',
      'Sending information to, or receiving such information from, federal',
      'immigration officials',
      'Maintaining such information in department records',
      'Exchanging such information with any other government entity',
    ].join('\n');
    const lead = 'No member will prohibit any other member from doing any of the following (8 USC § 1373):';
    expect(rows(text)).toEqual([
      ['sentence', lead, null],
      [
        'item',
        'Sending information to, or receiving such information from, federal\nimmigration officials',
        lead,
      ],
      ['item', 'Maintaining such information in department records', lead],
      ['item', 'Exchanging such information with any other government entity', lead],
    ]);
  });

  it('ends unmarked items at a line after a finished item', () => {
    const text =
      'Officers may do the following:\nShare records with ICE.\nThe Chief shall review this policy.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers may do the following:', null],
      ['item', 'Share records with ICE.', 'Officers may do the following:'],
      ['sentence', 'The Chief shall review this policy.', null],
    ]);
  });

  it('splits an inline list into a lead-in and items', () => {
    const text =
      'Officers shall not: (a) ask about status; (b) share data with ICE; or (c) hold anyone. The end.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about status', 'Officers shall not:'],
      ['item', 'share data with ICE', 'Officers shall not:'],
      ['item', 'hold anyone.', 'Officers shall not:'],
      ['sentence', 'The end.', null],
    ]);
  });

  it('splits inline lists numbered (1) (2) or 1) 2), even over a full stop inside an item', () => {
    expect(rows('Members may not: (1) ask. (2) share.').map((r) => r[1])).toEqual([
      'Members may not:',
      'ask.',
      'share.',
    ]);
    expect(rows('Members may not: 1) ask; 2) share.').map((r) => r[1])).toEqual([
      'Members may not:',
      'ask',
      'share.',
    ]);
  });

  it('does not take 287(g), a lone "(a)" or a reference for an inline list', () => {
    expect(sentences('Agreements: 287(g) agreements are barred.')).toEqual([
      'Agreements: 287(g) agreements are barred.',
    ]);
    expect(sentences('See: (a) above for details.')).toEqual(['See: (a) above for details.']);
  });

  it('lets an item lead an inline list of its own', () => {
    const text = 'Officers shall not:\n(a) do these: (1) ask; (2) share.\n(b) hold anyone.';
    expect(rows(text)).toEqual([
      ['sentence', 'Officers shall not:', null],
      ['item', 'do these:', 'Officers shall not:'],
      ['item', 'ask', 'do these:'],
      ['item', 'share.', 'do these:'],
      ['item', 'hold anyone.', 'Officers shall not:'],
    ]);
  });

  it('reads a lone marker line followed by the item text', () => {
    const text = 'Officers shall not:\n(a)\nask about status\n(b)\nshare data';
    expect(rows(text).map((r) => r[1])).toEqual(['Officers shall not:', 'ask about status', 'share data']);
  });
});

describe('segment: PDF text after normalisation', () => {
  it('segments a two-page policy with running heads, hyphenation and a list across the page break', () => {
    const pages = [
      'Town Police Department\nPolicy Manual\n413.4 IMMIGRATION DETAINERS\nNo officer shall hold a person on a civil immigra-\ntion detainer. Officers shall not:\n(a) ask about status;\n1',
      'Town Police Department\nPolicy Manual\n(b) share information with ICE.\n2',
    ];
    const norm = normalize(originalText({ source: 'p.pdf', title: null, pages }));
    expect(rows(norm.text)).toEqual([
      ['heading', '413.4 IMMIGRATION DETAINERS', null],
      ['sentence', 'No officer shall hold a person on a civil immigration detainer.', null],
      ['sentence', 'Officers shall not:', null],
      ['item', 'ask about status', 'Officers shall not:'],
      ['item', 'share information with ICE.', 'Officers shall not:'],
    ]);
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Segment, segment } from '../../../src/engine/segment';
import { countWork } from '../../helpers/work-counter';
import { rows, sentences } from './segment-rows';

describe('segment: sentences', () => {
  it('splits at full stops, question and exclamation marks followed by a capital', () => {
    expect(sentences('Officers shall not ask. May they share? No! The end.')).toEqual([
      'Officers shall not ask.',
      'May they share?',
      'No!',
      'The end.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(sentences('The form says "hold the person." Officers shall not (see below.) The end.')).toEqual([
      'The form says "hold the person."',
      'Officers shall not (see below.)',
      'The end.',
    ]);
  });

  it('does not split after a full stop followed by a lowercase word', () => {
    expect(sentences('Officers shall notify etc. and then stop.')).toEqual([
      'Officers shall notify etc. and then stop.',
    ]);
  });

  it.each([
    'Sharing is governed by 8 U.S.C. § 1373 and nothing else.',
    'See 8 U.S.C. 1357(g) for the agreements.',
    'The court decided Lunn v. Commonwealth in 2017.',
    'Lunn v. Commonwealth, 477 Mass. 517 (2017), bars civil detainer holds.',
    'This applies under Sec. 12 of the bylaw.',
    'Use a judicial warrant, e.g. One signed by a judge.',
    'Use a judicial warrant, i.e. A warrant signed by a judge.',
    'Complete Form No. 5 before release.',
    'Contracts with Acme Inc. Are void.',
    'The station on Main St. Will post the policy.',
    'Approved by Chief J. R. Smith on that day.',
    'Under M.G.L. c. 276 officers may not hold anyone.',
    'Compare Commonwealth v. Lunn, 2017 Mass. App. Ct. Decisions.',
  ])('keeps one sentence: %s', (text) => {
    expect(sentences(text)).toEqual([text]);
  });

  it('ends a sentence after a section citation that ends with a number', () => {
    expect(sentences('This follows 8 U.S.C. § 1373. Officers shall not share data.')).toEqual([
      'This follows 8 U.S.C. § 1373.',
      'Officers shall not share data.',
    ]);
  });

  it('joins hard-wrapped lines into one sentence and splits inside a line', () => {
    const text = 'No officer shall inquire\nabout immigration status. The\nDepartment shall not share it.';
    expect(sentences(text)).toEqual([
      'No officer shall inquire\nabout immigration status.',
      'The\nDepartment shall not share it.',
    ]);
  });

  it('always ends a unit at a blank line, even without punctuation', () => {
    expect(sentences('Officers shall not ask\n\nabout status')).toEqual([
      'Officers shall not ask',
      'about status',
    ]);
  });

  it('trims spaces and line breaks around every segment', () => {
    const text = '  Officers shall not ask.   \n\n   The end.  ';
    for (const s of segment(text)) {
      expect(text[s.start]).not.toMatch(/\s/);
      expect(text[s.end - 1]).not.toMatch(/\s/);
    }
  });
});

describe('segment: clauses', () => {
  const clauses = (text: string) => {
    const [s] = segment(text);
    return s!.clauses.map((c) => text.slice(c, c + 6));
  };

  it('starts a clause after ";" and before ", but", ", nor", ", however", ", except that"', () => {
    expect(clauses('Officers shall not ask; they may share, but only by law.')).toEqual([
      'Office',
      'they m',
      'but on',
    ]);
    expect(clauses('No officer shall ask, nor shall he share.')).toEqual(['No off', 'nor sh']);
    expect(clauses('Officers shall not ask, however they may share.')).toEqual(['Office', 'howeve']);
    expect(clauses('Officers shall not hold anyone, except that a judge may order it.')).toEqual([
      'Office',
      'except',
    ]);
    expect(clauses('Officers shall not hold anyone; provided that a judge may order it.')).toEqual([
      'Office',
      'provid',
    ]);
  });

  it('does not start a clause at a plain comma or at "except" alone', () => {
    expect(clauses('Officers, supervisors, and staff shall not ask, except as required by law.')).toEqual([
      'Office',
    ]);
  });

  it('starts with the segment itself', () => {
    const text = 'Heading\n\nOne sentence here; two.';
    for (const s of segment(text)) expect(s.clauses[0]).toBe(s.start);
  });
});

describe('segment: headings and sections', () => {
  it('reads a numbered ALL CAPS line as a heading and labels what follows with its number', () => {
    const text = '413.4 IMMIGRATION DETAINERS\nOfficers shall not hold anyone on a detainer.';
    const [heading, sentence] = segment(text);
    expect(heading).toMatchObject({ kind: 'heading', section: '413.4' });
    expect(text.slice(heading!.start, heading!.end)).toBe('413.4 IMMIGRATION DETAINERS');
    expect(sentence).toMatchObject({ kind: 'sentence', section: '413.4' });
  });

  it.each([
    ['1.33 Definitions', '1.33'],
    ['200-15 Immigration Enforcement', '200-15'],
    ['Section 4.2 Detainers', 'Section 4.2'],
    ['Sec. 12 Funds and Resources', 'Sec. 12'],
    ['Policy 413 Immigration Violations', 'Policy 413'],
    ['IMMIGRATION DETAINERS', 'IMMIGRATION DETAINERS'],
    ['Immigration Status Inquiries', 'Immigration Status Inquiries'],
    ['I. PURPOSE', 'I. PURPOSE'],
  ])('heading "%s" labels the section "%s"', (heading, label) => {
    const text = `${heading}\nOfficers shall not ask about status.`;
    const segs = segment(text);
    expect(segs.map((s) => s.kind)).toEqual(['heading', 'sentence']);
    expect(segs[1]!.section).toBe(label);
  });

  it.each([
    'Section 6. Operations and resources',
    'Article 4: Detainers and notice',
    'SECTION 2 - Definitions of terms',
  ])('reads a word-numbered heading in sentence case, "%s", as a heading', (heading) => {
    const text = `The end of section five.\n\n${heading}\n6.1 Members shall not take part in any operation.`;
    const segs = segment(text);
    expect(segs.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['sentence', 'The end of section five.'],
      ['heading', heading],
      ['sentence', 'Members shall not take part in any operation.'],
    ]);
  });

  it('reads a numbered sentence-case title standing alone between blank lines as a heading', () => {
    const text =
      '1. Purpose\n\nThe Department serves everyone.\n\n2. Immigration status\n\nNo officer shall ask about status.';
    const segs = segment(text);
    expect(segs.map((s) => [s.kind, text.slice(s.start, s.end), s.section])).toEqual([
      ['heading', '1. Purpose', '1. Purpose'],
      ['sentence', 'The Department serves everyone.', '1. Purpose'],
      ['heading', '2. Immigration status', '2. Immigration status'],
      ['sentence', 'No officer shall ask about status.', '2. Immigration status'],
    ]);
  });

  it('keeps a numbered line that says something, or that sits in a list, an item', () => {
    const rule = 'Intro.\n\n3. Officers may share information with ICE\n\nThe end.';
    expect(segment(rule).map((s) => s.kind)).toEqual(['sentence', 'item', 'sentence']);
    const list =
      'Officers shall not:\n1. ask about status;\n2. share records.\n\n3. Immigration detainers\n\nText.';
    expect(segment(list).map((s) => s.kind)).toEqual(['sentence', 'item', 'item', 'item', 'sentence']);
  });

  it('does not read "Section 6 applies to all members" as a heading', () => {
    expect(segment('Section 6 applies to all members').map((s) => s.kind)).toEqual(['sentence']);
  });

  it('strips a section number that opens a sentence and keeps it as the section', () => {
    const text = 'Intro text.\n413.4 Officers shall not detain a person solely on a civil detainer.';
    const segs = segment(text);
    expect(text.slice(segs[1]!.start, segs[1]!.end)).toBe(
      'Officers shall not detain a person solely on a civil detainer.',
    );
    expect(segs[1]!.section).toBe('413.4');
  });

  it('does not take a wrapped section number inside a sentence for a section', () => {
    const text = 'Officers shall follow section\n413.4 of this manual.';
    expect(rows(text)).toEqual([['sentence', 'Officers shall follow section\n413.4 of this manual.', null]]);
  });

  it('takes a numbered ALL CAPS line for a heading even after an unfinished line', () => {
    const text =
      'Members may do the following:\nExchange records with any government entity\n413.8 TRAINING\nOfficers train yearly.';
    expect(rows(text).map((r) => r[0])).toEqual(['sentence', 'item', 'heading', 'sentence']);
    expect(rows('Officers shall notify\nICE at once.')).toEqual([
      ['sentence', 'Officers shall notify\nICE at once.', null],
    ]);
    const next =
      'Members shall not:\n(c) exchange records with any government entity\nPolicy 749 Communications Center\nText.';
    expect(rows(next).map((r) => r[0])).toEqual(['sentence', 'item', 'heading', 'sentence']);
    expect(rows('Officers follow\nSection 4.2 of this manual.').map((r) => r[0])).toEqual(['sentence']);
  });

  it('does not take a capitalised line that a lowercase line continues for a heading', () => {
    const text = 'The Chief of Police\nmay approve a request.';
    expect(rows(text)).toEqual([['sentence', 'The Chief of Police\nmay approve a request.', null]]);
  });

  it('takes a short line after a finished sentence for a heading, even without a blank line', () => {
    const text = 'The policy ends here.\nFUNDS AND RESOURCES\nNo funds shall be used for enforcement.';
    expect(segment(text).map((s) => s.kind)).toEqual(['sentence', 'heading', 'sentence']);
    expect(segment(text)[2]!.section).toBe('FUNDS AND RESOURCES');
  });

  it('joins an ALL CAPS heading wrapped over two lines', () => {
    const text = 'IMMIGRATION DETAINERS AND REQUESTS\nFOR NOTIFICATION\nOfficers shall notify the arrestee.';
    const segs = segment(text);
    expect(segs.map((s) => s.kind)).toEqual(['heading', 'sentence']);
    expect(segs[1]!.section).toBe('IMMIGRATION DETAINERS AND REQUESTS FOR NOTIFICATION');
  });

  it('cuts a long heading label at a word', () => {
    const heading = 'PROCEDURES FOR RESPONDING TO REQUESTS FROM FEDERAL IMMIGRATION AUTHORITIES AND OTHERS';
    const [, sentence] = segment(`${heading}\nOfficers shall call a supervisor.`);
    expect(sentence!.section!.length).toBeLessThanOrEqual(60);
    expect(heading.startsWith(sentence!.section!)).toBe(true);
  });

  it('has no section before the first heading', () => {
    expect(segment('Officers shall not ask.')[0]!.section).toBeNull();
  });
});

// ---- invariants and hostile input ----

function checkInvariants(text: string, segs: Segment[]) {
  let previousEnd = 0;
  segs.forEach((s, i) => {
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text[s.start]).not.toMatch(/\s/);
    expect(text[s.end - 1]).not.toMatch(/\s/);
    expect(s.clauses[0]).toBe(s.start);
    for (let k = 1; k < s.clauses.length; k++) {
      expect(s.clauses[k]).toBeGreaterThan(s.clauses[k - 1]!);
      expect(s.clauses[k]).toBeLessThan(s.end);
    }
    if (s.kind !== 'item') expect(s.leadIn).toBe(-1);
    if (s.leadIn >= 0) {
      expect(s.leadIn).toBeLessThan(i);
      const lead = segs[s.leadIn]!;
      expect(text[lead.end - 1]).toBe(':');
    }
    previousEnd = s.end;
  });
}

const pieces = [
  'Officers shall not',
  ' ask',
  ' about status',
  '.',
  ':',
  ';',
  ', but',
  ' ',
  '\n',
  '\n\n',
  '(a) ',
  '(b) ',
  '(i) ',
  '1. ',
  '- ',
  '• ',
  'U.S.C. ',
  '§ 1373',
  '413.4 ',
  'IMMIGRATION DETAINERS',
  'Sec. 12',
  'Lunn v. Commonwealth',
  'The',
  '"',
  ')',
  'é',
  '移民',
];
const policyish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));

describe('segment: invariants (property) and hostile input', () => {
  it('returns ordered, trimmed, non-overlapping segments with valid lead-ins and clauses', () => {
    fc.assert(
      fc.property(policyish, (text) => checkInvariants(text, segment(text))),
      { numRuns: 500 },
    );
  });

  it('stays linear on a 3 MB policy manual', () => {
    const chapter = [
      '413.4 IMMIGRATION DETAINERS',
      'No officer shall hold a person on a civil detainer under 8 U.S.C. § 1357, see Lunn v. Commonwealth, 477',
      'Mass. 517 (2017). Officers shall not: (a) ask about status; (b) share data; or (c) hold anyone.',
      'Members shall not:',
      '(a) ask about immigration status;',
      '(b) share information with ICE, but may refer questions to a supervisor; or',
      '(c) hold a person on a detainer.',
      '',
    ].join('\n');
    const text = chapter.repeat(Math.ceil(3_000_000 / chapter.length));
    const { result: segs, steps } = countWork(() => segment(text));
    // Work, not time (tests/helpers/work-counter.ts): a few steps per character; a quadratic step would
    // do hundreds of thousands per character on 3 MB. The time is in bench/hostile.ts.
    expect(steps / text.length).toBeLessThan(32);
    expect(segs.length).toBe(10 * Math.ceil(3_000_000 / chapter.length));
  });

  it('survives a megabyte of one character, of dots, of line breaks, of colons and of list markers', () => {
    const hostile = [
      'a'.repeat(1_000_000),
      '.'.repeat(1_000_000),
      '. A'.repeat(300_000),
      '\n'.repeat(1_000_000),
      ':'.repeat(1_000_000),
      ': (a) x'.repeat(100_000),
      '(a)\n'.repeat(200_000),
      'A.\n'.repeat(200_000),
      '\u0001\u0002 '.repeat(300_000),
      'Política 移民 سياسة. '.repeat(50_000),
    ];
    for (const text of hostile) {
      const { result: segs, steps } = countWork(() => segment(text));
      expect(steps / text.length, JSON.stringify(text.slice(0, 8))).toBeLessThan(32);
      checkInvariants(
        text.slice(0, 2000),
        segs.filter((s) => s.end <= 2000),
      );
    }
  });
});

/**
 * A synthetic police policy manual of any length, for tests and benchmarks: numbered policies and
 * sections of ordinary policing prose (none of it about immigration), a Lexipol-style running header
 * and copyright footer with page numbers on every page, hard line wraps with the odd hyphenated word,
 * and one "Immigration Violations" policy plus one outside-agency passage that the rules must flag.
 *
 * All prose is written for this project; the only borrowed sentences are the Lexipol quotes that
 * the advocacy guide itself cites. Generation is deterministic (seeded) so benchmarks compare alike.
 */
import { makePdf } from './pdf-writer';

export interface ManualOptions {
  /** Number of pages; the immigration policy lands at about 40 % of the way through. */
  pages: number;
  department?: string;
  /** Body characters per page (default 3,000: 1,000 pages ≈ 3 MB with header and footer). */
  charsPerPage?: number;
  /** Characters per line before wrapping (default 92). */
  lineWidth?: number;
  seed?: number;
}

export interface Manual {
  /** Body lines of each page (without header and footer). */
  pages: string[][];
  /** Running header; `{page}` is replaced by the page number. */
  header: string;
  /** Running footer with the page number placeholder. */
  footer: string;
  /** 1-based pages on which the flaggable passages start. */
  flaggedPages: number[];
}

const TOPICS = [
  ['Use of Force', 'force', 'the subject'],
  ['Vehicle Pursuits', 'pursuit', 'the fleeing vehicle'],
  ['Property and Evidence', 'evidence', 'the property room'],
  ['Body-Worn Cameras', 'recording', 'the camera'],
  ['Domestic Violence', 'domestic violence response', 'the victim'],
  ['Missing Persons', 'missing person investigation', 'the reporting party'],
  ['Crisis Intervention', 'crisis response', 'the person in crisis'],
  ['Records Maintenance and Release', 'records request', 'the records clerk'],
  ['Traffic Collisions', 'collision report', 'the involved drivers'],
  ['Juvenile Contacts', 'juvenile contact', 'the parent or guardian'],
  ['Search and Seizure', 'search', 'the occupant'],
  ['Temporary Custody of Adults', 'temporary custody', 'the person in custody'],
  ['Firearms Qualification', 'qualification', 'the range master'],
  ['Communications Center Operations', 'dispatch', 'the dispatcher'],
  ['Mutual Aid and Outside Agency Assistance', 'mutual aid request', 'the requesting agency'],
  ['Employee Assistance Program', 'referral', 'the employee'],
];

const SENTENCES = [
  'Members shall document each {act} in a report before the end of their shift.',
  'The shift supervisor is responsible for reviewing every {act} for completeness and accuracy.',
  'Officers should consider the totality of the circumstances known at the time, including the conduct of {party}.',
  'Training on the {act} procedure shall be provided at least once every calendar year and recorded by the training coordinator.',
  'Nothing in this section is intended to limit the discretion of a supervisor to request additional information.',
  'When practicable, officers should summon a supervisor to the scene before taking further action.',
  'A copy of the completed form shall be forwarded to the division commander within ten business days.',
  'Members are expected to treat {party} with courtesy and respect, and to explain the reasons for their actions.',
  'The Chief of Police or the authorized designee may approve exceptions to this procedure in writing.',
  'Any deviation from this policy shall be reported through the chain of command as soon as reasonably possible.',
  'Officers shall wear the approved uniform and carry department-issued equipment while on duty.',
  'The department will maintain a log of each {act}, which shall be retained according to the records schedule.',
  'Supervisors should review the circumstances of each {act} to identify training needs and policy improvements.',
  'If {party} is injured, officers shall promptly request medical aid and render first aid within the scope of their training.',
  'Photographs, recordings and written statements should be collected and preserved as evidence when appropriate.',
  'The operations lieutenant shall review this policy annually and recommend revisions to the Chief of Police.',
  'Members who are uncertain about the application of this policy should consult a supervisor before acting.',
  'Reasonable accommodations shall be provided to persons with disabilities during every {act}.',
  'Interpreters should be used whenever a language barrier prevents effective communication with {party}.',
  'Officers are reminded that their conduct reflects on the entire department and on the trust of the community.',
];

/**
 * The Lexipol-style immigration policy. Sentences in quotes in the guide are reproduced as the guide
 * quotes them; the rest is our own wording.
 */
function immigrationPolicy(department: string, n: number): string[] {
  return [
    `Policy ${n} Immigration Violations`,
    `${n}.1 PURPOSE AND SCOPE`,
    `This policy gives members of the ${department} guidance on contacts with people who may not be lawfully present in the United States, and on requests from federal immigration officials.`,
    `${n}.2 POLICY`,
    'It is the policy of the Department that every member is committed to equal enforcement of the law and equal service to the public, whatever a person’s national origin.',
    `${n}.3 DETENTIONS`,
    'An officer who has a reasonable suspicion that an individual already lawfully contacted or detained has committed a criminal violation of federal immigration law may detain the person for a reasonable period of time in order to contact federal immigration officials to verify whether an immigration violation is a federal civil violation or a criminal violation.',
    `${n}.4 FEDERAL REQUESTS FOR ASSISTANCE`,
    'Requests by federal immigration officials for assistance from this department should be directed to a supervisor. The Department may provide available support services, such as traffic control or peacekeeping efforts.',
    `${n}.5 INFORMATION SHARING`,
    'No member of this department will prohibit, or in any way restrict, any other member from doing any of the following regarding the citizenship or immigration status, lawful or unlawful, of any individual (8 USC § 1373):',
    '(a) Sending information to, or requesting or receiving such information from, federal immigration officials',
    '(b) Maintaining such information in department records',
    '(c) Exchanging such information with any other federal, state, or local government entity',
  ];
}

const OUTSIDE_AGENCY_PASSAGE =
  'Officers may share arrest and booking information with federal immigration authorities when doing so serves a public safety interest.';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word-wraps a paragraph; some long words that overflow are split with a hyphen, as in PDFs. */
function wrap(paragraph: string, width: number, random: () => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length === 0) {
      line = word;
    } else if (line.length + 1 + word.length <= width) {
      line += ` ${word}`;
    } else if (word.length >= 9 && width - line.length - 2 >= 4 && /^[a-z]+$/i.test(word) && random() < 0.3) {
      const room = Math.min(word.length - 4, width - line.length - 2);
      lines.push(`${line} ${word.slice(0, room)}-`);
      line = word.slice(room);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Paragraphs of the manual, in order and without end, each tagged with whether it must be flagged.
 * The flaggable passages are placed at 40 % and 75 % of `totalChars`, the expected length.
 */
function* manualParagraphs(
  random: () => number,
  department: string,
  totalChars: number,
): Generator<{ text: string; flagged: boolean }> {
  const immigrationAt = Math.floor(totalChars * 0.4);
  const outsideAgencyAt = Math.floor(totalChars * 0.75);
  let written = 0;
  let policyNumber = 100;
  let immigrationDone = false;
  let outsideDone = false;
  for (;;) {
    if (!immigrationDone && written >= immigrationAt) {
      immigrationDone = true;
      policyNumber += 1;
      for (const text of immigrationPolicy(department, policyNumber)) {
        yield { text, flagged: text.endsWith('Immigration Violations') };
        written += text.length;
      }
      continue;
    }
    const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
    policyNumber += 1 + Math.floor(random() * 4);
    const title = `Policy ${policyNumber} ${topic[0]}`;
    written += title.length;
    yield { text: title, flagged: false };
    const sections = 3 + Math.floor(random() * 4);
    for (let s = 1; s <= sections; s++) {
      const heading = [
        'PURPOSE AND SCOPE',
        'POLICY',
        'PROCEDURES',
        'SUPERVISOR RESPONSIBILITIES',
        'REPORTING',
        'TRAINING',
      ];
      const sectionTitle = `${policyNumber}.${s} ${heading[(s - 1) % heading.length]}`;
      written += sectionTitle.length;
      yield { text: sectionTitle, flagged: false };
      const paragraphs = 1 + Math.floor(random() * 3);
      for (let p = 0; p < paragraphs; p++) {
        const sentences: string[] = [];
        const count = 3 + Math.floor(random() * 4);
        for (let k = 0; k < count; k++) {
          const template = SENTENCES[Math.floor(random() * SENTENCES.length)]!;
          sentences.push(template.replaceAll('{act}', topic[1]!).replaceAll('{party}', topic[2]!));
        }
        const text = sentences.join(' ');
        written += text.length;
        yield { text, flagged: false };
      }
      if (!outsideDone && written >= outsideAgencyAt) {
        outsideDone = true;
        yield { text: OUTSIDE_AGENCY_PASSAGE, flagged: true };
      }
    }
  }
}

const DEFAULT_DEPARTMENT = 'Hollisford Police Department';

/**
 * The body paragraphs (not headings) of the manual that rules may flag: the immigration policy and
 * the outside-agency passage. Every other paragraph is ordinary policing prose, so a flag whose
 * passage starts anywhere else is a false positive.
 */
export function flaggableParagraphs(department = DEFAULT_DEPARTMENT): string[] {
  return [
    ...immigrationPolicy(department, 0).filter((p) => !/^(Policy )?0(\.\d)? /.test(p)),
    OUTSIDE_AGENCY_PASSAGE,
  ];
}

export function makeManual(opts: ManualOptions): Manual {
  const department = opts.department ?? DEFAULT_DEPARTMENT;
  const charsPerPage = opts.charsPerPage ?? 3000;
  const width = opts.lineWidth ?? 92;
  const linesPerPage = Math.max(1, Math.round(charsPerPage / (width * 0.9)));
  const random = mulberry32(opts.seed ?? 413);
  const pages: string[][] = [[]];
  const flaggedPages: number[] = [];
  // Wrapped lines are about 85 % full: that gives the expected length, for placing the passages.
  const expectedChars = linesPerPage * opts.pages * width * 0.85;
  for (const { text, flagged } of manualParagraphs(random, department, expectedChars)) {
    const lines = wrap(text, width, random);
    const lastPage = pages.length === opts.pages ? pages[pages.length - 1]! : null;
    // The manual ends with the last whole paragraph that fits: text below the last page's bottom
    // margin would be off the page, and a manual cut mid-sentence reads as a truncated download.
    if (lastPage && lastPage.length + lines.length > linesPerPage) break;
    for (const line of lines) {
      let page = pages[pages.length - 1]!;
      if (page.length >= linesPerPage) {
        page = [];
        pages.push(page);
      }
      page.push(line);
    }
    if (flagged) flaggedPages.push(pages.length);
  }
  while (pages.length < opts.pages) pages.push([]);
  return {
    pages,
    header: `${department} | Policy Manual`,
    footer: `Copyright Lexipol, LLC 2025/06/01, All Rights Reserved. Published with permission by ${department}. Page {page}`,
    flaggedPages,
  };
}

/** Each page's text as a PDF text layer would give it: header, body lines, footer. */
export function manualPageTexts(manual: Manual): string[] {
  return manual.pages.map((lines, i) => {
    const page = String(i + 1);
    return [
      manual.header.replaceAll('{page}', page),
      ...lines,
      manual.footer.replaceAll('{page}', page),
    ].join('\n');
  });
}

export function makeManualPdf(opts: ManualOptions & { title?: string }): Uint8Array {
  const manual = makeManual(opts);
  return makePdf({
    pages: manual.pages,
    header: manual.header,
    footer: manual.footer,
    ...(opts.title === undefined ? {} : { title: opts.title }),
  });
}

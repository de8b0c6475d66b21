import type { QuestionId } from '../../../src/engine/report';
import type { Excerpt } from '../../../src/excerpts/excerpt';
import { defaultRuleBook, type RuleBook } from '../../../src/rules/rule-book';

/** Synthetic excerpts and a rule book with model language, shared by the export tests. */

let counter = 0;
export function sampleExcerpt(fields: Partial<Excerpt> & { quote: string }): Excerpt {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    created: `2026-11-2${counter % 10}T10:00:00.000Z`,
    modified: `2026-11-2${counter % 10}T10:00:00.000Z`,
    prefix: '',
    suffix: '',
    start: 100 * counter,
    end: 100 * counter + fields.quote.length,
    page: null,
    pdfFingerprint: null,
    url: 'https://www.examplefieldma.gov/police/413.html',
    title: 'Examplefield Police Department Policy 413',
    section: null,
    town: 'Examplefield',
    question: null,
    flag: 'note',
    rule: null,
    explanation: null,
    note: '',
    ...fields,
  };
}

export const MODEL_SHARING = 'No employee shall give any person’s information to federal immigration agents.';
export const MODEL_287G = 'The Department shall not enter into any agreement under section 287(g).';

export const testBook: RuleBook = {
  ...defaultRuleBook,
  questions: defaultRuleBook.questions.map((q) =>
    q.id === 2
      ? { ...q, modelLanguage: [{ source: 'Model town policy', text: MODEL_SHARING }] }
      : q.id === 7
        ? { ...q, modelLanguage: [{ source: 'Another model policy', text: MODEL_287G }] }
        : { ...q, modelLanguage: [] },
  ),
};

export function sampleSet(): Excerpt[] {
  const q = (n: number) => n as QuestionId;
  return [
    sampleExcerpt({
      quote:
        'Officers may share booking information with federal immigration officials when it serves a public safety interest.',
      question: q(2),
      flag: 'red',
      section: '413.3',
      rule: 'q2-red-public-safety',
      explanation: 'Sharing for "public safety" is a red flag in the guide.',
      note: 'Ask who decides <what> is public safety.',
    }),
    sampleExcerpt({
      quote: 'Officers shall not inquire about immigration status except as required by law.',
      question: q(1),
      flag: 'green',
      section: 'Immigration Status',
      page: 2,
      pdfFingerprint: 'fp',
    }),
    sampleExcerpt({
      quote: '=HYPERLINK("http://x") -1 @sum',
      question: q(2),
      flag: 'note',
      note: 'Odd, check.',
    }),
    sampleExcerpt({ quote: 'A passage about Lunn.', question: null, flag: 'note' }),
    sampleExcerpt({
      quote: 'Otherton may hold people on detainers.',
      town: 'Otherton',
      question: q(4),
      flag: 'red',
    }),
  ];
}

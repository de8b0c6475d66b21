import type { Flag, QuestionId, QuestionResult, Report, Verdict } from '../../../src/engine/report';

/**
 * A report built by hand over a short text, so the UI can be tested without the engine. Offsets are
 * real: `TEXT.slice(start, end) === quote` for every passage.
 */
export const TEXT =
  'Officers may share information with ICE about any arrestee. ' +
  'No officer shall inquire about a person’s immigration status. ' +
  'The Department shall not enter into a 287(g) agreement.';

function passage(question: QuestionId, flag: 'red' | 'green', quote: string, rule: string): Flag {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`quote not in TEXT: ${quote}`);
  return {
    rule,
    flag,
    start,
    end: start + quote.length,
    page: null,
    quote,
    explanation: `${flag} explanation for ${rule}`,
    absence: false,
    question,
    section: null,
  };
}

function absence(question: QuestionId, quote: string): Flag {
  return {
    rule: `q${question}-silence`,
    flag: 'red',
    start: null,
    end: null,
    page: null,
    quote,
    explanation: 'The guide counts silence as a red flag.',
    absence: true,
    question,
    section: null,
  };
}

function question(id: QuestionId, verdict: Verdict, flags: Flag[]): QuestionResult {
  return {
    id,
    title: `Title ${id}`,
    verdict,
    flags,
    verdictReason: `Reason ${id}`,
    silenceIsRed: id === 4 || id === 6 || id === 7,
  };
}

export function handMadeReport(): Report {
  return {
    source: 'http://127.0.0.1/policy.html',
    title: 'Immigration policy',
    pages: null,
    chars: TEXT.length,
    lexipol: { detected: false, passages: [] },
    // Deliberately out of order: surfaces must sort by the guide's order.
    questions: [
      question(7, 'green', [
        passage(7, 'green', 'The Department shall not enter into a 287(g) agreement.', 'q7-green-no-287g'),
      ]),
      question(1, 'green', [
        passage(
          1,
          'green',
          'No officer shall inquire about a person’s immigration status.',
          'q1-green-no-inquiry',
        ),
      ]),
      question(2, 'red', [
        passage(2, 'red', 'Officers may share information with ICE about any arrestee.', 'q2-red-share'),
      ]),
      question(3, 'silent', []),
      question(4, 'red', [absence(4, 'No response to immigration detainers found.')]),
      question(5, 'silent', []),
      question(6, 'red', [absence(6, 'No limit on funds and resources found.')]),
    ],
    warnings: [],
    rulesVersion: 'test',
  };
}

import type { QuestionInfo } from '../rules/rule-book';
import type { Flag, QuestionResult, Verdict } from './report';

/**
 * A question's verdict from its flags, with the reason in plain words (the scorecard always shows it):
 * red = only red passages, green = only green, mixed = both, silent = none — except where the guide
 * treats silence as a red flag (questions 4, 6 and 7): there, no green passage means red, and an
 * "absence" flag says what is missing.
 */

function count(n: number, colour: string): string {
  return `${n} ${colour} passage${n === 1 ? '' : 's'}`;
}

/** The first sentence of a question's silence explanation: what the absence flag quotes. */
export function absenceQuote(info: QuestionInfo): string {
  const text = (info.silenceExplanation ?? '').trim().replace(/\s+/g, ' ');
  const first = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return first || `No passage found on ${info.title.toLowerCase()}.`;
}

export function absenceFlag(info: QuestionInfo): Flag {
  return {
    rule: `q${info.id}-silence`,
    flag: 'red',
    start: null,
    end: null,
    page: null,
    quote: absenceQuote(info),
    explanation: (info.silenceExplanation ?? absenceQuote(info)).trim().replace(/\s+/g, ' '),
    absence: true,
    question: info.id,
    section: null,
  };
}

export function questionResult(info: QuestionInfo, passages: readonly Flag[]): QuestionResult {
  // Two rules flagging one sentence are one passage to the reader: count places, not flags.
  const distinct = (colour: 'red' | 'green') =>
    new Set(passages.filter((f) => f.flag === colour).map((f) => `${f.start}:${f.end}`)).size;
  const red = distinct('red');
  const green = distinct('green');
  let verdict: Verdict;
  let verdictReason: string;
  const flags = [...passages];
  if (red > 0 && green > 0) {
    verdict = 'mixed';
    verdictReason = `${count(red, 'red')} and ${count(green, 'green')}: the policy points both ways`;
  } else if (green > 0) {
    verdict = 'green';
    verdictReason = `${count(green, 'green')} and no red one`;
  } else if (info.silenceIsRed) {
    verdict = 'red';
    flags.push(absenceFlag(info));
    // Say WHAT was not found ("No ban on 287(g) agreements was found"), not just that nothing was.
    const missing = absenceQuote(info).replace(/[.!?]$/, '');
    verdictReason =
      red > 0
        ? `${count(red, 'red')} and no green one. ${missing}, which the guide also treats as a red flag`
        : `${missing}: the guide treats silence on this question as a red flag`;
  } else if (red > 0) {
    verdict = 'red';
    verdictReason = `${count(red, 'red')} and no green one`;
  } else {
    verdict = 'silent';
    verdictReason = 'Nothing found on this question';
  }
  return { id: info.id, title: info.title, verdict, flags, verdictReason, silenceIsRed: info.silenceIsRed };
}

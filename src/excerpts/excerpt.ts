import type { QuestionId } from '../engine/report';
import type { ExcerptDraft } from './excerpt-draft';

/** A saved excerpt: the draft as saved, its id, and when it was saved and last edited. */
export interface Excerpt extends ExcerptDraft {
  /** A UUID; exported as the annotation id `urn:uuid:<id>`. */
  id: string;
  /** ISO 8601 date the excerpt was saved. */
  created: string;
  /** ISO 8601 date of the last edit (note, town, question, flag); equals `created` until then. */
  modified: string;
}

/** The fields a user may change after saving. */
export type ExcerptEdit = Partial<Pick<Excerpt, 'note' | 'town' | 'question' | 'flag' | 'section'>>;

export const QUESTION_IDS: readonly QuestionId[] = [1, 2, 3, 4, 5, 6, 7];

export function isQuestionId(value: unknown): value is QuestionId {
  return typeof value === 'number' && (QUESTION_IDS as readonly number[]).includes(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const offset: Check = (v) => Number.isInteger(v) && (v as number) >= 0;

const FIELDS: Record<keyof Excerpt, [Check, string]> = {
  id: [(v) => typeof v === 'string' && UUID.test(v), 'a UUID'],
  created: [(v) => typeof v === 'string' && ISO_DATE.test(v), 'an ISO date'],
  modified: [(v) => typeof v === 'string' && ISO_DATE.test(v), 'an ISO date'],
  quote: [(v) => typeof v === 'string' && v.length > 0, 'non-empty text'],
  prefix: [str, 'text'],
  suffix: [str, 'text'],
  start: [offset, 'a whole number ≥ 0'],
  end: [offset, 'a whole number ≥ 0'],
  page: [(v) => v === null || (Number.isInteger(v) && (v as number) >= 1), 'a page number ≥ 1 or null'],
  pdfFingerprint: [strOrNull, 'text or null'],
  url: [str, 'text'],
  title: [strOrNull, 'text or null'],
  section: [strOrNull, 'text or null'],
  town: [strOrNull, 'text or null'],
  question: [(v) => v === null || isQuestionId(v), 'a question number 1–7 or null'],
  flag: [(v) => v === 'red' || v === 'green' || v === 'note', '"red", "green" or "note"'],
  rule: [strOrNull, 'text or null'],
  explanation: [strOrNull, 'text or null'],
  note: [str, 'text'],
};

export const EXCERPT_FIELDS = Object.keys(FIELDS) as (keyof Excerpt)[];

/**
 * Problems that make `value` not a valid current Excerpt, in plain words (empty when valid).
 * Used on everything read from storage or a file, so a damaged record is reported, never trusted.
 */
export function excerptProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['is not a record'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, [check, expected]] of Object.entries(FIELDS)) {
    if (!(field in record)) problems.push(`has no "${field}"`);
    else if (!check(record[field])) problems.push(`"${field}" should be ${expected}`);
  }
  if (problems.length === 0 && (record.end as number) - (record.start as number) <= 0) {
    problems.push('"end" should come after "start"');
  }
  return problems;
}

/** A copy holding exactly the Excerpt fields, in a fixed order (so exports are stable). */
export function pickExcerpt(value: Excerpt): Excerpt {
  const out: Record<string, unknown> = {};
  for (const field of EXCERPT_FIELDS) out[field] = value[field];
  return out as unknown as Excerpt;
}

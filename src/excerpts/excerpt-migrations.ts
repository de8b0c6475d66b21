import { type Excerpt, excerptProblems, pickExcerpt } from './excerpt';
import type { ExcerptDraft } from './excerpt-draft';

/**
 * Stored records carry their schema number. Each migration lifts a record one version; reading runs
 * them in order, so a record saved by any earlier version of the extension is still readable.
 *
 * Schema 1 (first release): { schema: 1, id, savedAt, draft: ExcerptDraft }.
 * Schema 2: the Excerpt's fields flat beside `schema`, with `created` and `modified` dates so that
 *   an edited note can be told from the passage as first saved.
 */
export const CURRENT_SCHEMA = 2;

export type StoredExcerpt = Excerpt & { schema: typeof CURRENT_SCHEMA };

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

const MIGRATIONS: Record<number, Migration> = {
  1: (record) => {
    const draft = (record.draft ?? {}) as Partial<ExcerptDraft>;
    return { ...draft, schema: 2, id: record.id, created: record.savedAt, modified: record.savedAt };
  },
};

export class ExcerptRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExcerptRecordError';
  }
}

/** The current Excerpt held by a stored record of any known schema; throws ExcerptRecordError. */
export function migrateRecord(raw: unknown): Excerpt {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ExcerptRecordError('The saved excerpt is not a record.');
  }
  let record = raw as Record<string, unknown>;
  const declared = record.schema;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new ExcerptRecordError('The saved excerpt has no schema number.');
  }
  let schema: number = declared;
  if (schema > CURRENT_SCHEMA) {
    throw new ExcerptRecordError(
      `The saved excerpt was written by a newer version of ICE Policy Lens (schema ${schema}); update the extension to read it.`,
    );
  }
  while (schema < CURRENT_SCHEMA) {
    const migrate = MIGRATIONS[schema];
    if (!migrate) throw new ExcerptRecordError(`No migration from schema ${schema}.`);
    record = migrate(record);
    schema = record.schema as number;
  }
  const problems = excerptProblems(record);
  if (problems.length > 0) throw new ExcerptRecordError(`The saved excerpt ${problems.join('; ')}.`);
  return pickExcerpt(record as unknown as Excerpt);
}

export function toStored(excerpt: Excerpt): StoredExcerpt {
  return { schema: CURRENT_SCHEMA, ...pickExcerpt(excerpt) };
}

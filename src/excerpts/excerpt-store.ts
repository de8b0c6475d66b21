import { browser } from 'wxt/browser';
import type { ExcerptDraft } from './excerpt-draft';

/**
 * Saved excerpts live in browser.storage.local, ONE KEY PER EXCERPT ("excerpt:<id>"): two tabs that
 * save at the same moment write different keys, so neither overwrites the other (a single array
 * under one key would lose one of the two writes).
 */
export const EXCERPT_KEY_PREFIX = 'excerpt:';

export interface Excerpt extends ExcerptDraft {
  id: string;
  /** ISO date the excerpt was saved. */
  savedAt: string;
}

/** Schema 1: the draft kept as handed over, beside its id and date. */
interface StoredExcerptV1 {
  schema: 1;
  id: string;
  savedAt: string;
  draft: ExcerptDraft;
}

/** A storage failure (quota full, storage unavailable) in words a user can act on. */
export class ExcerptStorageError extends Error {
  constructor(action: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const quota = /quota|QUOTA_BYTES|space/i.test(detail);
    super(
      quota
        ? `Could not ${action}: the browser's storage for this extension is full. Export your excerpts, then delete some.`
        : `Could not ${action}: ${detail}`,
      { cause },
    );
    this.name = 'ExcerptStorageError';
  }
}

export async function saveExcerpt(draft: ExcerptDraft): Promise<Excerpt> {
  const excerpt: Excerpt = { ...draft, id: crypto.randomUUID(), savedAt: new Date().toISOString() };
  const record: StoredExcerptV1 = { schema: 1, id: excerpt.id, savedAt: excerpt.savedAt, draft };
  try {
    await browser.storage.local.set({ [EXCERPT_KEY_PREFIX + excerpt.id]: record });
  } catch (error) {
    throw new ExcerptStorageError('save the excerpt', error);
  }
  return excerpt;
}

export async function listExcerpts(): Promise<Excerpt[]> {
  let all: Record<string, unknown>;
  try {
    all = await browser.storage.local.get(null);
  } catch (error) {
    throw new ExcerptStorageError('read the saved excerpts', error);
  }
  return Object.entries(all)
    .filter(([key]) => key.startsWith(EXCERPT_KEY_PREFIX))
    .map(([, value]) => {
      const record = value as StoredExcerptV1;
      return { ...record.draft, id: record.id, savedAt: record.savedAt };
    })
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

import { browser } from 'wxt/browser';
import type { Excerpt, ExcerptEdit } from './excerpt';
import type { ExcerptDraft } from './excerpt-draft';
import { CURRENT_SCHEMA, migrateRecord, toStored } from './excerpt-migrations';

/**
 * Saved excerpts live in browser.storage.local, ONE KEY PER EXCERPT ("excerpt:<id>"): two tabs that
 * save at the same moment write different keys, so neither overwrites the other (a single array
 * under one key would lose one of two concurrent read-modify-writes).
 *
 * Every failure is thrown as an ExcerptStorageError with a message for the user; nothing is
 * swallowed, because a lost excerpt is lost evidence.
 */
export const EXCERPT_KEY_PREFIX = 'excerpt:';

export type { Excerpt } from './excerpt';

export function excerptKey(id: string): string {
  return EXCERPT_KEY_PREFIX + id;
}

/**
 * True in a content script left in a tab by an extension update or reload: its extension APIs are gone
 * (browser.storage is undefined, runtime.id unset), and the raw error ("Cannot read properties of
 * undefined") would mean nothing to the user.
 */
function cutOff(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** A storage failure (quota full, storage unavailable) in words a user can act on. */
export class ExcerptStorageError extends Error {
  constructor(action: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const quota = /quota|QUOTA_BYTES|space/i.test(detail);
    super(
      quota
        ? `Could not ${action}: the browser's storage for this extension is full. Export your excerpts, then delete some.`
        : cutOff()
          ? `Could not ${action}: ICE Policy Lens was updated or reloaded since this page was opened. Reload the page to use it again; your saved excerpts are safe.`
          : `Could not ${action}: ${detail}`,
      { cause },
    );
    this.name = 'ExcerptStorageError';
  }
}

/** A stored record that could not be read; listed for the user, never dropped or overwritten. */
export interface UnreadableExcerpt {
  key: string;
  reason: string;
  raw: unknown;
}

export interface LoadedExcerpts {
  excerpts: Excerpt[];
  unreadable: UnreadableExcerpt[];
}

async function write(items: Record<string, unknown>, action: string): Promise<void> {
  try {
    await browser.storage.local.set(items);
  } catch (error) {
    throw new ExcerptStorageError(action, error);
  }
}

async function readAll(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(null);
  } catch (error) {
    throw new ExcerptStorageError('read the saved excerpts', error);
  }
}

export async function saveExcerpt(draft: ExcerptDraft): Promise<Excerpt> {
  const now = new Date().toISOString();
  const excerpt: Excerpt = { ...draft, id: crypto.randomUUID(), created: now, modified: now };
  const stored = toStored(excerpt);
  migrateRecord(stored); // validates: a draft with bad offsets or fields is refused, not stored
  await write({ [excerptKey(excerpt.id)]: stored }, 'save the excerpt');
  return excerpt;
}

/** All saved excerpts, oldest first, each migrated to the current schema in memory. */
export async function loadExcerpts(): Promise<LoadedExcerpts> {
  const all = await readAll();
  const excerpts: Excerpt[] = [];
  const unreadable: UnreadableExcerpt[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(EXCERPT_KEY_PREFIX)) continue;
    try {
      excerpts.push(migrateRecord(raw));
    } catch (error) {
      unreadable.push({ key, raw, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  excerpts.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return { excerpts, unreadable };
}

export async function listExcerpts(): Promise<Excerpt[]> {
  return (await loadExcerpts()).excerpts;
}

export async function getExcerpt(id: string): Promise<Excerpt | null> {
  let found: Record<string, unknown>;
  try {
    found = await browser.storage.local.get(excerptKey(id));
  } catch (error) {
    throw new ExcerptStorageError('read the excerpt', error);
  }
  const raw = found[excerptKey(id)];
  return raw === undefined ? null : migrateRecord(raw);
}

/** Change the note, town, question, flag or section of one excerpt; only its own key is written. */
export async function updateExcerpt(id: string, edit: ExcerptEdit): Promise<Excerpt> {
  const current = await getExcerpt(id);
  if (!current) throw new ExcerptStorageError('edit the excerpt', new Error('it was deleted meanwhile.'));
  const updated: Excerpt = { ...current, ...edit, modified: new Date().toISOString() };
  migrateRecord(toStored(updated)); // refuse an edit that would make the record invalid
  await write({ [excerptKey(id)]: toStored(updated) }, 'save your edit');
  return updated;
}

/** Delete one excerpt and hand it back, so the caller can offer undo with restoreExcerpt(). */
export async function deleteExcerpt(id: string): Promise<Excerpt> {
  const current = await getExcerpt(id);
  if (!current) throw new ExcerptStorageError('delete the excerpt', new Error('it was already deleted.'));
  try {
    await browser.storage.local.remove(excerptKey(id));
  } catch (error) {
    throw new ExcerptStorageError('delete the excerpt', error);
  }
  return current;
}

/** Undo a delete: the excerpt comes back unchanged, with its id and dates. */
export async function restoreExcerpt(excerpt: Excerpt): Promise<void> {
  await write({ [excerptKey(excerpt.id)]: toStored(excerpt) }, 'restore the excerpt');
}

/**
 * Every stored excerpt record, exactly as stored, keyed by its storage key: what "Delete all" removes
 * and what its undo writes back. Records the extension cannot read are included, so undo restores
 * them too.
 */
export type StoredExcerptRecords = Record<string, unknown>;

/**
 * Delete every excerpt record (readable or not) in ONE storage call, and hand the records back as
 * they were stored, so `restoreExcerptRecords()` can undo it exactly. Settings are left alone.
 */
export async function deleteAllExcerpts(): Promise<StoredExcerptRecords> {
  const all = await readAll();
  const records: StoredExcerptRecords = {};
  for (const [key, raw] of Object.entries(all)) if (key.startsWith(EXCERPT_KEY_PREFIX)) records[key] = raw;
  const keys = Object.keys(records);
  if (keys.length === 0) return records;
  try {
    await browser.storage.local.remove(keys);
  } catch (error) {
    throw new ExcerptStorageError('delete the excerpts', error);
  }
  return records;
}

/** Undo of `deleteAllExcerpts()`: the records come back byte for byte, in one storage call. */
export async function restoreExcerptRecords(records: StoredExcerptRecords): Promise<void> {
  const items: StoredExcerptRecords = {};
  for (const [key, raw] of Object.entries(records)) if (key.startsWith(EXCERPT_KEY_PREFIX)) items[key] = raw;
  if (Object.keys(items).length > 0) await write(items, 'restore the excerpts');
}

/**
 * Write many excerpts in ONE storage call (an import): either all are stored or, on error, the call
 * fails as a whole. Excerpts with an id already stored replace it.
 */
export async function putExcerpts(excerpts: readonly Excerpt[]): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const excerpt of excerpts) items[excerptKey(excerpt.id)] = toStored(excerpt);
  await write(items, 'import the excerpts');
}

/**
 * Rewrite records of older schemas in the current one (run on extension update). Unreadable
 * records are left as they are, so nothing is lost if a later version can read them.
 */
export async function migrateStoredExcerpts(): Promise<number> {
  const all = await readAll();
  const items: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(EXCERPT_KEY_PREFIX)) continue;
    if ((raw as { schema?: unknown } | null)?.schema === CURRENT_SCHEMA) continue;
    try {
      items[key] = toStored(migrateRecord(raw));
    } catch {
      // Left in place on purpose: loadExcerpts() lists it as unreadable with the reason.
    }
  }
  if (Object.keys(items).length > 0) await write(items, 'upgrade the saved excerpts');
  return Object.keys(items).length;
}

/** Call `listener` whenever any excerpt is saved, edited or deleted (in any tab). Returns an unsubscribe. */
export function onExcerptsChanged(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(EXCERPT_KEY_PREFIX)))
      listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

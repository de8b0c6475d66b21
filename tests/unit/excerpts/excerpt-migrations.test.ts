import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CURRENT_SCHEMA, migrateRecord } from '../../../src/excerpts/excerpt-migrations';
import { loadExcerpts, migrateStoredExcerpts } from '../../../src/excerpts/excerpt-store';

const dir = join(__dirname, '../../fixtures/excerpts');
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
const current = fixture(`schema-${CURRENT_SCHEMA}.json`);
/** The current fixture's excerpts without the storage-only `schema` field, oldest first. */
const expected = Object.entries(current)
  .filter(([key]) => key.startsWith('excerpt:'))
  .map(([, record]) => {
    const { schema: _schema, ...excerpt } = record as Record<string, unknown>;
    return excerpt;
  });

const schemas = readdirSync(dir)
  .map((name) => /^schema-(\d+)\.json$/.exec(name)?.[1])
  .filter((n): n is string => n !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

describe('excerpt storage migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a fixture for every schema version up to the current one', () => {
    expect(schemas).toEqual(Array.from({ length: CURRENT_SCHEMA }, (_, i) => i + 1));
  });

  it.each(schemas)('reads schema %i records as the current excerpts', async (schema) => {
    await fakeBrowser.storage.local.set(fixture(`schema-${schema}.json`));
    const { excerpts, unreadable } = await loadExcerpts();
    expect(unreadable).toEqual([]);
    expect(excerpts).toEqual(expected);
  });

  it.each(schemas)('rewrites schema %i storage into exactly the current fixture', async (schema) => {
    await fakeBrowser.storage.local.set(fixture(`schema-${schema}.json`));
    const rewritten = await migrateStoredExcerpts();
    expect(rewritten).toBe(schema === CURRENT_SCHEMA ? 0 : expected.length);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(current);
  });

  it('refuses a record from a newer version and says so', () => {
    expect(() => migrateRecord({ schema: CURRENT_SCHEMA + 1 })).toThrow(/newer version/);
  });

  it('lists a damaged record as unreadable instead of dropping it, and leaves it stored', async () => {
    const damaged = { schema: CURRENT_SCHEMA, id: 'x', quote: 42 };
    await fakeBrowser.storage.local.set({ ...fixture('schema-1.json'), 'excerpt:broken': damaged });
    const { excerpts, unreadable } = await loadExcerpts();
    expect(excerpts).toHaveLength(expected.length);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]?.reason).toMatch(/"quote" should be non-empty text/);
    await migrateStoredExcerpts();
    expect((await fakeBrowser.storage.local.get('excerpt:broken'))['excerpt:broken']).toEqual(damaged);
  });
});

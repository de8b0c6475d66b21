import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportExcerptsJson } from '../../../src/excerpts/annotation-export';
import { ImportError, parseExcerptsJson } from '../../../src/excerpts/annotation-import';
import type { Excerpt } from '../../../src/excerpts/excerpt';
import { listExcerpts } from '../../../src/excerpts/excerpt-store';
import { importExcerptsFile } from '../../../src/excerpts/import-excerpts';

const stored = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/excerpts/schema-2.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;
const excerpts = Object.entries(stored)
  .filter(([key]) => key.startsWith('excerpt:'))
  .map(([, { schema: _schema, ...rest }]) => rest as unknown as Excerpt);
const when = new Date('2026-11-28T12:00:00.000Z');

describe('export as a W3C Web Annotation collection', () => {
  const file = exportExcerptsJson(excerpts, when);
  const data = JSON.parse(file);

  it('uses the annotation model: collection, page, quote/position/page selectors, note body', () => {
    expect(data['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(data.type).toBe('AnnotationCollection');
    expect(data.total).toBe(2);
    expect(data.first.type).toBe('AnnotationPage');
    const [web, pdf] = data.first.items;
    expect(web.id).toBe('urn:uuid:5b0a3c1e-2f4d-4e8a-9b6c-1d2e3f4a5b6c');
    expect(web.target.source).toBe('https://www.examplefieldma.gov/police/policy-413.html');
    expect(web.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: excerpts[0]!.quote,
        prefix: excerpts[0]!.prefix,
        suffix: excerpts[0]!.suffix,
      },
      { type: 'TextPositionSelector', start: 1204, end: 1324 },
    ]);
    expect(web.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: excerpts[0]!.note },
    ]);
    expect(pdf.target.selector[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=4',
    });
    expect(pdf.body).toEqual([]);
  });

  it('round-trips exactly: parse(export(x)) equals x and re-exports byte for byte', () => {
    const back = parseExcerptsJson(file);
    expect(back).toEqual(excerpts);
    expect(exportExcerptsJson(back, when)).toBe(file);
  });

  it('keeps awkward text intact (quotes, newlines, form feeds, emoji, markup-looking text)', () => {
    const odd = { ...excerpts[0]!, quote: 'He said "<b>no</b>" \f\n😀 =SUM(A1)', note: '' };
    expect(parseExcerptsJson(exportExcerptsJson([odd], when))).toEqual([odd]);
  });
});

describe('import', () => {
  beforeEach(() => fakeBrowser.reset());
  const good = exportExcerptsJson(excerpts, when);

  it('adds the excerpts, and a second import replaces rather than duplicates', async () => {
    expect(await importExcerptsFile(good)).toEqual({ added: 2, replaced: 0 });
    expect(await importExcerptsFile(good)).toEqual({ added: 0, replaced: 2 });
    expect(await listExcerpts()).toEqual(excerpts);
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', good.slice(0, 200), /not valid JSON/],
    [
      'a foreign annotation list',
      JSON.stringify([{ type: 'Annotation', target: 'https://x' }]),
      /not exported by ICE Policy Lens/,
    ],
    [
      'a foreign collection',
      JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } }),
      /not exported/,
    ],
    [
      'a newer format',
      good.replace('"policyLensFormatVersion": 1', '"policyLensFormatVersion": 9'),
      /newer version/,
    ],
    ['a cut-short list', good.replace('"total": 2', '"total": 3'), /says it holds 3/],
    [
      'one bad excerpt among good ones',
      good.replace('"flag": "note"', '"flag": "blue"'),
      /Excerpt 2: "flag"/,
    ],
    [
      'an excerpt without selectors',
      good.replace(/"TextPositionSelector"/, '"XSelector"'),
      /Excerpt 1 lacks/,
    ],
    ['a bad page fragment', good.replace('page=4', 'page=four'), /unreadable page/],
    [
      'a duplicated excerpt',
      good.replace('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', '5b0a3c1e-2f4d-4e8a-9b6c-1d2e3f4a5b6c'),
      /twice/,
    ],
  ];

  it.each(broken)('refuses %s with a clear message and changes nothing', async (_name, file, message) => {
    await importExcerptsFile(exportExcerptsJson([excerpts[0]!], when)); // something already saved
    const before = await fakeBrowser.storage.local.get(null);
    const attempt = importExcerptsFile(file);
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/Nothing was imported/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

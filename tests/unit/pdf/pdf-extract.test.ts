// @vitest-environment node
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { extractAllPages, textLayerRange } from '../../../src/sources/pdf-text';
import { makeImageOnlyPdf, makePdf } from '../../helpers/pdf-writer';
import { makeManual, makeManualPdf, manualPageTexts } from '../../helpers/policy-manual';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

async function withPdf<T>(
  bytes: Uint8Array,
  use: (pdf: Awaited<ReturnType<typeof getDocument>['promise']>) => Promise<T>,
) {
  const task = getDocument({ data: bytes, standardFontDataUrl, isEvalSupported: false });
  try {
    return await use(await task.promise);
  } finally {
    await task.destroy();
  }
}

describe('extractAllPages with pdf.js (Node)', () => {
  it('gives each page its lines, header and footer included, in order', async () => {
    const bytes = makePdf({
      pages: [
        ['No officer shall inquire about a person’s immigra-', 'tion status.'],
        ['Officers may share information with ICE.'],
      ],
      header: 'Town of Example Police Department',
      footer: 'Page {page} of {pages}',
    });
    const pages = await withPdf(bytes, (pdf) => extractAllPages(pdf));
    expect(pages.map((p) => p.text)).toEqual([
      'Town of Example Police Department\nNo officer shall inquire about a person’s immigra-\ntion status.\nPage 1 of 2',
      'Town of Example Police Department\nOfficers may share information with ICE.\nPage 2 of 2',
    ]);
  });

  it('maps every item of a real page back to exactly its own characters', async () => {
    const bytes = makePdf({
      pages: [['Requests by federal immigration officials', 'should be directed to a supervisor.']],
    });
    await withPdf(bytes, async (pdf) => {
      const [page] = await extractAllPages(pdf);
      const content = await (await pdf.getPage(1)).getTextContent();
      const strs = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
      expect(strs.length).toBe(page!.itemStarts.length);
      strs.forEach((str, i) => {
        const start = page!.itemStarts[i]!;
        expect(page!.text.slice(start, start + str.length)).toBe(str);
      });
      const start = page!.text.indexOf('immigration officials');
      const range = textLayerRange(page!, start, page!.text.indexOf('supervisor') + 10)!;
      expect(strs[range.start.item]!.slice(range.start.offset)).toBe('immigration officials');
      expect(strs[range.end.item]!.slice(0, range.end.offset)).toBe('should be directed to a supervisor');
    });
  });

  it('extracts a generated manual exactly as its writer laid it out', async () => {
    const manual = makeManual({ pages: 12 });
    const pages = await withPdf(makeManualPdf({ pages: 12 }), (pdf) => extractAllPages(pdf));
    expect(pages.map((p) => p.text)).toEqual(manualPageTexts(manual));
  });

  it('gives empty pages for an image-only (scanned) PDF', async () => {
    const pages = await withPdf(makeImageOnlyPdf(3), (pdf) => extractAllPages(pdf));
    expect(pages.map((p) => p.text)).toEqual(['', '', '']);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeEncryptedPdf } from '../../helpers/pdf-encryption';
import {
  makeCorruptPdf,
  makeImageOnlyPdf,
  makeNotAPdf,
  makePdf,
  makeZeroPagePdf,
  truncatePdf,
} from '../../helpers/pdf-writer';
import { readPdfText } from '../../helpers/pdfjs-node';
import { makeManual, makeManualPdf, manualPageTexts } from '../../helpers/policy-manual';

const twoPages = {
  pages: [
    [
      'Policy 413 “Immigration” Violations',
      'Officers may detain (a person) for immigra-',
      'tion checks — § 1373.',
    ],
    ['Back\\slash and second page.'],
  ],
  header: 'Town Police Manual',
  footer: 'Page {page} of {pages}',
  title: 'Test Policy – 413',
};

describe('makePdf', () => {
  it('writes text that pdf.js extracts exactly, with header, footer and page numbers', async () => {
    const pdf = await readPdfText(makePdf(twoPages));
    expect(pdf.numPages).toBe(2);
    expect(pdf.title).toBe('Test Policy – 413');
    expect(pdf.pages[0]).toBe(
      'Town Police Manual\nPolicy 413 “Immigration” Violations\nOfficers may detain (a person) for immigra-\ntion checks — § 1373.\nPage 1 of 2',
    );
    expect(pdf.pages[1]).toBe('Town Police Manual\nBack\\slash and second page.\nPage 2 of 2');
  });

  it('makes an image-only PDF with pages but no text', async () => {
    const pdf = await readPdfText(makeImageOnlyPdf(3));
    expect(pdf.numPages).toBe(3);
    expect(pdf.pages.join('')).toBe('');
  });

  it('makes a PDF with zero pages', async () => {
    expect((await readPdfText(makeZeroPagePdf())).numPages).toBe(0);
  });
});

describe('broken PDFs', () => {
  it.each([
    ['garbage after a PDF header', makeCorruptPdf()],
    ['an HTML page named .pdf', makeNotAPdf()],
    ['a truncated download', truncatePdf(makePdf(twoPages), 0.5)],
  ])('%s is rejected with InvalidPDFException', async (_name, bytes) => {
    await expect(readPdfText(bytes)).rejects.toMatchObject({ name: 'InvalidPDFException' });
  });
});

describe('makeEncryptedPdf', () => {
  it.each([40, 128] as const)(
    'RC4 %i-bit: asks for the password, rejects a wrong one, opens with it',
    async (bits) => {
      const bytes = makeEncryptedPdf({ ...twoPages, userPassword: 'secret', bits });
      // PasswordResponses: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
      await expect(readPdfText(bytes)).rejects.toMatchObject({ name: 'PasswordException', code: 1 });
      await expect(readPdfText(bytes, 'wrong')).rejects.toMatchObject({ name: 'PasswordException', code: 2 });
      const pdf = await readPdfText(bytes, 'secret');
      expect(pdf.title).toBe('Test Policy – 413');
      expect(pdf.pages[0]).toContain('tion checks — § 1373.');
    },
  );

  it('really encrypts the content (the text is not in the bytes)', () => {
    const bytes = Buffer.from(makeEncryptedPdf({ ...twoPages, userPassword: 'secret' })).toString('latin1');
    expect(bytes).toContain('/Encrypt');
    expect(bytes).not.toContain('Violations');
  });
});

describe('the generated manual', () => {
  it('has the requested pages, ~3 kB each, running header/footer and findable flaggable passages', () => {
    const manual = makeManual({ pages: 200 });
    const texts = manualPageTexts(manual);
    expect(texts).toHaveLength(200);
    const average = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
    expect(average).toBeGreaterThan(2500);
    expect(average).toBeLessThan(3500);
    expect(texts[0]).toMatch(/^Hollisford Police Department \| Policy Manual\n/);
    expect(texts[41]).toMatch(/Published with permission by Hollisford Police Department\. Page 42$/);
    expect(manual.flaggedPages).toHaveLength(2);
    const [immigration, outside] = manual.flaggedPages.map((p) => texts[p - 1] ?? '');
    expect(immigration).toMatch(/Policy \d+ Immigration Violations/);
    expect(outside).toContain('serves a public safety interest');
    // No immigration words anywhere else, so any flag elsewhere would be a false positive.
    const others = texts.filter(
      (_t, i) => !manual.flaggedPages.includes(i + 1) && i + 1 !== manual.flaggedPages[0]! + 1,
    );
    expect(others.some((t) => /immigra|ICE\b/.test(t))).toBe(false);
  });

  it('is deterministic and becomes a PDF whose text matches page for page', async () => {
    expect(manualPageTexts(makeManual({ pages: 5, seed: 9 }))).toEqual(
      manualPageTexts(makeManual({ pages: 5, seed: 9 })),
    );
    const pdf = await readPdfText(makeManualPdf({ pages: 5, seed: 9 }));
    expect(pdf.pages).toEqual(manualPageTexts(makeManual({ pages: 5, seed: 9 })));
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  httpProblem,
  PdfProblemError,
  problemFromPdfjsError,
  startsLikePdf,
} from '../../../src/pdf/pdf-problems';
import { makeCorruptPdf, makeNotAPdf, makePdf } from '../../helpers/pdf-writer';

describe('PDF problems', () => {
  it('names 404, refusals and other statuses with the host and status', () => {
    const missing = httpProblem(404, 'Not Found', 'https://town.example/a.pdf');
    expect(missing.kind).toBe('not-found');
    expect(missing.detail).toContain('town.example');
    expect(missing.detail).toContain('404');
    expect(httpProblem(403, 'Forbidden', 'https://t.example/a.pdf').kind).toBe('blocked');
    expect(httpProblem(500, '', 'https://t.example/a.pdf')).toMatchObject({ kind: 'http-error' });
  });

  it('sorts pdf.js errors by name', () => {
    expect(
      problemFromPdfjsError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' }).kind,
    ).toBe('corrupt');
    expect(problemFromPdfjsError({ name: 'PasswordException', message: 'No password given' }).kind).toBe(
      'password-cancelled',
    );
    expect(problemFromPdfjsError(new Error('odd')).kind).toBe('unknown');
    const own = new PdfProblemError({ kind: 'not-pdf', title: 't', detail: 'd' });
    expect(problemFromPdfjsError(own).kind).toBe('not-pdf');
  });

  it('tells PDF bytes from an HTML page saved as .pdf', () => {
    expect(startsLikePdf(makePdf({ pages: [['x']] }))).toBe(true);
    expect(startsLikePdf(makeCorruptPdf())).toBe(true);
    expect(startsLikePdf(makeNotAPdf())).toBe(false);
    expect(startsLikePdf(new Uint8Array())).toBe(false);
  });
});

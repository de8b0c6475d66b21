import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { analyze } from '../../src/engine/analyze';
import type { Report } from '../../src/engine/report';
import { extractAllPages } from '../../src/sources/pdf-text';

/**
 * A synthetic town policy for the viewer tests (written for this project), and the engine's report on
 * a PDF computed in Node exactly as the CLI does, to compare the viewer's verdicts with.
 */

export const POLICY_HEADER = 'Westbrook Police Department · Policy 413 · Immigration';
export const POLICY_FOOTER = 'Westbrook PD General Orders · page {page} of {pages}';

export const POLICY_PAGES: string[][] = [
  [
    '413.1 PURPOSE AND SCOPE',
    'This policy guides members of the Westbrook Police Department in their contacts with',
    'people whose immigration status is unknown or in question.',
    '413.2 IMMIGRATION STATUS',
    'No officer or employee of the Department shall inquire about a person’s immigra-',
    'tion status, except where a federal or state law requires it.',
  ],
  [
    '413.3 COMMUNICATION WITH FEDERAL AUTHORITIES',
    'Officers may share information about arrestees with ICE when doing so serves a public',
    'safety interest.',
    'Members shall continue to enforce state criminal laws in every neighbourhood.',
  ],
  [
    '413.4 RESOURCES',
    'No funds, resources, facilities, property, equipment, or personnel of the Department shall',
    'be used for any federal immigration custody or detainment or other enforcement purpose.',
    '413.5 AGREEMENTS',
    'The Department shall not enter into any agreement under section 287(g) of the Immigration',
    'and Nationality Act.',
  ],
];

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Page texts and report of a PDF, computed in Node the way the CLI computes them. */
export async function reportInNode(
  bytes: Uint8Array,
  source: string,
): Promise<{ pages: string[]; report: Report }> {
  const task = getDocument({
    data: bytes.slice(),
    standardFontDataUrl,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages = (await extractAllPages(pdf)).map((p) => p.text);
    const meta = await pdf.getMetadata().catch(() => null);
    const infoTitle = (meta?.info as { Title?: unknown } | undefined)?.Title;
    const title = typeof infoTitle === 'string' && infoTitle.trim() ? infoTitle.trim() : null;
    return { pages, report: analyze({ source, title, pages }) };
  } finally {
    await task.destroy();
  }
}

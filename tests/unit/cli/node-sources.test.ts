// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPolicyText, readHtmlFile } from '../../../src/sources/node-html-file';
import { readPdfFile } from '../../../src/sources/node-pdf-file';
import { readPolicyFile } from '../../../src/sources/node-policy-file';
import { SourceError } from '../../../src/sources/node-source-error';
import { readTextFile } from '../../../src/sources/node-text-file';
import { makeEncryptedPdf } from '../../helpers/pdf-encryption';
import { makeCorruptPdf, makeImageOnlyPdf, makePdf, makeZeroPagePdf } from '../../helpers/pdf-writer';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return (error as SourceError).reason;
}

describe('HTML pages', () => {
  it('keeps the policy of the bundled sample and drops the site navigation, news and footer', async () => {
    const { document } = await readHtmlFile('samples/sample-policy.html');
    const text = document.text ?? '';
    expect(document.title).toBe('Policy 428: Immigration Violations | Haverwick Police Department, MA');
    // The same text the content script reads (src/sources/dom-text.ts): blocks apart, spaces kept.
    expect(text).toContain('428.4 Detentions\n\nAn officer who has a reasonable suspicion');
    expect(text).toContain('(a) Sending information to, or requesting or receiving such information from');
    expect(text).toContain('Published with permission by Haverwick Police Department');
    for (const chrome of ['Pay', 'Winter parking ban', 'Message from the Chief', 'Records window']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('reads the whole body, without navigation, when there is no article to find', async () => {
    const { text, title } = await htmlToPolicyText(
      '<body><nav>Home Pay online</nav><h1>Policy 9</h1><p>No officer shall ask about immigration status.</p></body>',
      'file:///x.html',
    );
    expect(title).toBe('Policy 9');
    expect(text).toBe('Policy 9\n\nNo officer shall ask about immigration status.');
  });

  it('keeps list items on their own lines, never run into each other or the next paragraph', async () => {
    const { text } = await htmlToPolicyText(
      '<title>t</title><p>Officers shall not:</p><ul><li>ask about status;</li><li>hold anyone.</li></ul><p>Next.</p>',
      'file:///x.html',
    );
    expect(text).toMatch(/^Officers shall not:\n+ask about status;\nhold anyone\.\n\nNext\.$/);
  });
});

describe('text files', () => {
  it('reads UTF-8 (dropping a BOM), falls back to Windows-1252, and takes the first line as title', async () => {
    await writeFile(file('utf8.txt'), '\ufeffPolicy 413 – Immigration\n\nOfficers “may” detain.\n');
    await writeFile(file('cp1252.txt'), Buffer.from([0x93, 0x51, 0x94, 0x20, 0xa7, 0x0a]));
    const utf8 = await readTextFile(file('utf8.txt'));
    expect(utf8.document).toEqual({
      source: file('utf8.txt'),
      title: 'Policy 413 – Immigration',
      text: 'Policy 413 – Immigration\n\nOfficers “may” detain.\n',
    });
    expect((await readTextFile(file('cp1252.txt'))).document.text).toBe('“Q” §\n');
  });

  it('rejects an empty file', async () => {
    await writeFile(file('empty.txt'), '  \n');
    expect(await reasonOf(readTextFile(file('empty.txt')))).toBe('is empty');
  });
});

describe('PDF files', () => {
  const pages = [
    ['No officer shall ask about a person’s immigra-', 'tion status.'],
    ['Officers may share information with ICE.'],
  ];

  it('gives one text per page, the same text the viewer extracts, and the PDF title', async () => {
    await writeFile(file('policy.pdf'), makePdf({ pages, title: 'Policy 413', footer: 'Page {page}' }));
    const { document, warnings } = await readPdfFile(file('policy.pdf'));
    expect(document.title).toBe('Policy 413');
    expect(document.pages).toEqual([
      'No officer shall ask about a person’s immigra-\ntion status.\nPage 1',
      'Officers may share information with ICE.\nPage 2',
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns about pages without a text layer', async () => {
    await writeFile(file('partly-scanned.pdf'), makePdf({ pages: [pages[0]!, [], pages[1]!, []] }));
    const { warnings } = await readPdfFile(file('partly-scanned.pdf'));
    expect(warnings).toEqual(['pages 2, 4 of 4 have no text layer (scanned?): flags there cannot be found']);
  });

  it.each([
    ['locked.pdf', 'is password-protected', () => makeEncryptedPdf({ pages, userPassword: 'secret' })],
    ['corrupt.pdf', 'is not a readable PDF (Invalid PDF structure)', makeCorruptPdf],
    ['scanned.pdf', 'has no text layer (scanned?)', () => makeImageOnlyPdf(2)],
    ['empty.pdf', 'is not a readable PDF (it has no pages)', makeZeroPagePdf],
  ])('%s: %s', async (name, reason, make) => {
    await writeFile(file(name), make());
    expect(await reasonOf(readPdfFile(file(name)))).toBe(reason);
  });
});

describe('readPolicyFile', () => {
  it('dispatches on the extension and names what is wrong', async () => {
    await writeFile(file('notes.docx'), 'x');
    expect(await reasonOf(readPolicyFile(file('missing.txt')))).toBe('no such file');
    expect(await reasonOf(readPolicyFile(dir))).toBe('is not a file');
    expect(await reasonOf(readPolicyFile(file('notes.docx')))).toMatch(/^unsupported file type/);
    const loaded = await readPolicyFile('tests/fixtures/policies/mixed.txt');
    expect(loaded.document.title).toBe('Lowbridge Police Department');
  });
});

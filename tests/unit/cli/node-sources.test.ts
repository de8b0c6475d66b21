// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, htmlToPolicyText, readHtmlFile } from '../../../src/sources/node-html-file';
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

describe('blockText', () => {
  const body = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body;

  it('separates blocks by line breaks, paragraphs, headings and lists by blank lines, except a list after its lead-in', () => {
    const text = blockText(
      body(`<h2>413.4 Detentions</h2><p>An officer
        may   <b>detain</b> a person.</p><p>Officers shall not:</p>
        <ul><li>ask about status;</li><li>hold anyone.</li></ul><div>Next</div><div>block<br>line two</div>`),
    );
    expect(text).toBe(
      '413.4 Detentions\n\nAn officer may detain a person.\n\nOfficers shall not:\nask about status;\nhold anyone.\n\nNext\nblock\nline two',
    );
  });

  it('skips scripts and styles, keeps <pre> as is and separates table cells', () => {
    const text = blockText(
      body(
        '<script>var ice = 1;</script><style>p{}</style><pre>a  b\nc</pre><table><tr><td>A</td><td>B</td></tr></table>',
      ),
    );
    expect(text).toBe('a  b\nc\n\nA\tB');
  });
});

describe('HTML pages', () => {
  it('keeps the policy of the bundled sample and drops the site navigation, news and footer', async () => {
    const { document } = await readHtmlFile('samples/sample-policy.html');
    const text = document.text ?? '';
    expect(document.title).toBe('Policy 428: Immigration Violations | Haverwick Police Department, MA');
    expect(text).toContain('428.4 Detentions\n\nAn officer who has a reasonable suspicion');
    expect(text).toContain('(a) Sending information to, or requesting or receiving such information from');
    expect(text).toContain('Published with permission by Haverwick Police Department');
    for (const chrome of ['Pay', 'Winter parking ban', 'Message from the Chief', 'Records window']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('falls back to the whole body when Readability finds no article', async () => {
    const { text, title } = await htmlToPolicyText(
      '<title>Short</title><body><p>No officer shall ask about immigration status.</p></body>',
      'file:///x.html',
    );
    expect(title).toBe('Short');
    expect(text).toBe('No officer shall ask about immigration status.');
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

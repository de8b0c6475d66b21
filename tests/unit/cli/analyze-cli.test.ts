// @vitest-environment node
/**
 * The command line as a user runs it: a child process per scenario, several files per process to
 * keep the suite fast. These tests check the CLI's own behaviour (inputs, output formats, errors,
 * exit codes); the verdicts the engine gives each fixture are checked in cli-verdicts.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domToText } from '../../../src/sources/dom-text';
import { type CliRun, reportsBySource, runCli, writeTestPdfs } from './run-cli';

const FIXTURES = 'tests/fixtures/policies';
const TEXT_FIXTURES = [
  'lexipol-style.txt',
  'bedford-style-strong.txt',
  'mixed.txt',
  'wrapped-pdf-text.txt',
].map((name) => `${FIXTURES}/${name}`);

let pdfs: Awaited<ReturnType<typeof writeTestPdfs>>;
let json: CliRun;
let readable: CliRun;

beforeAll(async () => {
  pdfs = await writeTestPdfs();
  // Two runs cover every input kind: good .txt/.html/.pdf files plus each kind of bad input.
  [json, readable] = await Promise.all([
    runCli([...TEXT_FIXTURES, `${FIXTURES}/maplecroft-policy-page.html`, pdfs.text, '--json']),
    runCli([
      `${FIXTURES}/mixed.txt`,
      'no/such/policy.txt',
      pdfs.locked,
      pdfs.corrupt,
      pdfs.scanned,
      'package.json',
      pdfs.text,
    ]),
  ]);
}, 60_000);

afterAll(async () => {
  await pdfs.remove();
});

describe('analyze --json', () => {
  it('prints exactly one report per input, one per line, and exits 0', () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const lines = json.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect([...reportsBySource(json.stdout).keys()]).toEqual([
      ...TEXT_FIXTURES,
      `${FIXTURES}/maplecroft-policy-page.html`,
      pdfs.text,
    ]);
  });

  it('follows the report contract: every field, seven questions in order, valid flags', () => {
    for (const report of reportsBySource(json.stdout).values()) {
      expect(Object.keys(report)).toEqual(
        expect.arrayContaining(['source', 'title', 'pages', 'chars', 'lexipol', 'questions', 'warnings']),
      );
      expect(typeof report.lexipol.detected).toBe('boolean');
      expect(Array.isArray(report.warnings)).toBe(true);
      expect(report.questions.map((q) => q.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const question of report.questions) {
        expect(['red', 'green', 'mixed', 'silent']).toContain(question.verdict);
        expect(typeof question.title).toBe('string');
        for (const flag of question.flags) {
          expect(Object.keys(flag)).toEqual(
            expect.arrayContaining([
              'rule',
              'flag',
              'start',
              'end',
              'page',
              'quote',
              'explanation',
              'absence',
            ]),
          );
        }
      }
    }
  });

  it('keeps a text file whole: chars and offsets index the file itself', async () => {
    const reports = reportsBySource(json.stdout);
    for (const file of TEXT_FIXTURES) {
      const text = await readFile(file, 'utf8');
      const report = reports.get(file)!;
      expect(report.chars).toBe(text.length);
      expect(report.pages).toBeNull();
      for (const flag of report.questions.flatMap((q) => q.flags)) {
        if (!flag.absence) expect(text.slice(flag.start!, flag.end!)).toBe(flag.quote);
      }
    }
  });

  it('reads a PDF page by page, with its title', () => {
    const report = reportsBySource(json.stdout).get(pdfs.text)!;
    expect(report.pages).toBe(2);
    expect(report.title).toBe('Policy 413 Immigration Violations');
    for (const flag of report.questions.flatMap((q) => q.flags)) {
      if (!flag.absence) expect([1, 2]).toContain(flag.page);
    }
  });

  it('takes an HTML page’s title and only its main content', async () => {
    const file = `${FIXTURES}/maplecroft-policy-page.html`;
    const report = reportsBySource(json.stdout).get(file)!;
    expect(report.title).toBe('Immigration Enforcement Policy | Maplecroft Police Department');
    // Everything the page shows, navigation, side menu and footer included, is longer.
    const page = new JSDOM(await readFile(file, 'utf8')).window.document.body;
    const everything = domToText(page, { skipPageChrome: false }).text;
    const article = everything.slice(
      everything.indexOf('Policy 2.14'),
      everything.indexOf('Maplecroft Police Department ·'),
    );
    expect(report.chars).toBeLessThan(everything.length);
    expect(report.chars).toBeGreaterThanOrEqual(article.trimEnd().length);
  });
});

describe('readable output and bad input', () => {
  it('prints one error line per bad file on stderr, names the file, and exits 1', () => {
    expect(readable.code).toBe(1);
    expect(readable.stderr.trimEnd().split('\n')).toEqual([
      'error: no/such/policy.txt: no such file',
      `error: ${pdfs.locked}: is password-protected`,
      `error: ${pdfs.corrupt}: is not a readable PDF (Invalid PDF structure)`,
      `error: ${pdfs.scanned}: has no text layer (scanned?)`,
      'error: package.json: unsupported file type (use .txt, .text, .html, .htm, .pdf)',
    ]);
  });

  it('still analyses the good files of the batch, each with a seven-row scorecard', () => {
    const out = readable.stdout;
    expect(out).toContain(`${FIXTURES}/mixed.txt\n  Lowbridge Police Department\n`);
    expect(out).toContain(`${pdfs.text}\n  Policy 413 Immigration Violations\n  2 pages · `);
    const rows = out
      .split('\n')
      .filter((line) => /^ {2}[1-7] {2}\S.* +[✗✓±–] (red|green|mixed|silent) +\d+/.test(line));
    expect(rows).toHaveLength(14);
    expect(out).not.toContain('\x1b[');
  });

  it('ends a batch with a summary table: one row per document, failures included', () => {
    const summary = readable.stdout.slice(readable.stdout.indexOf('Summary: 7 documents'));
    const rows = summary.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(
      /^tests\/fixtures\/policies\/mixed\.txt +([✗✓±–] {1,2}){6}[✗✓±–] +\d+ +\d+ +(yes|no)$/,
    );
    expect(rows[1]).toMatch(/^no\/such\/policy\.txt +error: no such file$/);
    expect(rows[6]).toMatch(/lexipol-style\.pdf +([✗✓±–] {1,2}){6}[✗✓±–] +\d+ +\d+ +(yes|no)$/);
  });
});

describe('other invocations', () => {
  it('analyses the bundled sample when given no file, with a scorecard and no summary', async () => {
    const run = await runCli([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^samples\/sample-policy\.html\n {2}Policy 428: Immigration Violations/);
    expect(run.stdout).not.toContain('Summary:');
  });

  it('summarises a folder, one row per file in name order, and answers --help and bad options', async () => {
    const [folder, help, bad] = await Promise.all([
      runCli([FIXTURES]),
      runCli(['--help']),
      runCli(['--jsn', 'samples']),
    ]);
    // The folder holds one text that is not about immigration: reported, and the exit code says so.
    expect(folder.code).toBe(1);
    const summary = folder.stdout.slice(folder.stdout.indexOf(`Summary: 7 documents in ${FIXTURES}/ `));
    const names = summary
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((row) => row.split(/ {2,}/)[0]);
    expect(names).toEqual([
      'bedford-style-strong.txt',
      'lexipol-style.txt',
      'maplecroft-policy-page.html',
      'mixed.txt',
      'not-immigration.txt',
      'silent.txt',
      'wrapped-pdf-text.txt',
    ]);
    expect(summary).toMatch(/not-immigration\.txt +error: is not an immigration policy/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run analyze -- \[file or folder …\] \[--json\]/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown option --jsn\n/);
    expect(bad.stdout).toBe('');
  });
});

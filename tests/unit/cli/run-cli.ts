import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../src/engine/report';
import { makeEncryptedPdf } from '../../helpers/pdf-encryption';
import { makeCorruptPdf, makeImageOnlyPdf, makePdf } from '../../helpers/pdf-writer';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Runs the real command line (`tsx src/cli/analyze.ts`) as a child process from the repository root,
 * as `npm run analyze` does, without colour (NO_COLOR) unless `env` says otherwise.
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The reports of a `--json` run, by source. */
export function reportsBySource(stdout: string): Map<string, Report> {
  const reports = new Map<string, Report>();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const report = JSON.parse(line) as Report;
    reports.set(report.source, report);
  }
  return reports;
}

/** The synthetic Lexipol-style policy laid out as a 2-page PDF, with a running header and footer. */
export const LEXIPOL_PDF_PAGES = [
  [
    'Policy 413 Immigration Violations',
    '413.4 DETENTIONS',
    'An officer who has a reasonable suspicion that an individual already lawfully contacted or',
    'detained has committed a criminal violation of federal immigration law may detain the person',
    'for a reasonable period of time in order to contact federal immigration officials to verify',
    'whether an immigration violation is a federal civil violation or a criminal violation.',
  ],
  [
    '413.6 FEDERAL REQUESTS FOR ASSISTANCE',
    'Requests by federal immigration officials for assistance from this department should be',
    'directed to a supervisor. The Department may provide available support services, such as',
    'traffic control or peacekeeping efforts.',
  ],
];

/** Generated PDFs in a fresh temporary folder; call `remove` when done. */
export async function writeTestPdfs(): Promise<{
  dir: string;
  text: string;
  locked: string;
  corrupt: string;
  scanned: string;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'policy-lens-cli-'));
  const files = {
    text: path.join(dir, 'lexipol-style.pdf'),
    locked: path.join(dir, 'locked.pdf'),
    corrupt: path.join(dir, 'corrupt.pdf'),
    scanned: path.join(dir, 'scanned.pdf'),
  };
  const layout = {
    pages: LEXIPOL_PDF_PAGES,
    header: 'Ashmere Police Department | Policy Manual',
    footer:
      'Copyright Lexipol, LLC 2025/03/18, All Rights Reserved. Published with permission by Ashmere Police Department. Page {page}',
    title: 'Policy 413 Immigration Violations',
  };
  await writeFile(files.text, makePdf(layout));
  await writeFile(files.locked, makeEncryptedPdf({ ...layout, userPassword: 'secret' }));
  await writeFile(files.corrupt, makeCorruptPdf());
  await writeFile(files.scanned, makeImageOnlyPdf(3));
  return { dir, ...files, remove: () => rm(dir, { recursive: true, force: true }) };
}

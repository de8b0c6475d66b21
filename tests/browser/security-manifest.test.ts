import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Harness, launchHarness } from './harness';

/**
 * The permissions and content security policy the extension ships with are exactly what SECURITY.md
 * promises. Release manifests are built here for Chrome and Firefox (test builds add 127.0.0.1 access,
 * which releases never have) and compared with the permission table in SECURITY.md; their files are
 * searched for the test and benchmark hooks, which releases must not carry; then the test build, loaded
 * in Chromium, shows that its pages really refuse eval and inline script.
 */

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
}

interface DocumentedPermission {
  name: string;
  kind: 'required' | 'optional';
  browsers: string[];
}

const OUT = '.output-security-release';
const exec = promisify(execFile);

/** Rows of the table under "## Permissions" in SECURITY.md: | `name` | required/optional | Chrome, Firefox | why |. */
async function documentedPermissions(): Promise<DocumentedPermission[]> {
  const text = await readFile('SECURITY.md', 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith('Permissions'));
  if (!section) throw new Error('SECURITY.md has no "## Permissions" section');
  const rows: DocumentedPermission[] = [];
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*(required|optional)\s*\|\s*([^|]+)\|/.exec(line);
    if (m)
      rows.push({
        name: m[1]!,
        kind: m[2] as 'required' | 'optional',
        browsers: m[3]!.split(/,\s*/).map((b) => b.trim()),
      });
  }
  return rows;
}

const names = (rows: DocumentedPermission[], kind: string, browser: string) =>
  rows
    .filter((r) => r.kind === kind && r.browsers.includes(browser))
    .map((r) => r.name)
    .sort();

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

let chrome: Manifest;
let firefox: Manifest;
let documented: DocumentedPermission[];
let h: Harness;

beforeAll(async () => {
  // Release builds: POLICY_LENS_LOCAL_HOST=0 and POLICY_LENS_TEST_HOOKS=0 are what a build into .output gets.
  const env = {
    ...process.env,
    POLICY_LENS_OUT_DIR: OUT,
    POLICY_LENS_LOCAL_HOST: '0',
    POLICY_LENS_TEST_HOOKS: '0',
  };
  await exec('npx', ['wxt', 'build'], { env });
  await exec('npx', ['wxt', 'build', '-b', 'firefox'], { env });
  chrome = JSON.parse(await readFile(`${OUT}/chrome-mv3/manifest.json`, 'utf8'));
  firefox = JSON.parse(await readFile(`${OUT}/firefox-mv3/manifest.json`, 'utf8'));
  documented = await documentedPermissions();
  h = await launchHarness({ fixtures: 'tests/fixtures/hostile' });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await rm(OUT, { recursive: true, force: true });
});

describe('the manifest keeps the promises of SECURITY.md', () => {
  it('SECURITY.md documents permissions (so the comparisons below can fail)', () => {
    expect(documented.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['Chrome', () => chrome],
    ['Firefox', () => firefox],
  ])('%s: required permissions are exactly the documented set', (browser, manifest) => {
    expect([...(manifest().permissions ?? [])].sort()).toEqual(names(documented, 'required', browser));
    expect(manifest().optional_permissions ?? []).toEqual([]);
  });

  it.each([
    ['Chrome', () => chrome],
    ['Firefox', () => firefox],
  ])('%s: host access is optional only, asked for when the user turns a feature on', (browser, manifest) => {
    expect(manifest().host_permissions ?? []).toEqual([]);
    expect([...(manifest().optional_host_permissions ?? [])].sort()).toEqual(
      names(documented, 'optional', browser),
    );
    // Nothing runs on pages by itself and no page can call the extension.
    expect(manifest().content_scripts ?? []).toEqual([]);
    expect(manifest().externally_connectable).toBeUndefined();
    expect(manifest().web_accessible_resources ?? []).toEqual([]);
  });

  it.each([
    ['Chrome', () => chrome],
    ['Firefox', () => firefox],
  ])(
    '%s: extension pages carry a strict CSP: own scripts only, no eval, no remote code',
    (_browser, manifest) => {
      const csp = directives(manifest().content_security_policy?.extension_pages ?? '');
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(["'self'", "'none'"]).toContain(csp.get('object-src')?.join(' '));
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      const all = [...csp.values()].flat().join(' ');
      expect(all).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    },
  );

  it('the built pages load no remote script or style and hold no inline script', async () => {
    const dir = `${OUT}/chrome-mv3`;
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['excerpts.html', 'options.html', 'sidepanel.html', 'viewer.html']);
    for (const page of pages) {
      const html = await readFile(path.join(dir, page), 'utf8');
      expect(html, page).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//i);
      for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [])
        expect(script, `${page}: inline script`).toMatch(/^<script[^>]*\ssrc="/);
    }
  });
});

/** Every file of a build folder, as text (the binary ones too: a hook's name would show as ASCII). */
async function builtFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file, 'latin1'));
  }
  return files;
}

/**
 * The hooks the source defines for tests and benchmarks, found in the source itself so that a new one
 * is covered too: every `….policyLensSomething =` assignment (a global), and the viewer's
 * first-highlight User Timing mark that bench/pdf.ts waits for.
 */
async function hookNames(): Promise<string[]> {
  const names = new Set<string>();
  for (const root of ['src', 'entrypoints']) {
    for (const [, text] of await builtFiles(root)) {
      for (const m of text.matchAll(/\.(policyLens[A-Z]\w*)\s*=[^=]/g)) names.add(m[1]!);
      for (const m of text.matchAll(/FIRST_HIGHLIGHT_MARK = '([^']+)'/g)) names.add(m[1]!);
    }
  }
  return [...names].sort();
}

describe('test and benchmark hooks stay out of release builds', () => {
  it('the source defines hooks (so the searches below can fail)', async () => {
    expect(await hookNames()).toEqual(
      expect.arrayContaining([
        'policyLensBackground',
        'policyLensPdfRouting',
        'policyLensViewer',
        'policy-lens:first-highlight',
      ]),
    );
  });

  it('the test build carries every hook (the flag that removes them is what differs)', async () => {
    const text = [...(await builtFiles(EXTENSION_DIR)).values()].join('\n');
    for (const name of await hookNames()) expect(text.includes(name), name).toBe(true);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('%s release: no file contains any hook', async (build) => {
    const files = await builtFiles(`${OUT}/${build}`);
    expect(files.size).toBeGreaterThan(5);
    const found: string[] = [];
    for (const name of await hookNames())
      for (const [file, text] of files) if (text.includes(name)) found.push(`${name} in ${file}`);
    expect(found).toEqual([]);
  });
});

describe('in Chromium, an extension page really refuses what its CSP forbids', () => {
  it('string code (eval-like timers) and an injected inline script do not run, and are reported as violations', async () => {
    const page = await h.openExtensionPage('options.html');
    // DevTools evaluation itself is exempt from CSP, so the code under test is started by the page's
    // own timer and parser: a string passed to setTimeout is compiled like eval.
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      const w = window as unknown as { __timer?: boolean; __inline?: boolean };
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = true', 0);
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        timer: w.__timer ?? false,
        inline: w.__inline ?? false,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(result).toEqual({
      timer: false,
      inline: false,
      violations: ['script-src-elem inline', 'script-src eval'].sort(),
    });
    await page.close();
  });
});

// @vitest-environment node
/**
 * The README is the project's front door: these checks keep what it promises true — the two set-up
 * commands first, every `npm run` script it names exists, and every file it links to is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: object }).scripts,
);

describe('README.md', () => {
  it('opens with the two set-up commands: the demo and the whole test suite', () => {
    const lines = readme.split('\n');
    expect(lines[0]).toBe('```');
    expect(lines[1]).toMatch(/^npm ci && npm run demo +# /);
    expect(lines[2]).toMatch(/^npm ci && npm test +# /);
    expect(lines[3]).toBe('```');
  });

  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    for (const script of new Set(named)) expect(scripts, `npm run ${script}`).toContain(script);
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(existsSync(link), link).toBe(true);
  });
});

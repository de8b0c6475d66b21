import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the browser benchmarks build the extension (a test build: it may read http://127.0.0.1). */
export const BENCH_OUT_DIR = '.output-bench';

/**
 * The Chrome build the browser benchmarks load, built when missing; POLICY_LENS_BENCH_REBUILD=1
 * forces a fresh build (do it after changing product code, or the figures describe old code).
 */
let builtThisRun = false;

export function ensureExtensionBuild(): string {
  const dir = path.resolve(BENCH_OUT_DIR, 'chrome-mv3');
  const rebuild = process.env.POLICY_LENS_BENCH_REBUILD === '1' && !builtThisRun;
  if (rebuild || !existsSync(path.join(dir, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], {
      env: { ...process.env, POLICY_LENS_OUT_DIR: BENCH_OUT_DIR },
      stdio: 'ignore',
    });
    builtThisRun = true;
  }
  return dir;
}

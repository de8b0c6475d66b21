/**
 * `npm run demo`: the main job, end to end, in a real browser.
 *
 * 1. Builds the extension into .output-demo (a test/demo build: it may read http://127.0.0.1 pages
 *    without a toolbar click, see wxt.config.ts).
 * 2. Serves samples/ from 127.0.0.1 and opens samples/sample-policy.html in Debian's Chromium with the
 *    extension loaded (headed when $DISPLAY is set, headless otherwise).
 * 3. Analyses the page through the `policy-lens/analyze` contract, exactly as the side panel does, and
 *    prints the seven-question scorecard.
 * 4. Opens the first red flag's popup and saves screenshots of the annotated page and of the side panel
 *    in demo-output/.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatScorecard } from '../src/cli/format-scorecard';
import { styleFor } from '../src/cli/terminal-style';
import type { Report } from '../src/engine/report';

const OUT_DIR = '.output-demo';
const SHOTS = 'demo-output';
const SAMPLE = process.argv[2] ?? 'sample-policy.html';

function step(text: string): void {
  process.stderr.write(`▸ ${text}\n`);
}

async function main(): Promise<void> {
  step(`building the extension into ${OUT_DIR}/ …`);
  const build = spawnSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POLICY_LENS_OUT_DIR: OUT_DIR },
  });
  if (build.status !== 0) throw new Error('the extension did not build (see the messages above)');

  const headed = Boolean(process.env.DISPLAY);
  process.env.POLICY_LENS_EXT_DIR = path.resolve(OUT_DIR, 'chrome-mv3');
  if (headed) process.env.POLICY_LENS_HEADED = '1';
  // Imported after the environment is set: the harness reads it when it loads.
  const { launchHarness } = await import('../tests/browser/harness');
  step(`starting Chromium (${headed ? 'headed' : 'headless'}) with the extension …`);
  const h = await launchHarness({ fixtures: 'samples', viewport: { width: 1280, height: 900 } });
  try {
    const page = await h.openPage(SAMPLE);
    step(`analysing ${page.url()} …`);
    const report = await h.analyze(page);
    process.stdout.write(`${formatScorecard(report, styleFor(process.stdout, process.env))}\n`);

    await mkdir(SHOTS, { recursive: true });
    const first = await h.sendToTab<{ index: number; total: number } | null>(page, {
      type: 'policy-lens/step',
      direction: 'next',
    });
    if (first) step(`opened flag ${first.index} of ${first.total} on the page`);
    await page.waitForTimeout(700); // let the smooth scroll settle before the picture
    await page.screenshot({ path: `${SHOTS}/annotated-page.png` });

    const panel = await h.openExtensionPage(`sidepanel.html?tabId=${await h.tabIdOf(page)}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.waitForSelector('[data-state="ready"], [data-state="no-policy"], [data-state="failed"]');
    await panel.screenshot({ path: `${SHOTS}/side-panel.png`, fullPage: true });
    step(`screenshots: ${SHOTS}/annotated-page.png, ${SHOTS}/side-panel.png`);

    const requests = h.extensionRequests();
    step(requests.length === 0 ? 'the extension made no network request' : `NETWORK: ${requests.join(', ')}`);
    if (headed) {
      await page.bringToFront();
      step('the browser stays open: close its window to finish');
      await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
    }
    if (!hasPassages(report)) process.exitCode = 1;
  } finally {
    await h.close().catch(() => undefined);
  }
}

function hasPassages(report: Report): boolean {
  return report.questions.some((q) => q.flags.some((f) => !f.absence));
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

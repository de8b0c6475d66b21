import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's Chromium driven by playwright-core and Debian's Firefox ESR driven by
// puppeteer-core (tests/browser/firefox.test.ts), with the extension built into .output-test/chrome-mv3
// and .output-test/firefox-mv3 (see the test:browser script). One browser at a time: the machines have
// two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    passWithNoTests: false,
  },
});

import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * The rule book's example sentences are for `npm run rules` and the tests; the extension never shows
 * them. Dropping them from the built JSON keeps ~4.5 kB gzip out of every script that holds the rule
 * book, the content script included (budget 60 kB gzip, bench/bundle.ts). Build only: Vitest (serve
 * mode) still reads the examples.
 */
function stripRuleExamples(): Plugin {
  return {
    name: 'policy-lens:strip-rule-examples',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/generated/rules.json')) return null;
      const book = JSON.parse(code) as { rules: { examples: unknown }[] };
      for (const rule of book.rules) rule.examples = { match: [], noMatch: [] };
      return { code: JSON.stringify(book), map: null };
    },
  };
}

// Tests and benchmarks may build into their own folder so that parallel builds never collide.
const outDir = process.env.POLICY_LENS_OUT_DIR ?? '.output';

// Test and demo builds (`.output-*`) may read pages served from 127.0.0.1 without a toolbar click:
// `activeTab` needs a real user gesture, which automated tests cannot give. Release builds (`.output`)
// never get this; POLICY_LENS_LOCAL_HOST=0/1 overrides the choice.
const localHostAccess =
  process.env.POLICY_LENS_LOCAL_HOST !== undefined
    ? process.env.POLICY_LENS_LOCAL_HOST === '1'
    : outDir.replace(/^\.\//, '').startsWith('.output-');

// Test, benchmark and demo builds (`.output-*`) expose the `policyLens…` globals through which the browser
// tests and benchmarks drive what they cannot click (the toolbar button, context menus) and read the
// viewer's timings. Release builds (`.output`) never do: the code sits behind
// `import.meta.env.POLICY_LENS_TEST_HOOKS`, which is `false` there, so the bundler drops it.
// POLICY_LENS_TEST_HOOKS=0/1 overrides the choice.
const testHooks =
  process.env.POLICY_LENS_TEST_HOOKS !== undefined
    ? process.env.POLICY_LENS_TEST_HOOKS === '1'
    : outDir.replace(/^\.\//, '').startsWith('.output-');

export default defineConfig({
  outDir,
  // Manifest V3 for Firefox too (WXT defaults to V2 there): one manifest shape, one set of APIs.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [stripRuleExamples(), preact()],
    define: { 'import.meta.env.POLICY_LENS_TEST_HOOKS': JSON.stringify(testHooks) },
  }),
  manifest: ({ browser }) => ({
    name: 'ICE Policy Lens',
    description:
      'Flags how far a police policy lets officers cooperate with ICE, by the seven questions of the Massachusetts advocacy guide. Everything runs locally.',
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Asked for only when the user turns on automatic analysis (all sites or the sites they list).
    optional_host_permissions: ['<all_urls>'],
    ...(localHostAccess ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'ICE Policy Lens: analyse this page' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Analyse this page and show the scorecard',
      },
      'next-flag': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Jump to the next flagged passage',
      },
      'previous-flag': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Jump to the previous flagged passage',
      },
      'save-excerpt': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as an excerpt',
      },
    },
    // No remote code, no eval: everything the extension runs ships in the package.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ice-policy-lens@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

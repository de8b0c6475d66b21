import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Tests and benchmarks may build into their own folder so that parallel builds never collide.
const outDir = process.env.POLICY_LENS_OUT_DIR ?? '.output';

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ice-policy-lens@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

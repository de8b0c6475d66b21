// Set by wxt.config.ts for test and benchmark builds only: whether the extension exposes the globals
// (`policyLens…`) through which the browser tests and benchmarks drive it. Release builds: false.
interface ImportMetaEnv {
  readonly POLICY_LENS_TEST_HOOKS?: boolean;
}

import { defineConfig } from 'vitest/config';

// End-to-end tier: the built extension (dist/chrome-mv3) in real Chromium.
// Never skipped: the harness fails when Chromium or the build is missing.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    passWithNoTests: false,
    allowOnly: false,
    reporters: ['default', './tests/e2e/no-skips-reporter.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// Two projects in one `npm test`: everything that runs under Node, and the built extension in
// headless Chromium (tests/e2e), which builds what it needs first (tests/e2e/setup.ts).
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup.ts'],
          fileParallelism: false,
          // A poll waits on the extension's own messages, workers and renders; on a loaded 2-core CI
          // box these can take more than the default second without anything being wrong.
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

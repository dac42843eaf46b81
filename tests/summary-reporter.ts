// Ends the run with one plain line, `vitest: N passed, N failed, N skipped`, that a reader of the
// log (or CI) can take in at a glance; vitest's own summary is made for terminals. "failed" counts
// every failure that fails the run: failed tests, and errors no test owns — a file that cannot be
// loaded, a failed beforeAll/afterAll, an unhandled error — so a broken run never reads "0 failed".
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of modules) {
      counts.failed += module.errors().length;
      for (const suite of module.children.allSuites()) counts.failed += suite.errors().length;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const interrupted = reason === 'interrupted' ? ' (interrupted)' : '';
    process.stdout.write(
      `vitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${interrupted}\n`,
    );
  }
}

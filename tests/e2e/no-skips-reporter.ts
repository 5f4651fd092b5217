import type { Reporter, TestCase } from 'vitest/node';

/**
 * The browser tier is required: a skipped or todo end-to-end test fails the run, so CI
 * cannot go green with the e2e suite switched off.
 */
export default class NoSkipsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    if (testCase.result().state === 'skipped') this.skipped.push(`${testCase.module.moduleId} > ${testCase.fullName}`);
  }

  onTestRunEnd(): void {
    if (this.skipped.length === 0) return;
    console.error(`\nEnd-to-end tests must not be skipped (${this.skipped.length}):\n  ${this.skipped.join('\n  ')}`);
    process.exitCode = 1;
  }
}

// Sums Vitest and Playwright JSON reports and the guards' report (scripts/checks.mjs) into the one line CI reads: "N passed, N failed".
// A missing report (a runner that crashed before writing it) counts as a failure.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`${file}: no report (the runner did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (Array.isArray(report.checks)) {
    // scripts/checks.mjs: each guard counts as one test
    const ok = report.checks.filter((c) => c.ok).length;
    passed += ok;
    failed += report.checks.length - ok;
    console.log(
      `${file}: ${ok} passed, ${report.checks.length - ok} failed (${
        report.checks
          .filter((c) => !c.ok)
          .map((c) => c.name)
          .join(', ') || 'all guards hold'
      })`,
    );
  } else if ('numPassedTests' in report) {
    // Vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites) failed += report.numFailedTestSuites;
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    if (report.errors?.length) failed += report.errors.length;
    console.log(`${file}: ${report.stats.expected} passed, ${report.stats.unexpected} failed, ${report.stats.flaky} flaky`);
  }
}
// Nothing may be skipped in CI: a skipped test is counted as failed.
failed += skipped;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

// Adds up the JSON reports of every suite `npm test` ran and prints one plain closing line,
// "tests: N passed, N failed, N skipped", so a reader (or CI) sees the whole run at a glance.
// A skipped suite (the Electron one where no binary exists) is reported, never counted as passed.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('out/test-reports');
if (process.argv.includes('--reset')) {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
let passed = 0, failed = 0, skipped = 0;
const lines = [];
for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  let p = 0, f = 0, s = 0;
  if (report.numPassedTests !== undefined) {
    // vitest (jest-compatible JSON)
    p = report.numPassedTests; f = report.numFailedTests; s = report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright JSON reporter
    p = report.stats.expected + (report.stats.flaky ?? 0); f = report.stats.unexpected; s = report.stats.skipped;
  } else if (report.suite) {
    // our own small suites (e.g. the Electron runner when it skipped)
    p = report.passed; f = report.failed; s = report.skipped;
  }
  passed += p; failed += f; skipped += s;
  const suite = name.replace(/\.json$/, '');
  lines.push(report.skippedSuite ? `  ${suite}: SUITE SKIPPED (${report.reason}): nothing ran, nothing counted` : `  ${suite}: ${p} passed, ${f} failed, ${s} skipped`);
}
console.log(lines.join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

// Runs every test of the project and ends with one summary line:
//   unit tests and GPU-kernel tests (Vitest, WebGPU on SwiftShader when no GPU),
//   then the production build and the end-to-end tests (Playwright, headless Chromium).
// The last line is "Tests: N passed, N failed, N skipped" over both runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Not test-results/: Playwright empties that folder when it starts, which would delete the unit report.
const results = 'test-reports';
mkdirSync(results, { recursive: true });
const unitJson = `${results}/unit.json`;
const e2eJson = `${results}/e2e.json`;
for (const f of [unitJson, e2eJson]) rmSync(f, { force: true });

function step(title, cmd, args) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

const only = process.argv[2]; // 'unit' | 'e2e' | undefined (both)
let failedSteps = 0;
if (only !== 'e2e') {
  failedSteps +=
    step('unit and GPU-kernel tests', 'bash', [
      'scripts/with-swiftshader.sh',
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${unitJson}`,
    ]) === 0
      ? 0
      : 1;
}
if (only !== 'unit') {
  const built = step('production build', 'npm', ['run', '--silent', 'build']);
  if (built !== 0) failedSteps += 1;
  else failedSteps += step('end-to-end tests', 'npx', ['playwright', 'test']) === 0 ? 0 : 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(unitJson)) {
  const u = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += u.numPassedTests ?? 0;
  failed += u.numFailedTests ?? 0;
  skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
}
if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
// A runner that crashed before reporting still fails the run.
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);

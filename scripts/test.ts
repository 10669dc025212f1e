// `npm test`: every check, in order — types, unit and integration tests (Vitest, on an embedded
// PostgreSQL of their own), then end-to-end tests (Playwright driving Debian's Chromium against
// the app started as `npm start` starts it), then the resilience suite (resilience/run.ts: two app
// servers under load, a database outage, SIGKILLs, hostile access), then the deployment test
// (deploy/test.ts: the shipped nginx configuration in front of two app servers). Ends with one line:
// "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBuild } from './lib/build';
import { ensureChromium } from './ensure-chromium';
import { bin, ROOT } from './lib/run';

const REPORTS = path.join(ROOT, '.data', 'reports');
const say = (line: string) => console.log(`\n[test] ${line}`);

const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  say(name);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  say(`${name.split(':')[0]}: ${seconds(started)}`);
  return result.status === 0;
}

/** A step run beside others: its output is held and printed whole when it ends, so outputs do not interleave. */
function stepBeside(name: string, command: string, args: string[]): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (status) => {
      say(`${name} (${seconds(started)})`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(status === 0);
    });
  });
}

function count<R>(file: string, pick: (report: R) => { passed: number; failed: number }) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  return pick(JSON.parse(readFileSync(file, 'utf8')) as R);
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const failures: string[] = [];

// Fast checks first, side by side (each is one process; the machine has two cores): the whole
// codebase's lint (architecture rules included), format and types, and the app's build for the
// end-to-end tests, which needs none of them.
const started = performance.now();
const building = ensureBuild((line) => console.log(`[test] ${line}`)).then(
  () => true,
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return false;
  },
);
const [lint, format, types, built] = await Promise.all([
  stepBeside('lint: eslint (npm run fix corrects what it can)', bin('eslint'), ['--max-warnings=0', '.']),
  stepBeside('format: prettier --check (npm run fix formats)', bin('prettier'), ['--check', '--log-level=warn', '.']),
  stepBeside('types: tsc --noEmit', bin('tsc'), ['--noEmit']),
  building,
]);
say(`lint, format, types and build: ${seconds(started)}`);
if (!lint) failures.push('lint');
if (!format) failures.push('format');
if (!types) failures.push('types');

const vitestReport = path.join(REPORTS, 'vitest.json');
if (
  !step('unit and integration: vitest', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ])
) {
  failures.push('vitest');
}

say('end-to-end: preparing Chromium');
let e2eReady = built;
if (!built) failures.push('build');
try {
  ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failures.push('e2e setup');
  e2eReady = false;
}
if (e2eReady) {
  rmSync(path.join(ROOT, '.data', 'e2e'), { recursive: true, force: true });
  if (!step('end-to-end: playwright', bin('playwright'), ['test'])) failures.push('playwright');
  if (
    !step('resilience: two app servers under load, outage, crashes and hostile access', bin('tsx'), [
      '--conditions=react-server',
      'resilience/run.ts',
    ])
  ) {
    failures.push('resilience');
  }
  if (
    !step('deployment: the shipped nginx configuration in front of two app servers', bin('tsx'), [
      '--conditions=react-server',
      'deploy/test.ts',
    ])
  ) {
    failures.push('deploy');
  }
}

const unit = count<{ numPassedTests: number; numFailedTests: number; numPendingTests?: number }>(vitestReport, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numPendingTests ?? 0),
}));
const e2e = count<{ stats: Record<'expected' | 'unexpected' | 'flaky' | 'skipped', number> }>(
  path.join(REPORTS, 'e2e.json'),
  (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped }),
);
const resilience = count<{ passed: number; failed: number }>(path.join(REPORTS, 'resilience.json'), (r) => ({
  passed: r.passed,
  failed: r.failed,
}));
const deploy = count<{ passed: number; failed: number }>(path.join(REPORTS, 'deploy.json'), (r) => ({
  passed: r.passed,
  failed: r.failed,
}));
const passed = unit.passed + e2e.passed + resilience.passed + deploy.passed;
const failed = unit.failed + e2e.failed + resilience.failed + deploy.failed + (failures.includes('types') ? 1 : 0);
say(
  `vitest ${unit.passed} passed, ${unit.failed} failed; playwright ${e2e.passed} passed, ${e2e.failed} failed; resilience ${resilience.passed} passed, ${resilience.failed} failed; deployment ${deploy.passed} passed, ${deploy.failed} failed${failures.length ? `; failed steps: ${failures.join(', ')}` : ''}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);

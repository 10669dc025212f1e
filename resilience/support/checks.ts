import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// A minimal runner: named checks run in order, each passing or failing with its reason, and a
// last line "N passed, N failed". Figures worth keeping (load held, faults survived) are noted
// as the checks run and printed together at the end.
export interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const outcomes: Outcome[] = [];
const figures: string[] = [];
const notSelected: string[] = [];

// `npm run test:resilience -- --grep outage` runs the checks whose names match (case-insensitive),
// after the setup checks the others need; `--quick` shortens the load phase (run.ts). CI runs all.
const args = process.argv.slice(2);
const grep = args.includes('--grep') ? new RegExp(args[args.indexOf('--grep') + 1] ?? '', 'i') : null;
export const QUICK = args.includes('--quick');

/**
 * Runs one named check, unless `--grep` leaves it out. A `setup` check (signing in, creating
 * the accounts later checks use) always runs.
 */
export async function check(name: string, fn: () => Promise<void>, { setup = false } = {}): Promise<boolean> {
  if (grep && !setup && !grep.test(name)) {
    notSelected.push(name);
    console.log(`\n[resilience] – ${name} (not selected by --grep)`);
    return true;
  }
  const started = Date.now();
  console.log(`\n[resilience] ▶ ${name}`);
  try {
    await fn();
    outcomes.push({ name, ok: true, ms: Date.now() - started });
    console.log(`[resilience] ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    outcomes.push({ name, ok: false, ms: Date.now() - started, error: message });
    console.log(`[resilience] ✗ ${name}\n${message}`);
    return false;
  }
}

/** A figure for the report ("readers: 12,345 requests, p95 80 ms, no errors"). */
export function note(line: string): void {
  figures.push(line);
  console.log(`[resilience]   ${line}`);
}

/** Prints the figures and failures; writes them to `reportFile` for `npm test` to add up. */
export function summary(reportFile?: string): { passed: number; failed: number } {
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  console.log('\n[resilience] figures:');
  for (const line of figures) console.log(`  - ${line}`);
  for (const o of outcomes.filter((x) => !x.ok)) console.log(`[resilience] failed: ${o.name}`);
  if (notSelected.length) console.log(`[resilience] ${notSelected.length} checks not selected by --grep`);
  if (reportFile) {
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, JSON.stringify({ passed, failed, outcomes, figures }, null, 2));
  }
  return { passed, failed };
}

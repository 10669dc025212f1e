// End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot work on
// machines without general internet). Installs the `chromium` package when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.WHIPCOUNT_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.WHIPCOUNT_CHROMIUM)
    throw new Error(`WHIPCOUNT_CHROMIUM points at ${CHROMIUM}, which does not exist.`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Chromium is missing and installing it needs root: run `sudo apt-get install -y chromium`, or set WHIPCOUNT_CHROMIUM.',
    );
  }
  console.log('[whipcount] installing Debian’s chromium for the end-to-end tests (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing.`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();

import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

// The app under test is started exactly as users start it (scripts/start.ts) on ports and a
// data directory of its own; scripts/test.ts clears that directory first. A second server
// points at a database that does not exist, to see the app report the outage.
export const APP_PORT = 3100;
export const DOWN_PORT = 3101;
export const E2E_DB_PORT = 54349;
export const E2E_DATA_DIR = '.data/e2e';
// The first admin of the app under test (created at its first start).
// A fresh random password each run; workers inherit it from the main process's environment.
process.env.WHIPCOUNT_E2E_ADMIN_PASSWORD ??= randomBytes(18).toString('base64url');
export const E2E_ADMIN = { email: 'admin@example.org', password: process.env.WHIPCOUNT_E2E_ADMIN_PASSWORD };

const chromium = {
  executablePath: process.env.WHIPCOUNT_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.data/reports/e2e.json' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium }, grep: /@phone/ },
  ],
  webServer: [
    {
      command: 'npm start',
      url: `http://localhost:${APP_PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        PORT: String(APP_PORT),
        WHIPCOUNT_DATA_DIR: E2E_DATA_DIR,
        WHIPCOUNT_DB_PORT: String(E2E_DB_PORT),
        DATABASE_URL: '',
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
      },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      stdout: 'pipe',
    },
    {
      command: `node --import tsx scripts/serve.ts --port ${DOWN_PORT}`,
      port: DOWN_PORT,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:9/none', NEXT_TELEMETRY_DISABLED: '1' },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});

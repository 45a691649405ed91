import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { appPort as port, firstRunPort, noMailPort, smtpPort } from './tests/ports.js';

const dataDir = (p: number) => path.join(os.tmpdir(), `mamori-e2e-${p}`);
/** A fresh data directory each run; `env` adds what differs between the servers. */
const server = (p: number, env: Record<string, string>) => ({
  command: `rm -rf ${dataDir(p)} && node ../packages/server/bin/mamori.js serve`,
  url: `http://127.0.0.1:${p}/api/v1/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: { PORT: String(p), HOST: '127.0.0.1', MAMORI_DATA_DIR: dataDir(p), LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
});

export default defineConfig({
  testDir: './tests',
  // One worker, as the machine is small. Every journey seeds a tenant of its own (tests/seed.ts), so each runs
  // alone and in any order.
  workers: 1,
  fullyParallel: false,
  // Long journeys (every item of a form, full-page screenshots) on a loaded 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // The main server delivers mail to 06-vendor-portal's capture; the second has no mail server (07); the third is
  // set up by no one but 01-platform, whose first run creates its administrator.
  webServer: [server(port, { MAMORI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }), server(noMailPort, {}), server(firstRunPort, {})],
});

import { defineConfig } from '@playwright/test';

// Debian's Chromium (npx playwright install cannot download here). WebGPU runs
// headless on the SwiftShader adapter with --enable-unsafe-webgpu; the other
// flags keep Chromium quiet in a closed network.
export const chromiumArgs = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/explainer/`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 1280, height: 900 },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.mjs ${process.env.E2E_DIST ?? 'dist'}`,
    env: { PORT: String(port), BASE_PATH: '/explainer/' },
    url: `http://127.0.0.1:${port}/explainer/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

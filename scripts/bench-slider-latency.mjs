// Benchmark: time from a slider input to the next painted frame that shows
// the new attention map (lesson 1, softmax, n = 256, d = 32), in headless
// Chromium on whatever WebGPU adapter it finds (SwiftShader on a machine
// without a GPU). The app records each latency in window.__laMetrics
// (src/components/latency/metrics.ts); this script drives the temperature slider
// with the keyboard, one step at a time, waiting for each paint.
// Usage: npm run build && node scripts/bench-slider-latency.mjs [--runs 40] [--out FILE]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 40));
const out = arg('out', 'bench-results/slider-latency-swiftshader.json');
const port = Number(arg('port', 4620));
const n = 256;
const d = 32;

const server = spawn('node', ['scripts/serve-dist.mjs', 'dist'], {
  env: { ...process.env, PORT: String(port), BASE_PATH: '/explainer/' },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(
    `http://127.0.0.1:${port}/explainer/?lesson=softmax-wall&step=0&n=${n}&d=${d}&temperature=1`,
  );
  await page.waitForFunction(() => (window.__laMetrics?.paints ?? 0) > 0, null, { timeout: 120_000 });
  const adapter = await page.evaluate(async () => {
    const a = await navigator.gpu?.requestAdapter();
    return a ? `${a.info.vendor} ${a.info.architecture} ${a.info.description}`.trim() : 'none (CPU fallback)';
  });
  const slider = page.getByTestId('temperature-slider');
  await slider.focus();
  // Warm-up: pipelines compile on the first runs.
  for (let i = 0; i < 3; i++) {
    const before = await page.evaluate(() => window.__laMetrics.paints);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((b) => window.__laMetrics.paints > b, before, { timeout: 60_000 });
  }
  await page.evaluate(() => window.__laMetrics.reset());
  for (let i = 0; i < runs; i++) {
    const before = await page.evaluate(() => window.__laMetrics.paints);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((b) => window.__laMetrics.paints > b, before, { timeout: 60_000 });
  }
  const samples = await page.evaluate(() => [...window.__laMetrics.inputToPaintMs]);
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const result = {
    benchmark: 'slider input to next painted frame with the new map',
    lesson: 'softmax-wall',
    n,
    d,
    adapter,
    runs: samples.length,
    medianMs: q(0.5),
    p95Ms: q(0.95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    samples,
    date: new Date().toISOString(),
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify({ ...result, samples: undefined }, null, 2));
} finally {
  await browser.close();
  server.kill();
}

// Screenshots of the landing page and every lesson step, light and dark, wide
// and narrow, from the built app (dist/) in Debian's headless Chromium.
// Usage: node scripts/screenshots.mjs [outDir] [baseUrl]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? 'screenshots';
const base = process.argv[3] ?? 'http://127.0.0.1:4173/explainer/';
const only = process.env.SHOTS_ONLY; // e.g. "softmax-wall"
mkdirSync(out, { recursive: true });
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
const lessons = {
  'softmax-wall': 5,
  reorder: 4,
  'feature-maps': 6,
  rnn: 5,
  'low-rank': 6,
  gating: 6,
  chunking: 5,
  timing: 5,
};
const views = [];
for (const theme of ['light', 'dark']) {
  views.push({ name: `landing-${theme}`, query: `?theme=${theme}`, width: 1280 });
  for (const [lesson, steps] of Object.entries(lessons)) {
    if (only && only !== lesson) continue;
    for (let step = 0; step < steps; step++) {
      views.push({
        name: `${lesson}-${step}-${theme}`,
        query: `?lesson=${lesson}&step=${step}&theme=${theme}`,
        width: 1280,
      });
    }
    views.push({
      name: `${lesson}-0-${theme}-narrow`,
      query: `?lesson=${lesson}&step=0&theme=${theme}`,
      width: 390,
    });
  }
}
if (process.env.SHOTS_ZH)
  views.push({ name: 'softmax-wall-zh', query: '?lesson=softmax-wall&lang=zh', width: 1280 });
for (const v of views) {
  const page = await browser.newPage({ viewport: { width: v.width, height: 900 } });
  page.on('pageerror', (e) => console.log(`[${v.name}] pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${v.name}] console: ${m.text()}`));
  await page.goto(base + v.query);
  await page.waitForTimeout(Number(process.env.SHOTS_WAIT ?? 4000));
  await page.screenshot({ path: `${out}/${v.name}.png`, fullPage: true });
  await page.close();
  console.log(`${out}/${v.name}.png`);
}
await browser.close();

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
// Every lesson of the course, in course order; each lesson's steps are counted from its page.
const lessons = [
  'softmax-wall',
  'reorder',
  'feature-maps',
  'rnn',
  'low-rank',
  'gating',
  'chunking',
  'timing',
  'family',
  'recall',
  'higher-order',
  'hybrids',
  'linearise',
  'seq-parallel',
  'icl-gd',
  'field-map',
];

async function stepCount(lesson) {
  const page = await browser.newPage();
  await page.goto(`${base}?lesson=${lesson}&gpu=0`);
  const links = page.locator('nav.steps a');
  await links.first().waitFor({ timeout: 60_000 });
  const count = await links.count();
  await page.close();
  return count;
}

const views = [];
for (const theme of ['light', 'dark']) {
  views.push({ name: `landing-${theme}`, query: `?theme=${theme}`, width: 1280 });
  for (const lesson of lessons) {
    if (only && only !== lesson) continue;
    const steps = await stepCount(lesson);
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
if (process.env.SHOTS_ZH) {
  for (const lesson of lessons) {
    if (only && only !== lesson) continue;
    views.push({ name: `${lesson}-zh`, query: `?lesson=${lesson}&lang=zh`, width: 1280 });
  }
}
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

/**
 * The search page with the neural model on (as `npm start` runs it when `models/` holds
 * bge-small-zh): a paraphrased question with no shared keywords finds its tasks through the
 * dense signal, no "keyword only" banner, and the README's screenshot (docs/screenshots/search.png).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bootstrap, type Pipeline } from '../../core/pipeline';
import { resolveModelSource } from '../../search/embedder-factory';
import { createApp } from '../../server/app';
import { listen, testConfig, type Listening } from '../server/helpers';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const config = testConfig({}, { KG_EMBEDDER: '' }); // temp data dir, the configured model
const hasModel = !('reason' in resolveModelSource(config));
const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser) console.log(`SKIP: browser tests need chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
if (!hasModel) console.log('SKIP: model-backed page test needs models/Xenova/bge-small-zh-v1.5 (npm install fetches it; or set KG_MODEL_DIR)');
const describeIt = hasBrowser && hasModel ? describe : describe.skip;

describeIt('search page with the neural model in chromium', () => {
  let pipeline: Pipeline;
  let srv: Listening;
  let ctx: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pipeline = await bootstrap({ config, persist: false });
    srv = await listen(createApp({ store: pipeline.store, search: pipeline.search, config }));
    ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 1360, height: 900 },
      locale: 'zh-CN',
    });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('favicon.ico')) pageErrors.push(`${r.status()} ${r.url()}`); });
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
    await pipeline?.close();
  });

  test('a paraphrased question is answered by meaning; no keyword-only banner; README screenshot', async () => {
    expect(pipeline.search.status().embedder).toMatchObject({ active: true, model: 'Xenova/bge-small-zh-v1.5' });
    const q = '老人看病、居家养老有哪些智能化手段';
    await page.goto(`${srv.url}/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('#results .card');
    expect(await page.isHidden('#model-banner')).toBe(true);
    const titles = await page.$$eval('#results .card h3, #results .card .title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(2);
    // the API behind the page used the dense signal for this question
    const res = await (await fetch(`${srv.url}/api/search?q=${encodeURIComponent(q)}&k=10`)).json();
    expect(res.interpretation.mode).toMatch(/hybrid/);
    expect(res.results.some((r: { why: Record<string, number | null> }) => typeof r.why.dense === 'number')).toBe(true);
    await page.waitForFunction(() => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes > 1);
    await page.screenshot({ path: path.join(__dirname, '../../docs/screenshots/search.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

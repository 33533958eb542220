/**
 * The search page with the neural model on (as `npm start` runs it when `models/` holds
 * bge-small-zh): a paraphrased question with no shared keywords finds its tasks through the
 * dense signal, no "keyword only" banner, and the README's screenshot (docs/screenshots/search.png).
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { chromium, describeIf, model } from '../prerequisites';
import { createApp } from '../../server/app';
import { listen, testConfig, type Listening } from '../server/helpers';
import { openBrowser, SHOTS } from './chromium';

const config = testConfig({}, { KG_EMBEDDER: '' }); // temp data dir, the configured model
const describeIt = describeIf('model-backed page test', chromium(), model({ KG_EMBEDDER: '' }));

describeIt('search page with the neural model in chromium', () => {
  let pipeline: Pipeline;
  let srv: Listening;
  let ctx: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    pipeline = await bootstrap({ config, persist: false });
    srv = await listen(createApp({ store: pipeline.store, search: pipeline.search, config }));
    ({ ctx, page, errors: pageErrors } = await openBrowser());
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
    await page.screenshot({ path: path.join(SHOTS, 'search.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

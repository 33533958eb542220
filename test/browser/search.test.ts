/**
 * The search page in a real browser (Debian chromium via playwright-core) against the real
 * server on a free port: a Chinese question, results, a citation, graph expansion, a filter,
 * and screenshots for the README (docs/screenshots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { closePipeline, listen, realDeps, type Listening } from '../server/helpers';
import { describeWithBrowser, openBrowser, SHOTS } from './chromium';

const describeBrowser = describeWithBrowser();

describeBrowser('search page in chromium', () => {
  let srv: Listening;
  let ctx: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    srv = await listen(createApp(await realDeps()));
    ({ ctx, page, errors: pageErrors } = await openBrowser());
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await srv?.close();
    await closePipeline();
  });

  test('type a Chinese question, see results, open a citation, expand the graph, filter', async () => {
    await page.goto(srv.url);
    await page.waitForSelector('body[data-ready="true"]');
    await expectVisible(page, '#model-banner'); // keyword-only run: the banner says so
    const q = '老人看病、居家养老有哪些智能化手段';
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await page.waitForSelector('#results .card');
    expect(new URL(page.url()).searchParams.get('q')).toBe(q); // shareable URL
    const cards = await page.$$('#results .card');
    expect(cards.length).toBeGreaterThan(2);
    expect(await page.textContent('#results .card .plan')).toMatch(/方案/);
    expect(await page.$$eval('#results .badge.unit .role', (els) => els.map((e) => e.textContent))).toEqual(expect.arrayContaining(['牵头']));
    expect(await page.$$('#results mark')).not.toHaveLength(0);

    // the citation opens the original lines in the side panel
    // the citation names the plan (not the hashed file name); the file and lines are data on it
    const citeText = (await page.textContent('#results .card .cite'))!;
    const planName = (await page.textContent('#results .card .plan'))!;
    expect(citeText).toMatch(new RegExp(`^来源：${planName} 第 \\d+–\\d+ 行$`));
    const { file, from, to } = await page.$eval('#results .card .cite', (b) => ({ ...(b as HTMLElement).dataset }));
    await page.click('#results .card .cite');
    await page.waitForSelector('#source-panel:not([hidden]) .lines li.cited');
    const original = fs.readFileSync(path.join(__dirname, '../../seeds', file!), 'utf8').split(/\r?\n/);
    const cited = await page.$$eval('#source-panel .lines li.cited', (els) => els.map((e) => e.textContent));
    expect(cited).toEqual(original.slice(Number(from) - 1, Number(to)).map((l) => l || '\u00a0'));
    expect(await page.textContent('#source-title')).toContain(planName);
    await page.screenshot({ path: path.join(SHOTS, 'citation.png') });
    await page.click('#source-close');
    await expectHidden(page, '#source-panel');

    // clicking a graph node that has not been expanded adds its neighbours
    await page.waitForFunction(() => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes > 1);
    const before = await graphNodes(page);
    const target = await page.evaluate(() => {
      const probe = (window as unknown as { __kg: { graphProbe(): { ids: string[]; pos(id: string): { x: number; y: number } } } }).__kg.graphProbe();
      const id = probe.ids.find((i) => i.startsWith('unit:')) ?? probe.ids[1];
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const p = probe.pos(id);
      return { id, x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((n) => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes > n, before);
    expect(await page.textContent('#graph-info')).toMatch(/新增 \d+ 个关联节点/);
    await page.screenshot({ path: path.join(SHOTS, 'search-keyword-only.png') });

    // a plan filter narrows every result to that plan and lands in the URL
    const option = await page.$eval('#f-plan option:nth-child(2)', (o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent! }));
    await page.selectOption('#f-plan', option.value);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('plan') === v, option.value);
    const planTitle = option.text.replace(/（\d+）$/, '');
    // the filtered answer replaces the cards: wait for it, not for the old cards still on the page
    await page
      .waitForFunction((t) => {
        const cards = [...document.querySelectorAll('#results .card .plan')].map((e) => e.textContent);
        return (cards.length > 0 && cards.every((c) => c === t)) || !!document.querySelector('.state.empty');
      }, planTitle, { timeout: 10_000 })
      .catch(() => undefined); // on a timeout the assertion below shows what the cards say
    const plans = await page.$$eval('#results .card .plan', (els) => els.map((e) => e.textContent));
    for (const p of plans) expect(p).toBe(planTitle);
    expect(await page.textContent('#active-filters')).toContain('规划');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('a shared URL restores the search; bad input shows a clear error state', async () => {
    await page.goto(`${srv.url}/?q=${encodeURIComponent('市大数据局牵头负责哪些任务')}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#results .card');
    expect(await page.inputValue('#q')).toBe('市大数据局牵头负责哪些任务');
    await page.fill('#q', '数'.repeat(200) + '据'); // the box caps at 200 characters
    expect((await page.inputValue('#q')).length).toBe(200);
    await page.goto(`${srv.url}/?q=${encodeURIComponent('数'.repeat(201))}`);
    await page.waitForSelector('.state.error');
    expect(await page.textContent('.state.error')).toContain('QUERY_TOO_LONG');
  }, 60_000);

  test('Enter while an IME is composing does not search', async () => {
    await page.goto(srv.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.fill('#q', 'shuju');
    await page.evaluate(() => {
      const input = document.getElementById('q')!;
      input.dispatchEvent(new CompositionEvent('compositionstart'));
      const e = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
      input.dispatchEvent(e);
      if (!e.defaultPrevented) (input as HTMLInputElement).form!.requestSubmit();
      input.dispatchEvent(new CompositionEvent('compositionend'));
    });
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(await page.$$('#results .card')).toHaveLength(0);
  }, 30_000);

  test('phone width: one column, readable cards, screenshot', async () => {
    const phone = await ctx.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${srv.url}/?q=${encodeURIComponent('企业开办一件事')}`);
    await phone.waitForSelector('#results .card');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0); // no horizontal scrolling
    const [results, graph] = await phone.$$eval(['.results-col', '.graph-col'].join(','), (els) => els.map((e) => e.getBoundingClientRect().top));
    expect(graph).toBeGreaterThan(results); // stacked, not side by side
    await phone.screenshot({ path: path.join(SHOTS, 'search-phone.png') });
    await phone.close();
  }, 30_000);
});

async function graphNodes(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes);
}
async function expectVisible(page: Page, sel: string) {
  await page.waitForSelector(sel, { state: 'visible', timeout: 5000 });
}
async function expectHidden(page: Page, sel: string) {
  await page.waitForSelector(sel, { state: 'hidden', timeout: 5000 });
}

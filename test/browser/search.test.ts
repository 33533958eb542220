/**
 * The search page in a real browser (Debian chromium via playwright-core) against the real
 * server on a free port: a Chinese question, results, a citation, graph expansion, a filter,
 * and screenshots for the README (docs/screenshots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithBrowser, pageOnRealApp, SHOTS } from './chromium';

const describeBrowser = describeWithBrowser();

describeBrowser('search page in chromium', () => {
  const s = pageOnRealApp();

  test('type a Chinese question, see results, open a citation, expand the graph, filter', async () => {
    await s.page.goto(s.srv.url);
    await s.page.waitForSelector('body[data-ready="true"]');
    await expectVisible(s.page, '#model-banner'); // keyword-only run: the banner says so
    const q = '老人看病、居家养老有哪些智能化手段';
    await s.page.fill('#q', q);
    await s.page.press('#q', 'Enter');
    await s.page.waitForSelector('#results .card');
    expect(new URL(s.page.url()).searchParams.get('q')).toBe(q); // shareable URL
    const cards = await s.page.$$('#results .card');
    expect(cards.length).toBeGreaterThan(2);
    expect(await s.page.textContent('#results .card .plan')).toMatch(/方案/);
    expect(await s.page.$$eval('#results .badge.unit .role', (els) => els.map((e) => e.textContent))).toEqual(expect.arrayContaining(['牵头']));
    expect(await s.page.$$('#results mark')).not.toHaveLength(0);

    // the citation opens the original lines in the side panel
    // the citation names the plan (not the hashed file name); the file and lines are data on it
    const citeText = (await s.page.textContent('#results .card .cite'))!;
    const planName = (await s.page.textContent('#results .card .plan'))!;
    expect(citeText).toMatch(new RegExp(`^来源：${planName} 第 \\d+–\\d+ 行$`));
    const { file, from, to } = await s.page.$eval('#results .card .cite', (b) => ({ ...(b as HTMLElement).dataset }));
    await s.page.click('#results .card .cite');
    await s.page.waitForSelector('#source-panel:not([hidden]) .lines li.cited');
    const original = fs.readFileSync(path.join(__dirname, '../../seeds', file!), 'utf8').split(/\r?\n/);
    const cited = await s.page.$$eval('#source-panel .lines li.cited', (els) => els.map((e) => e.textContent));
    expect(cited).toEqual(original.slice(Number(from) - 1, Number(to)).map((l) => l || '\u00a0'));
    expect(await s.page.textContent('#source-title')).toContain(planName);
    await s.page.screenshot({ path: path.join(SHOTS, 'citation.png') });
    await s.page.click('#source-close');
    await expectHidden(s.page, '#source-panel');

    // clicking a graph node that has not been expanded adds its neighbours
    await s.page.waitForFunction(() => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes > 1);
    const before = await graphNodes(s.page);
    const target = await s.page.evaluate(() => {
      const probe = (window as unknown as { __kg: { graphProbe(): { ids: string[]; pos(id: string): { x: number; y: number } } } }).__kg.graphProbe();
      const id = probe.ids.find((i) => i.startsWith('unit:')) ?? probe.ids[1];
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const p = probe.pos(id);
      return { id, x: box.left + p.x, y: box.top + p.y };
    });
    await s.page.mouse.click(target.x, target.y);
    await s.page.waitForFunction((n) => (window as unknown as { __kg: { graphProbe(): { nodes: number } } }).__kg.graphProbe().nodes > n, before);
    expect(await s.page.textContent('#graph-info')).toMatch(/新增 \d+ 个关联节点/);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-keyword-only.png') });

    // a plan filter narrows every result to that plan and lands in the URL
    const option = await s.page.$eval('#f-plan option:nth-child(2)', (o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent! }));
    await s.page.selectOption('#f-plan', option.value);
    await s.page.waitForFunction((v) => new URL(location.href).searchParams.get('plan') === v, option.value);
    const planTitle = option.text.replace(/（\d+）$/, '');
    // the filtered answer replaces the cards: wait for it, not for the old cards still on the page
    await s.page
      .waitForFunction((t) => {
        const cards = [...document.querySelectorAll('#results .card .plan')].map((e) => e.textContent);
        return (cards.length > 0 && cards.every((c) => c === t)) || !!document.querySelector('.state.empty');
      }, planTitle, { timeout: 10_000 })
      .catch(() => undefined); // on a timeout the assertion below shows what the cards say
    const plans = await s.page.$$eval('#results .card .plan', (els) => els.map((e) => e.textContent));
    for (const p of plans) expect(p).toBe(planTitle);
    expect(await s.page.textContent('#active-filters')).toContain('规划');
    expect(s.errors).toEqual([]);
  }, 60_000);

  test('a shared URL restores the search; bad input shows a clear error state', async () => {
    await s.page.goto(`${s.srv.url}/?q=${encodeURIComponent('市大数据局牵头负责哪些任务')}`);
    await s.page.waitForSelector('body[data-ready="true"]');
    await s.page.waitForSelector('#results .card');
    expect(await s.page.inputValue('#q')).toBe('市大数据局牵头负责哪些任务');
    await s.page.fill('#q', '数'.repeat(200) + '据'); // the box caps at 200 characters
    expect((await s.page.inputValue('#q')).length).toBe(200);
    await s.page.goto(`${s.srv.url}/?q=${encodeURIComponent('数'.repeat(201))}`);
    await s.page.waitForSelector('.state.error');
    expect(await s.page.textContent('.state.error')).toContain('QUERY_TOO_LONG');
  }, 60_000);

  test('what the question was read as: a region typed in pinyin, a corrected typo', async () => {
    await s.page.goto(`${s.srv.url}/?q=${encodeURIComponent('jiaxing 一网通半')}`);
    await s.page.waitForSelector('#results .card');
    expect(await s.page.$$eval('#summary .chip.entity', (els) => els.map((e) => e.textContent))).toContain('jiaxing → 嘉兴市');
    expect(await s.page.textContent('#summary')).toContain('“一网通半”→“一网通办”');
    expect(await s.page.textContent('#results .card .plan')).toContain('嘉兴');
  }, 60_000);

  test('Enter while an IME is composing does not search', async () => {
    await s.page.goto(s.srv.url);
    await s.page.waitForSelector('body[data-ready="true"]');
    await s.page.fill('#q', 'shuju');
    await s.page.evaluate(() => {
      const input = document.getElementById('q')!;
      input.dispatchEvent(new CompositionEvent('compositionstart'));
      const e = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
      input.dispatchEvent(e);
      if (!e.defaultPrevented) (input as HTMLInputElement).form!.requestSubmit();
      input.dispatchEvent(new CompositionEvent('compositionend'));
    });
    await s.page.waitForTimeout(300);
    expect(new URL(s.page.url()).searchParams.get('q')).toBeNull();
    expect(await s.page.$$('#results .card')).toHaveLength(0);
  }, 30_000);

  test('phone width: one column, readable cards, screenshot', async () => {
    const phone = await s.ctx.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${s.srv.url}/?q=${encodeURIComponent('企业开办一件事')}`);
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

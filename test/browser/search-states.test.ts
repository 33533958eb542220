/**
 * The search page's states and access in a real browser (Debian chromium via playwright-core)
 * against the real server: subtitle and examples from the ingested plans, the answer card, the
 * empty state of a question the plans do not answer, paging, keyboard use (the citation dialog
 * takes focus and gives it back, 展开全文 with aria-expanded, graph nodes expanded from the
 * list), the graph legend and zoom, the graph reachable on a phone, and axe-core on each state.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { aboutGraph } from '../../server/routes/about';
import { closePipeline, listen, realDeps, realPipeline, type Listening } from '../server/helpers';
import { axeViolations, describeWithBrowser, openBrowser, SHOTS } from './chromium';

const describeBrowser = describeWithBrowser();
type Probe = { __kg: { graphProbe(): { nodes: number; zoom: number } } };

describeBrowser('search page states, keyboard and axe in chromium', () => {
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

  const search = async (q: string) => {
    await page.goto(`${srv.url}/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('body[data-ready="true"]');
  };

  test('subtitle and example questions come from the ingested plans', async () => {
    await page.goto(srv.url);
    await page.waitForSelector('body[data-ready="true"]');
    const about = await aboutGraph((await realPipeline()).store);
    expect(await page.textContent('#subtitle')).toBe(about.subtitle);
    expect(about.subtitle).toMatch(/^\d+ 份方案/);
    const examples = await page.$$eval('#examples .example', (els) => els.map((e) => e.textContent));
    expect(examples).toEqual(about.examples);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(await page.getAttribute('#q', 'maxlength')).toBe(String(about.limits.queryMaxChars));
    // every example question gets results or an answer
    await page.click('#examples .example');
    await page.waitForSelector('#results .card, #answers .answer');
    expect(await axeViolations(page)).toEqual([]);
    // the check can fail: an image without alt text and a nameless button are reported
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { id: 'bad-img', src: '/favicon.svg' }), Object.assign(document.createElement('button'), { id: 'bad-btn' })));
    const bad = await axeViolations(page);
    expect(bad.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await page.evaluate(() => { document.getElementById('bad-img')?.remove(); document.getElementById('bad-btn')?.remove(); });
  }, 60_000);

  test('a question the plans do not answer: 方案中没有相关内容 with the nearest topics, no cards', async () => {
    await search('红烧肉怎么做才好吃');
    await page.waitForSelector('.state.none');
    expect(await page.textContent('.state.none')).toContain('方案中没有相关内容');
    expect(await page.$$('#results .card')).toHaveLength(0);
    const topics = await page.$$('.state.none .nearest .example');
    expect(topics.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'search-none.png') });
    expect(await axeViolations(page)).toEqual([]);
    // a nearest topic is a question the plans do answer
    await topics[0].click();
    await page.waitForSelector('#results .card');
  }, 60_000);

  test('a target question shows the targets as an answer card above the results', async () => {
    await search('2025年要达到什么目标');
    await page.waitForSelector('#answers .answer.targets');
    const rows = await page.$$eval('#answers .answer.targets tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r[2]).toBe('2025');
    expect(rows.some((r) => /\d/.test(r[1] ?? ''))).toBe(true);
    // the card sits above the ranked results
    const [card, list] = await page.$$eval('#answers, #results', (els) => els.map((e) => e.getBoundingClientRect().top));
    expect(card).toBeLessThan(list);
    await page.screenshot({ path: path.join(SHOTS, 'search-targets.png') });
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  test('a unit question and a document number get their answer cards; paging moves through the total', async () => {
    await search('绍兴市大数据局负责哪些任务');
    await page.waitForSelector('#answers .answer.unit');
    expect(await page.textContent('#answers .answer.unit h2')).toMatch(/绍兴市.*共 \d+ 项任务/);
    await search('嘉政发〔2022〕18号');
    await page.waitForSelector('#answers .answer.plan');
    expect(await page.textContent('#answers .answer.plan')).toContain('嘉兴市加快推进数字政府建设实施方案');
    await search('数据共享');
    await page.waitForSelector('#pager:not([hidden])');
    const first = await page.$$eval('#results .card', (els) => els.map((e) => (e as HTMLElement).dataset.id));
    await page.click('#next-page');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('offset') === '10');
    await page.waitForSelector('#results .card .rank');
    expect(await page.textContent('#results .card .rank')).toBe('11');
    const second = await page.$$eval('#results .card', (els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(await page.textContent('#summary .count')).toMatch(/共 \d+ 条相关任务 · 第 11–\d+ 条/);
  }, 60_000);

  test('keyboard: the citation dialog takes focus, keeps it, closes on Escape and gives it back; 展开全文 reports aria-expanded', async () => {
    await search('老人看病、居家养老有哪些智能化手段');
    await page.waitForSelector('#results .card .cite');
    await page.focus('#results .card .cite');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#source-panel:not([hidden]) .lines li.cited');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-close');
    expect(await page.getAttribute('#source-panel', 'role')).toBe('dialog');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('#source-panel'))).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#source-panel', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cite'))).toBe(true);

    const more = await page.$('#results .card .more');
    expect(more).not.toBeNull();
    expect(await more!.getAttribute('aria-expanded')).toBe('false');
    const before = (await page.textContent(`#${await more!.getAttribute('aria-controls')}`))!.length;
    await more!.focus();
    await page.keyboard.press('Enter');
    expect(await more!.getAttribute('aria-expanded')).toBe('true');
    expect((await page.textContent(`#${await more!.getAttribute('aria-controls')}`))!.length).toBeGreaterThan(before);
    await page.keyboard.press('Enter');
    expect(await more!.getAttribute('aria-expanded')).toBe('false');
  }, 60_000);

  test('graph: every label in the legend, nodes expanded from the list by keyboard, zoom keeps labels readable', async () => {
    await search('企业开办一件事');
    await page.waitForFunction(() => (window as unknown as Probe).__kg.graphProbe().nodes > 1);
    const legend = await page.$$eval('#legend li', (els) => els.map((e) => e.textContent));
    expect(legend).toEqual(['规划', '任务', '单位', '应用', '章节', '地区', '领域', '目标']);
    const before = await page.evaluate(() => (window as unknown as Probe).__kg.graphProbe().nodes);
    const listed = await page.$$('#graph-nodes button');
    expect(listed.length).toBe(before);
    const unit = await page.$('#graph-nodes li:has(.kind:text("单位")) button');
    await (unit ?? listed[1]).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as unknown as Probe).__kg.graphProbe().nodes > n, before);
    expect(await page.textContent('#graph-info')).toMatch(/新增 \d+ 个关联节点/);
    // after expanding, the graph is not shrunk below a readable zoom; the list has every node
    const after = await page.evaluate(() => (window as unknown as Probe).__kg.graphProbe());
    expect(after.zoom).toBeGreaterThanOrEqual(0.55);
    expect(await page.$$eval('#graph-nodes button', (b) => b.length)).toBe(after.nodes);
    await page.click('#zoom-in');
    expect(await page.evaluate(() => (window as unknown as Probe).__kg.graphProbe().zoom)).toBeGreaterThan(after.zoom);
    await page.screenshot({ path: path.join(SHOTS, 'graph-expanded.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('phone: a link takes the reader from the results to the graph', async () => {
    const phone = await ctx.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${srv.url}/?q=${encodeURIComponent('企业开办一件事')}`);
    await phone.waitForSelector('#results .card');
    await phone.click('#summary .to-graph');
    await phone.waitForFunction(() => {
      const r = document.getElementById('graph-col')!.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    await phone.screenshot({ path: path.join(SHOTS, 'search-phone-graph.png') });
    await phone.close();
  }, 30_000);
});

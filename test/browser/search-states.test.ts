/**
 * The search page's states and access in a real browser (Debian chromium via playwright-core)
 * against the real server: subtitle and examples from the ingested plans, the answer card, the
 * empty state of a question the plans do not answer, paging, keyboard use (the citation dialog
 * takes focus and gives it back, 展开全文 with aria-expanded, graph nodes expanded from the
 * list), the graph legend and zoom, the graph reachable on a phone, and axe-core on each state.
 */
import path from 'node:path';
import { aboutGraph } from '../../server/routes/about';
import { realPipeline } from '../server/helpers';
import { axeViolations, describeWithBrowser, pageOnRealApp, SHOTS } from './chromium';

const describeBrowser = describeWithBrowser();
type Probe = { __kg: { graphProbe(): { nodes: number; zoom: number } } };

describeBrowser('search page states, keyboard and axe in chromium', () => {
  const s = pageOnRealApp();

  const search = async (q: string) => {
    await s.page.goto(`${s.srv.url}/?q=${encodeURIComponent(q)}`);
    await s.page.waitForSelector('body[data-ready="true"]');
  };

  test('subtitle and example questions come from the ingested plans', async () => {
    await s.page.goto(s.srv.url);
    await s.page.waitForSelector('body[data-ready="true"]');
    const about = await aboutGraph((await realPipeline()).store);
    expect(await s.page.textContent('#subtitle')).toBe(about.subtitle);
    expect(about.subtitle).toMatch(/^\d+ 份方案/);
    const examples = await s.page.$$eval('#examples .example', (els) => els.map((e) => e.textContent));
    expect(examples).toEqual(about.examples);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(await s.page.getAttribute('#q', 'maxlength')).toBe(String(about.limits.queryMaxChars));
    // every example question gets results or an answer
    await s.page.click('#examples .example');
    await s.page.waitForSelector('#results .card, #answers .answer');
    expect(await axeViolations(s.page)).toEqual([]);
    // the check can fail: an image without alt text and a nameless button are reported
    await s.page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { id: 'bad-img', src: '/favicon.svg' }), Object.assign(document.createElement('button'), { id: 'bad-btn' })));
    const bad = await axeViolations(s.page);
    expect(bad.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await s.page.evaluate(() => { document.getElementById('bad-img')?.remove(); document.getElementById('bad-btn')?.remove(); });
  }, 60_000);

  test('a question the plans do not answer: 方案中没有相关内容 with the nearest topics, no cards', async () => {
    await search('红烧肉怎么做才好吃');
    await s.page.waitForSelector('.state.none');
    expect(await s.page.textContent('.state.none')).toContain('方案中没有相关内容');
    expect(await s.page.$$('#results .card')).toHaveLength(0);
    const topics = await s.page.$$('.state.none .nearest .example');
    expect(topics.length).toBeGreaterThan(0);
    // no empty graph canvas beside it: the empty state takes the width
    expect(await s.page.isVisible('#graph-col')).toBe(false);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-none.png') });
    expect(await axeViolations(s.page)).toEqual([]);
    // a nearest topic is a question the plans do answer
    await topics[0].click();
    await s.page.waitForSelector('#results .card');
    expect(await s.page.isVisible('#graph-col')).toBe(true);
  }, 60_000);

  test('a target question shows the targets as an answer card above the results', async () => {
    await search('2025年要达到什么目标');
    await s.page.waitForSelector('#answers .answer.targets');
    const rows = await s.page.$$eval('#answers .answer.targets tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r[2]).toBe('2025');
    expect(rows.some((r) => /\d/.test(r[1] ?? ''))).toBe(true);
    // the card sits above the ranked results
    const [card, list] = await s.page.$$eval('#answers, #results', (els) => els.map((e) => e.getBoundingClientRect().top));
    expect(card).toBeLessThan(list);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-targets.png') });
    expect(await axeViolations(s.page)).toEqual([]);
  }, 60_000);

  test('a question of what is due by a date shows those tasks on a card, with their due dates and sources', async () => {
    await search('2025年底前要完成哪些工作');
    await s.page.waitForSelector('#answers .answer.deadlines');
    expect(await s.page.textContent('#answers .answer.deadlines h2')).toMatch(/^2025年底前到期的任务（共 \d+ 项/);
    const rows = await s.page.$$eval('#answers .answer.deadlines tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[0]).toBe('2025年底');
    // the source opens in the source dialog, at the task's lines
    await s.page.click('#answers .answer.deadlines tbody tr button.link');
    await s.page.waitForSelector('#source-panel:not([hidden]) .lines li.cited');
    expect(await s.page.textContent('#source-panel .lines li.cited')).toContain('年底前');
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('#source-panel', { state: 'hidden' });
    await s.page.screenshot({ path: path.join(SHOTS, 'search-deadlines.png') });
    expect(await axeViolations(s.page)).toEqual([]);
  }, 60_000);

  test('a question for a region’s applications lists them on a card', async () => {
    await search('金华建设了哪些平台');
    await s.page.waitForSelector('#answers .answer.app-list li');
    expect(await s.page.textContent('#answers .answer.app-list h2')).toMatch(/^金华市：方案中的平台（共 \d+ 个/);
    const items = await s.page.$$eval('#answers .answer.app-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(items.length).toBeGreaterThan(1);
    for (const it of items) expect(it).toMatch(/平台 · .*金华市.* · \d+ 项任务$/);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-applications.png') });
    expect(await axeViolations(s.page)).toEqual([]);
  }, 60_000);

  test('a unit question and a document number get their answer cards; paging moves through the total', async () => {
    await search('绍兴市大数据局负责哪些任务');
    await s.page.waitForSelector('#answers .answer.unit');
    expect(await s.page.textContent('#answers .answer.unit h2')).toMatch(/^绍兴市大数据局：共 \d+ 项任务/); // 绍兴市 + 市大数据局, the 市 once
    // 嘉兴's plans print only 责任单位: the unit listed first leads, and the card counts and says so
    await search('嘉兴市政务数据办牵头哪些任务');
    await s.page.waitForSelector('#answers .answer.unit');
    const led = await s.page.textContent('#answers .answer.unit .roles .role-lead');
    expect(Number(/(\d+) 项/.exec(led ?? '')?.[1])).toBeGreaterThan(0);
    expect(await s.page.textContent('#answers .answer.unit .more')).toMatch(/未标明牵头单位，按列第一位计为牵头/);
    expect(await s.page.$$eval('#answers .answer.unit li .badge .role', (els) => [...new Set(els.map((e) => e.textContent))])).toEqual(['牵头']);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-unit-lead.png') });
    await search('嘉政发〔2022〕18号');
    await s.page.waitForSelector('#answers .answer.plan');
    expect(await s.page.textContent('#answers .answer.plan')).toContain('嘉兴市加快推进数字政府建设实施方案');
    await search('数据共享');
    await s.page.waitForSelector('#pager:not([hidden])');
    const first = await s.page.$$eval('#results .card', (els) => els.map((e) => (e as HTMLElement).dataset.id));
    await s.page.click('#next-page');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('offset') === '10');
    await s.page.waitForSelector('#results .card .rank');
    expect(await s.page.textContent('#results .card .rank')).toBe('11');
    const second = await s.page.$$eval('#results .card', (els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(await s.page.textContent('#summary .count')).toMatch(/共 \d+ 条相关任务 · 第 11–\d+ 条/);
  }, 60_000);

  test('an application question lists its plans and the units responsible; counting a city’s tasks shows its plans, not targets; the units with the most tasks; the list of plans', async () => {
    await search('城市大脑由哪些单位负责');
    await s.page.waitForSelector('#answers .answer.application');
    expect(await s.page.textContent('#answers .answer.application h2')).toMatch(/^城市大脑：共 \d+ 项任务，\d+ 份方案/);
    const units = await s.page.$$eval('#answers .answer.application .app-units li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(units.length).toBeGreaterThan(1);
    expect(units[0]).toMatch(/^[\u4e00-\u9fff]+市.+ · 牵头 \d+ 项/); // region-qualified, the unit that leads most first
    await s.page.screenshot({ path: path.join(SHOTS, 'search-application.png') });
    expect(await axeViolations(s.page)).toEqual([]);
    await search('嘉兴的方案有多少项任务');
    await s.page.waitForFunction(() => document.querySelectorAll('#answers .answer.plan').length === 2);
    expect(await s.page.$$('#answers .answer.targets')).toEqual([]);
    const plans = await s.page.$$eval('#answers .answer.plan', (els) => els.map((e) => e.textContent ?? ''));
    for (const p of plans) expect(p).toMatch(/任务\d+ 项/);
    expect(await axeViolations(s.page)).toEqual([]); // two plan cards: their headings' ids differ
    await search('嘉兴哪个部门牵头的任务最多');
    await s.page.waitForSelector('#answers .answer.ranking');
    expect(await s.page.textContent('#answers .answer.ranking h2')).toMatch(/^嘉兴市：牵头任务最多的单位/);
    const ranked = await s.page.$$eval('#answers .answer.ranking li', (lis) => lis.map((li) => li.textContent ?? ''));
    const leads = ranked.map((t) => Number(/牵头 (\d+) 项/.exec(t)?.[1]));
    expect(leads.length).toBeGreaterThan(2);
    expect(leads).toEqual([...leads].sort((x, y) => y - x));
    expect(ranked.every((t) => t.startsWith('嘉兴市'))).toBe(true);
    await s.page.screenshot({ path: path.join(SHOTS, 'search-units-ranking.png') });
    expect(await axeViolations(s.page)).toEqual([]);
    await search('有哪些方案');
    await s.page.waitForSelector('#answers .answer.plans tbody tr');
    expect(await s.page.textContent('#answers .answer.plans h2')).toMatch(/^共 5 份方案$/);
    expect(await s.page.$$eval('#answers .answer.plans tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent))).toContain('嘉兴市加快推进数字政府建设实施方案');
    await s.page.screenshot({ path: path.join(SHOTS, 'search-plans.png') });
    expect(await axeViolations(s.page)).toEqual([]);
  }, 60_000);

  test('keyboard: the citation dialog takes focus, keeps it, closes on Escape and gives it back; 展开全文 reports aria-expanded', async () => {
    await search('老人看病、居家养老有哪些智能化手段');
    await s.page.waitForSelector('#results .card .cite');
    await s.page.focus('#results .card .cite');
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector('#source-panel:not([hidden]) .lines li.cited');
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('source-close');
    expect(await s.page.getAttribute('#source-panel', 'role')).toBe('dialog');
    for (let i = 0; i < 4; i++) {
      await s.page.keyboard.press('Tab');
      expect(await s.page.evaluate(() => !!document.activeElement?.closest('#source-panel'))).toBe(true);
    }
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('#source-panel', { state: 'hidden' });
    expect(await s.page.evaluate(() => document.activeElement?.classList.contains('cite'))).toBe(true);

    const more = await s.page.$('#results .card .more');
    expect(more).not.toBeNull();
    expect(await more!.getAttribute('aria-expanded')).toBe('false');
    const before = (await s.page.textContent(`#${await more!.getAttribute('aria-controls')}`))!.length;
    await more!.focus();
    await s.page.keyboard.press('Enter');
    expect(await more!.getAttribute('aria-expanded')).toBe('true');
    expect((await s.page.textContent(`#${await more!.getAttribute('aria-controls')}`))!.length).toBeGreaterThan(before);
    await s.page.keyboard.press('Enter');
    expect(await more!.getAttribute('aria-expanded')).toBe('false');
  }, 60_000);

  test('graph: every label in the legend, nodes expanded from the list by keyboard, zoom keeps labels readable', async () => {
    await search('企业开办一件事');
    await s.page.waitForFunction(() => (window as unknown as Probe).__kg.graphProbe().nodes > 1);
    const legend = await s.page.$$eval('#legend li', (els) => els.map((e) => e.textContent));
    expect(legend).toEqual(['规划', '任务', '单位', '应用', '章节', '地区', '领域', '目标']);
    const before = await s.page.evaluate(() => (window as unknown as Probe).__kg.graphProbe().nodes);
    const listed = await s.page.$$('#graph-nodes button');
    expect(listed.length).toBe(before);
    const unit = await s.page.$('#graph-nodes li:has(.kind:text("单位")) button');
    await (unit ?? listed[1]).focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction((n) => (window as unknown as Probe).__kg.graphProbe().nodes > n, before);
    expect(await s.page.textContent('#graph-info')).toMatch(/新增 \d+ 个关联节点/);
    // after expanding, the graph is not shrunk below a readable zoom; the list has every node
    const after = await s.page.evaluate(() => (window as unknown as Probe).__kg.graphProbe());
    expect(after.zoom).toBeGreaterThanOrEqual(0.55);
    expect(await s.page.$$eval('#graph-nodes button', (b) => b.length)).toBe(after.nodes);
    await s.page.click('#zoom-in');
    expect(await s.page.evaluate(() => (window as unknown as Probe).__kg.graphProbe().zoom)).toBeGreaterThan(after.zoom);
    await s.page.screenshot({ path: path.join(SHOTS, 'graph-expanded.png') });
    expect(await axeViolations(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 60_000);

  test('phone: a link takes the reader from the results to the graph', async () => {
    const phone = await s.ctx.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${s.srv.url}/?q=${encodeURIComponent('企业开办一件事')}`);
    await phone.waitForSelector('#results .card');
    await phone.click('#summary .to-graph');
    await phone.waitForFunction(() => {
      const r = document.getElementById('graph-col')!.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    await phone.screenshot({ path: path.join(SHOTS, 'search-phone-graph.png') });
    await phone.close();
  }, 30_000);

  test('phone: the target card fits the screen, each target one block with its value, plan and source link', async () => {
    const phone = await s.ctx.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${s.srv.url}/?q=${encodeURIComponent('2025年要达到什么目标')}`);
    await phone.waitForSelector('.answer.targets tbody tr');
    const layout = await phone.evaluate(() => {
      const card = document.querySelector('.answer.targets') as HTMLElement;
      const row = card.querySelector('tbody tr') as HTMLElement;
      const [metric, value, , plan, source] = [...row.children].map((c) => (c as HTMLElement).getBoundingClientRect());
      return { overflow: card.scrollWidth - card.clientWidth, cardRight: card.getBoundingClientRect().right, width: window.innerWidth, metric, value, plan, source, header: getComputedStyle(card.querySelector('thead')!).display };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.cardRight).toBeLessThanOrEqual(layout.width);
    expect(layout.header).toBe('none');
    expect(layout.value.top).toBe(layout.metric.top); // metric and value on one line
    expect(layout.plan.top).toBeGreaterThanOrEqual(layout.metric.bottom - 1); // the plan below, full width
    expect(layout.source.top).toBeGreaterThanOrEqual(layout.plan.bottom - 1);
    expect(await phone.locator('.answer.targets tbody tr').first().locator('button.link').textContent()).toMatch(/^第 \d+–\d+ 行$/);
    await phone.screenshot({ path: path.join(SHOTS, 'search-phone-targets.png') });
    await phone.close();
  }, 30_000);
});

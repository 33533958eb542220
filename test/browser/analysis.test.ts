/**
 * The cross-plan analysis page in a real browser (Debian chromium via playwright-core) against
 * the real server on the seeds: the domain chart per plan, a plan-by-plan comparison, a unit's
 * workload, targets by year and the shared applications table; screenshot for the README.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithBrowser, pageOnRealApp, SHOTS } from './chromium';

const describeBrowser = describeWithBrowser();

interface ChartProbe {
  labels: string[];
  datasets: { label: string; data: number[] }[];
}

/** What chart.js drew on a canvas: its labels and data (null when no chart is there). */
function chartOf(page: Page, canvasId: string): Promise<ChartProbe | null> {
  return page.evaluate((id) => {
    const w = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[]; datasets: { label: string; data: number[] }[] } } | undefined } };
    const chart = w.Chart.getChart(document.getElementById(id) as HTMLCanvasElement);
    return chart ? { labels: chart.data.labels.map(String), datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data.map(Number) })) } : null;
  }, canvasId);
}

describeBrowser('analysis page in chromium', () => {
  const s = pageOnRealApp({ width: 1360, height: 1400 });

  test('charts, comparison, workload, targets and shared applications on the seeds', async () => {
    await s.page.goto(`${s.srv.url}/analysis.html`);
    await s.page.waitForFunction(() => !!(window as unknown as { Chart?: { getChart(c: unknown): unknown } }).Chart?.getChart(document.getElementById('chart-domains')));

    // one stacked bar per seed plan, one dataset per government function, every task counted once
    const domains = (await chartOf(s.page, 'chart-domains'))!;
    expect(domains.labels).toHaveLength(5);
    expect(new Set(domains.labels).size).toBe(5); // the two Jiaxing plans are told apart
    expect(domains.labels).toEqual(expect.arrayContaining(['嘉兴市', '嘉兴市(2020)', '绍兴市', '金华市', '浙江省']));
    expect(domains.datasets.map((d) => d.label)).toEqual(['经济调节', '市场监管', '社会治理', '公共服务', '生态环境保护', '政府运行', '数据与平台支撑', '组织保障']);
    const totals = domains.labels.map((_, i) => domains.datasets.reduce((sum, d) => sum + d.data[i], 0));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(150); // all tasks and measures of the five plans

    // plan-by-plan comparison of a domain: a column per plan, linked tasks
    await s.page.selectOption('#compare-domain', '市场监管');
    await s.page.fill('#compare-topic', '');
    await s.page.click('#compare-form button[type=submit]');
    await s.page.waitForFunction(() => document.querySelectorAll('#compare-result li').length > 0);
    const columns = await s.page.$$eval('#compare-result > *', (els) => els.map((e) => e.textContent ?? ''));
    expect(columns.length).toBeGreaterThanOrEqual(4);
    expect(columns.filter((c) => /方案/.test(c)).length).toBeGreaterThanOrEqual(4);

    // a unit's workload across plans: led vs shared bars
    await s.page.fill('#unit-name', '市公安局');
    await s.page.click('#unit-form button[type=submit]');
    await s.page.waitForFunction(() => /市公安局/.test(document.getElementById('unit-state')?.textContent ?? '') || /公安局/.test(JSON.stringify((window as unknown as { Chart: { getChart(c: unknown): { data: { labels: unknown } } | undefined } }).Chart.getChart(document.getElementById('chart-units'))?.data.labels ?? [])));
    const units = (await chartOf(s.page, 'chart-units'))!;
    expect(units.labels.length).toBeGreaterThanOrEqual(2);
    expect(units.labels.every((l) => l.includes('公安局'))).toBe(true);
    expect(units.datasets).toHaveLength(2);

    // an unknown unit: the API's typed 404 message reaches the page (the 404 itself is expected)
    await s.page.fill('#unit-name', '不存在的单位甲乙');
    await s.page.click('#unit-form button[type=submit]');
    await s.page.waitForSelector('#unit-state.error');
    expect(await s.page.textContent('#unit-state')).toContain('未找到单位 / no unit named: 不存在的单位甲乙');
    const expected404 = s.errors.filter((e) => /404 .*\/api\/analysis\/units\/workload/.test(e) || /status of 404/.test(e));
    expect(expected404.length).toBeGreaterThan(0);
    for (const e of expected404) s.errors.splice(s.errors.indexOf(e), 1); // in place: the page keeps recording into this array

    // targets by year, and the shared applications table
    const targets = (await chartOf(s.page, 'chart-targets'))!;
    expect(targets.labels).toContain('2025');
    expect(await s.page.textContent('#targets-list')).toMatch(/一网通办率/);
    await s.page.waitForSelector('#apps-body tr');
    expect(await s.page.textContent('#apps-body')).toMatch(/浙里办/);

    await s.page.screenshot({ path: path.join(SHOTS, 'analysis.png') });
    expect(s.errors).toEqual([]);
  }, 60_000);
});

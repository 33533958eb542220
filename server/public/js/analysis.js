// The cross-plan analysis page: fetches /api/analysis/* and draws Chart.js charts (served locally).
import { getJson } from './api.js';
import { $, clear, h } from './dom.js';

const COLORS = ['#1f4e79', '#c0392b', '#27ae60', '#e67e22', '#8e44ad', '#16a085', '#2e86de', '#7f8c8d'];
const charts = {};

function setState(id, text, kind) {
  const s = $(id);
  s.textContent = text || '';
  s.className = `state${kind ? ` ${kind}` : ''}`;
}

function draw(id, config) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new window.Chart($(id), config);
  return charts[id];
}

// "嘉兴市", "嘉兴市(2020)" for a plan whose title starts with its year; the region comes from
// the plan or, when a view leaves it out, from the title
export function shortTitle(plan) {
  const year = /^(\d{4})年/.exec(plan.title);
  const rest = plan.title.replace(/^\d{4}年/, '');
  const m = /^([\u4e00-\u9fa5]{2,3}?[省市])/.exec(rest);
  const region = plan.region || (m ? m[1] : '');
  return region ? region + (year ? `(${year[1]})` : '') : plan.title;
}

async function loadDomains() {
  const data = await getJson('/api/analysis/domains');
  const select = $('compare-domain');
  for (const d of data.domains) select.append(h('option', { value: d }, d));
  draw('chart-domains', {
    type: 'bar',
    data: {
      labels: data.plans.map(shortTitle),
      datasets: data.domains.map((d, i) => ({ label: d, data: data.plans.map((p) => p.counts[d]), backgroundColor: COLORS[i % COLORS.length] })),
    },
    options: {
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: '任务数' } } },
      onClick: (_e, items) => {
        if (!items.length) return;
        select.value = data.domains[items[0].datasetIndex];
        $('compare-topic').value = '';
        compare();
      },
    },
  });
}

async function compare() {
  const domain = $('compare-domain').value;
  const topic = $('compare-topic').value.trim();
  const out = clear($('compare-result'));
  if (!domain && !topic) return setState('compare-state', '请选择职能领域或输入主题词。', 'idle');
  setState('compare-state', '加载中…', 'loading');
  try {
    const data = await getJson('/api/analysis/compare', { domain, topic });
    const total = data.plans.reduce((s, p) => s + p.count, 0);
    setState('compare-state', total ? `共 ${total} 项任务；${data.links.length} 条跨方案对应关系。` : '没有匹配的任务。', total ? '' : 'empty');
    for (const p of data.plans) {
      const list = h('ol', {}, p.tasks.map((t) => {
        const lead = t.units.filter((u) => u.role !== 'co').slice(0, 2).map((u) => u.name).join('、');
        return h('li', {}, h('a', { href: `/?q=${encodeURIComponent(t.title)}` }, `${t.path} ${t.title}`), lead ? h('span', { class: 'an-badge' }, lead) : null);
      }));
      out.append(h('div', { class: 'an-plan' }, h('h3', {}, `${p.title}（${p.count}）`), p.count ? list : h('p', { class: 'an-empty' }, '无')));
    }
  } catch (e) {
    setState('compare-state', `出错：${e.message}`, 'error');
  }
}

async function workload() {
  const name = $('unit-name').value.trim();
  if (!name) return;
  setState('unit-state', '加载中…', 'loading');
  try {
    const data = await getJson('/api/analysis/units/workload', { name });
    setState('unit-state', `${data.units.length} 个同类单位（按单位类型“${data.unitType}”跨地区匹配）。`, '');
    draw('chart-units', {
      type: 'bar',
      data: {
        labels: data.units.map((u) => `${u.unit.name}·${u.unit.region || ''}`),
        datasets: [
          { label: '牵头/独立负责', data: data.units.map((u) => u.led), backgroundColor: '#c0392b' },
          { label: '参与/共同负责', data: data.units.map((u) => u.shared), backgroundColor: '#2e86de' },
        ],
      },
      options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: { stacked: true, title: { display: true, text: '任务数' } }, y: { stacked: true } } },
    });
  } catch (e) {
    setState('unit-state', `出错：${e.message}`, 'error');
  }
}

async function loadTargets() {
  const data = await getJson('/api/analysis/targets/by-year');
  draw('chart-targets', {
    type: 'bar',
    data: {
      labels: data.years.map((y) => (y.year === null ? '未注明' : String(y.year))),
      datasets: [{ label: '量化目标数', data: data.years.map((y) => y.count), backgroundColor: '#1f4e79' }],
    },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } } },
  });
  const list = $('targets-list');
  for (const y of data.years) {
    list.append(
      h('h4', {}, `${y.year === null ? '未注明年份' : `${y.year} 年`}（${y.count}）`),
      h('ul', {}, y.targets.map((t) => h('li', {}, `${t.metric} ${t.comparator} ${t.value}${t.unit}（${shortTitle(t.plan)}${t.ownerKind === 'plan' ? ' 主要目标' : ' 任务'}）`))),
    );
  }
}

async function loadApps() {
  const data = await getJson('/api/analysis/applications/shared');
  const body = $('apps-body');
  setState('apps-state', data.total ? '' : '没有多个方案共同提到的应用。', data.total ? '' : 'empty');
  for (const a of data.items) {
    const where = a.plans.map((p) => shortTitle(p) + (p.tasks.length ? `（${p.tasks.map((t) => t.split('/').pop()).join('，')}）` : '（附件清单）')).join('；');
    body.append(h('tr', {}, h('td', {}, a.name), h('td', {}, String(a.planCount)), h('td', {}, where)));
  }
}

function start() {
  $('compare-form').addEventListener('submit', (e) => { e.preventDefault(); compare(); });
  $('unit-form').addEventListener('submit', (e) => { e.preventDefault(); workload(); });
  loadDomains()
    .then(() => { $('compare-topic').value = '网络安全'; return compare(); })
    .catch((e) => setState('compare-state', `出错：${e.message}`, 'error'));
  workload();
  loadTargets().catch(() => {});
  loadApps().catch((e) => setState('apps-state', `出错：${e.message}`, 'error'));
}

// a module runs after parsing; chart.js (deferred classic script) has run by then too
start();

// The search page: wires the box, examples, facets, results, graph and source panel together.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { filters, initFacets, loadFacetOptions, restoreFilters, setFilter } from './facets.js';
import { clearGraph, graphProbe, renderLegend, showGraph } from './graph.js';
import { nodeName, resultCard } from './results.js';
import { initSource, openSource } from './source.js';

const EXAMPLES = [
  '老人看病、居家养老有哪些智能化手段',
  '市大数据局牵头负责哪些任务',
  '用虚拟仿真模型管河道水库、防洪水',
  '企业开办一件事怎么办',
  '2022年公共数据平台建设目标',
];

let plansById = new Map();
let seq = 0; // only the latest search may render

function setState(kind, text) {
  const el = clear($('state'));
  el.className = `state ${kind || ''}`;
  if (text) el.append(kind === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '', text);
}

function currentParams() {
  const q = $('q').value.trim();
  return { q, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) };
}

function writeUrl(params, push) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  const url = qs ? `?${qs}` : location.pathname;
  if (url !== location.search) (push ? history.pushState : history.replaceState).call(history, null, '', url);
}

function renderSummary(res) {
  const el = clear($('summary'));
  const ents = (res.interpretation.entities || []).map((e) => h('span', { class: 'chip entity' }, e.text));
  el.append(h('span', {}, `找到 ${res.results.length} 条 · ${Math.round(res.took_ms)} ms`), ...(ents.length ? [h('span', { class: 'label' }, ' 识别：'), ...ents] : []));
  const bannerShown = !$('model-banner').hidden; // the banner already says the model is off
  for (const note of res.interpretation.notes || []) {
    if (!(bannerShown && /neural|神经/.test(note))) el.append(h('div', { class: 'note' }, note));
  }
}

async function runSearch({ push = true } = {}) {
  const params = currentParams();
  writeUrl(params, push);
  if (!params.q) {
    clear($('results'));
    clear($('summary'));
    setState('idle', '输入问题开始检索，或点选上方示例问题。');
    return;
  }
  const my = ++seq;
  setState('loading', '检索中…');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const res = await api.search({ ...params, k: 10 });
    if (my !== seq) return;
    const list = clear($('results'));
    renderSummary(res);
    if (!res.results.length) {
      setState('empty', '没有找到相关任务。可以换个说法，或去掉筛选条件再试。');
      clearGraph('无结果');
      return;
    }
    setState('', '');
    const on = {
      cite: (n) => openSource(n.properties.sourceFile, n.properties.lineStart, n.properties.lineEnd, n.properties.title),
      graph: (r) => showGraph(r.neighbourhood, r.node.id),
      unit: (u) => setFilter('unit', u.id, nodeName(u)),
      application: (a) => setFilter('application', a.id, nodeName(a)),
    };
    res.results.forEach((r, i) => list.append(resultCard(r, i + 1, plansById, on)));
    showGraph(res.results[0].neighbourhood, res.results[0].node.id);
  } catch (e) {
    if (my !== seq) return;
    clear($('results'));
    clear($('summary'));
    setState('error', `检索出错：${e.message}${e.code ? `（${e.code}）` : ''}`);
  } finally {
    if (my === seq) $('results').removeAttribute('aria-busy');
  }
}

async function showHealth() {
  try {
    const health = await api.health();
    if (health.note) {
      const banner = $('model-banner');
      clear(banner).append(health.note);
      banner.hidden = false;
    }
  } catch (e) {
    setState('error', `服务状态未知：${e.message}`);
  }
}

function initBox() {
  const input = $('q');
  let composing = false;
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => (composing = false));
  // IME-safe: Enter that confirms a Chinese candidate must not submit the search
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229 || composing)) e.preventDefault();
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runSearch();
  });
  const ex = $('examples');
  ex.append(h('span', { class: 'label' }, '示例：'));
  for (const q of EXAMPLES) {
    ex.append(h('button', { type: 'button', class: 'example', onclick: () => { input.value = q; runSearch(); } }, q));
  }
}

async function start() {
  initBox();
  initSource();
  renderLegend();
  initFacets(() => runSearch());
  window.__kg = { graphProbe };
  const params = new URLSearchParams(location.search);
  $('q').value = params.get('q') || '';
  restoreFilters(params);
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    $('q').value = p.get('q') || '';
    restoreFilters(p);
    runSearch({ push: false });
  });
  await Promise.all([
    showHealth(),
    loadFacetOptions().then((m) => (plansById = m)).catch((e) => setState('error', `筛选项加载失败：${e.message}`)),
  ]);
  restoreFilters(params);
  await runSearch({ push: false });
  document.body.dataset.ready = 'true';
}

start();

// The search page: wires the box, examples, facets, answers, results, paging, graph and source panel together.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { answerCards } from './answers.js';
import { filters, initFacets, loadFacetOptions, restoreFilters, setFilter } from './facets.js';
import { clearGraph, graphProbe, initGraphTools, renderLegend, showGraph } from './graph.js';
import { nodeName, resultCard } from './results.js';
import { initSource, openSource } from './source.js';

const PAGE = 10;
let plansById = new Map();
let seq = 0; // only the latest search may render
let offset = 0;

function setState(kind, text, ...extra) {
  const el = clear($('state'));
  el.className = `state ${kind || ''}`;
  if (text) el.append(kind === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '', text, ...extra);
}

function currentParams() {
  const q = $('q').value.trim();
  return { q, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) };
}

function writeUrl(params, push) {
  const qs = new URLSearchParams(Object.entries({ ...params, offset: offset || '' }).filter(([, v]) => v)).toString();
  const url = qs ? `?${qs}` : location.pathname;
  if (url !== location.search) (push ? history.pushState : history.replaceState).call(history, null, '', url);
}

function renderSummary(res) {
  const el = clear($('summary'));
  // a region typed in pinyin shows what it was read as (hangzhou → 杭州市)
  const entityText = (e) => (e.type === 'region' && e.id && /^[a-z]/.test(e.text) ? `${e.text} → ${e.id}` : e.text);
  const ents = (res.interpretation.entities || []).map((e) => h('span', { class: 'chip entity' }, entityText(e)));
  const range = res.results.length ? ` · 第 ${res.offset + 1}–${res.offset + res.results.length} 条` : '';
  const strength = res.match === 'strong' ? '' : res.match === 'weak' ? ' · 匹配较弱' : '';
  el.append(h('span', { class: 'count' }, `共 ${res.total} 条相关任务${range}${strength} · ${Math.round(res.took_ms)} ms`));
  if (ents.length) el.append(h('span', { class: 'label' }, ' 识别：'), ...ents);
  if (res.results.length) el.append(h('a', { class: 'to-graph', href: '#graph-col' }, '查看关系图谱'));
  const bannerShown = !$('model-banner').hidden; // the banner already says the model is off
  for (const note of res.interpretation.notes || []) {
    if (!(bannerShown && /neural|神经/.test(note)) && !/方案中没有相关内容/.test(note)) el.append(h('div', { class: 'note' }, note));
  }
}

function renderPager(res) {
  const pager = $('pager');
  pager.hidden = res.total <= res.k && res.offset === 0;
  $('prev-page').disabled = res.offset === 0;
  $('next-page').disabled = res.offset + res.results.length >= res.total;
  clear($('page-info')).append(`${res.offset + 1}–${res.offset + res.results.length} / ${res.total}`);
}

/** The empty state of a question the plans do not answer, with the nearest topics to ask instead. */
function renderNone(res) {
  showGraphColumn(false);
  const topics = (res.nearest || []).map((t) => h('button', { type: 'button', class: 'example', onclick: () => ask(t.text) }, t.text));
  setState('empty none', '方案中没有相关内容。', topics.length ? h('div', { class: 'nearest' }, h('span', { class: 'label' }, '方案里相近的主题：'), ...topics) : '');
  clearGraph('无结果');
}

/** The graph column only beside results: an answer without any gets the whole width, not an empty canvas. */
function showGraphColumn(on) {
  document.querySelector('main.layout')?.classList.toggle('no-graph', !on);
}

function ask(q) {
  $('q').value = q;
  offset = 0;
  runSearch();
}

async function runSearch({ push = true } = {}) {
  const params = currentParams();
  writeUrl(params, push);
  if (!params.q) {
    clear($('results'));
    clear($('summary'));
    clear($('answers'));
    $('pager').hidden = true;
    setState('idle', '输入问题开始检索，或点选上方示例问题。');
    return;
  }
  const my = ++seq;
  setState('loading', '检索中…');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const res = await api.search({ ...params, k: PAGE, offset });
    if (my !== seq) return;
    const list = clear($('results'));
    renderSummary(res);
    const cite = (n, from = n.properties.lineStart, to = n.properties.lineEnd) => openSource(n.properties.sourceFile, from, to, plansById.get(String(n.properties.planId)), n.properties.title);
    clear($('answers')).append(...answerCards(res.answers || [], plansById, { source: (file, from, to, plan) => openSource(file, from, to, plan) }));
    renderPager(res);
    if (res.match === 'none') return renderNone(res);
    if (!res.results.length) {
      showGraphColumn(false);
      setState('empty', '没有找到相关任务。可以换个说法，或去掉筛选条件再试。');
      clearGraph('无结果');
      return;
    }
    setState('', '');
    showGraphColumn(true);
    const on = {
      cite,
      graph: (r) => showGraph(r.neighbourhood, r.node.id),
      unit: (u) => setFilter('unit', u.id, nodeName(u)),
      application: (a) => setFilter('application', a.id, nodeName(a)),
    };
    res.results.forEach((r, i) => list.append(resultCard(r, res.offset + i + 1, plansById, on)));
    showGraph(res.results[0].neighbourhood, res.results[0].node.id);
  } catch (e) {
    if (my !== seq) return;
    clear($('results'));
    clear($('summary'));
    clear($('answers'));
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

/** Subtitle, example questions and the question length limit, all from the ingested plans (/api/about). */
async function showAbout() {
  const about = await api.about();
  clear($('subtitle')).append(about.subtitle);
  $('q').maxLength = about.limits.queryMaxChars;
  if (about.examples.length) $('q').placeholder = `用中文提问，例如：${about.examples[0]}`;
  const ex = clear($('examples'));
  ex.append(h('span', { class: 'label' }, '示例：'));
  for (const q of about.examples) ex.append(h('button', { type: 'button', class: 'example', onclick: () => ask(q) }, q));
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
    offset = 0;
    runSearch();
  });
  $('prev-page').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); runSearch(); });
  $('next-page').addEventListener('click', () => { offset += PAGE; runSearch(); });
}

async function start() {
  initBox();
  initSource();
  initGraphTools();
  renderLegend();
  initFacets(() => { offset = 0; runSearch(); });
  window.__kg = { graphProbe };
  const params = new URLSearchParams(location.search);
  $('q').value = params.get('q') || '';
  offset = Number(params.get('offset')) || 0;
  restoreFilters(params);
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    $('q').value = p.get('q') || '';
    offset = Number(p.get('offset')) || 0;
    restoreFilters(p);
    runSearch({ push: false });
  });
  await Promise.all([
    showHealth(),
    showAbout().catch((e) => setState('error', `页面信息加载失败：${e.message}`)),
    loadFacetOptions().then((m) => (plansById = m)).catch((e) => setState('error', `筛选项加载失败：${e.message}`)),
  ]);
  restoreFilters(params);
  await runSearch({ push: false });
  document.body.dataset.ready = 'true';
}

start();

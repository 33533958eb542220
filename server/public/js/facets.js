// Facet filters (plan, year, unit, application): options from the API, state mirrored in the URL.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { nodeName } from './results.js';

export const filters = { plan: '', year: '', unit: '', application: '' };
const names = new Map(); // id → display name of the current filter values
let onChange = () => {};

function setOptions(select, items) {
  for (const [value, text] of items) select.append(h('option', { value }, text));
}

/** Fills the plan and year selects; returns Map planId → plan node (for the cards). */
export async function loadFacetOptions() {
  const [plans, stats] = await Promise.all([api.plans(), api.stats()]);
  const byId = new Map(plans.plans.map((p) => [p.node.id, p.node]));
  setOptions($('f-plan'), plans.plans.filter((p) => p.tasks > 0).map((p) => [p.node.id, `${nodeName(p.node)}（${p.tasks}）`]));
  setOptions($('f-year'), stats.years.map((y) => [String(y), `${y} 年`]));
  for (const p of plans.plans) names.set(p.node.id, nodeName(p.node));
  return byId;
}

/** A text input with a datalist fed by /api/units or /api/applications; choosing a name sets the id. */
function autocomplete(inputId, listId, kind, fetcher) {
  const input = $(inputId);
  let found = new Map();
  input.addEventListener('input', async () => {
    const q = input.value.trim();
    if (!q) return;
    try {
      const { items } = await fetcher(q);
      found = new Map(items.map((n) => [nodeName(n), n]));
      const list = clear($(listId));
      for (const name of found.keys()) list.append(h('option', { value: name }));
    } catch {
      /* suggestions are optional */
    }
  });
  input.addEventListener('change', () => {
    const node = found.get(input.value.trim());
    if (node) setFilter(kind, node.id, nodeName(node));
  });
}

export function setFilter(kind, value, name) {
  filters[kind] = value ? String(value) : '';
  if (value && name) names.set(String(value), name);
  syncInputs();
  onChange();
}

function syncInputs() {
  $('f-plan').value = filters.plan;
  $('f-year').value = filters.year;
  $('f-unit').value = filters.unit ? names.get(filters.unit) || filters.unit : '';
  $('f-application').value = filters.application ? names.get(filters.application) || filters.application : '';
  const chips = clear($('active-filters'));
  for (const [kind, label] of [['plan', '规划'], ['year', '年份'], ['unit', '单位'], ['application', '应用']]) {
    const v = filters[kind];
    if (!v) continue;
    chips.append(h('span', { class: 'chip', dataset: { kind } }, `${label}：${names.get(v) || v}`,
      h('button', { type: 'button', 'aria-label': `取消${label}筛选`, onclick: () => setFilter(kind, '') }, '×')));
  }
}

/** Restores filters from URL params (names are looked up lazily from the ids). */
export function restoreFilters(params) {
  for (const k of Object.keys(filters)) filters[k] = params.get(k) || '';
  syncInputs();
}

export function initFacets(changed) {
  onChange = changed;
  $('f-plan').addEventListener('change', (e) => setFilter('plan', e.target.value));
  $('f-year').addEventListener('change', (e) => setFilter('year', e.target.value));
  autocomplete('f-unit', 'unit-options', 'unit', api.units);
  autocomplete('f-application', 'application-options', 'application', api.applications);
}

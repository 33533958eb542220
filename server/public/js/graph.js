// The neighbourhood graph (cytoscape.js, served locally): show a GraphData, click a node (or its
// entry in the node list, by keyboard) to expand it; zoom buttons; a legend of every label.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { nodeName, ROLE_TEXT } from './results.js';

export const COLORS = { Plan: '#1f4e79', Task: '#2e86de', Unit: '#d35400', Application: '#1e8449', Section: '#7f8c8d', Region: '#8e44ad', Domain: '#117a65', Target: '#c0392b' };
const LABEL_TEXT = { Plan: '规划', Task: '任务', Unit: '单位', Application: '应用', Section: '章节', Region: '地区', Domain: '领域', Target: '目标' };
const REL_TEXT = { PART_OF: '属于', IMPLEMENTS: '落实', LISTS: '列出', SIMILAR_TO: '相似', IN_REGION: '地区', IN_DOMAIN: '领域', HAS_TARGET: '目标' };

let cy = null;
const expanded = new Set();

function short(s, n = 12) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function caption(node) {
  const p = node.properties || {};
  if (node.labels.includes('Task')) return short(`${p.path ? p.path + ' ' : ''}${p.title || ''}`);
  if (node.labels.includes('Target')) return short(String(p.metric || p.text || node.id));
  return short(nodeName(node));
}

function elements(data) {
  const els = [];
  for (const n of data.nodes) {
    const label = n.labels[0] || 'Node';
    els.push({ group: 'nodes', data: { id: n.id, caption: caption(n), color: COLORS[label] || '#95a5a6', kind: label, full: nodeName(n) } });
  }
  const present = new Set(data.nodes.map((n) => n.id));
  for (const r of data.relationships) {
    if (!present.has(r.start) || !present.has(r.end)) continue;
    const text = r.type === 'RESPONSIBLE_FOR' ? ROLE_TEXT[r.properties.role] || '负责' : REL_TEXT[r.type] || r.type;
    els.push({ group: 'edges', data: { id: `${r.start}|${r.type}|${r.end}`, source: r.start, target: r.end, caption: text } });
  }
  return els;
}

function info(text) {
  clear($('graph-info')).append(text);
}

function style() {
  return [
    // labels stay a readable size on screen whatever the zoom (hidden only when tiny)
    { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(caption)', 'font-size': 12, 'min-zoomed-font-size': 7, color: '#1b2631', 'text-valign': 'bottom', 'text-margin-y': 3, width: 18, height: 18, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1, 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
    { selector: 'node.focus', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#f1c40f', 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#34495e' } },
    { selector: 'edge', style: { width: 1.2, 'line-color': '#b2bec3', 'target-arrow-color': '#b2bec3', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(caption)', 'font-size': 9, 'min-zoomed-font-size': 8, color: '#4d5656', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.7 } },
    // many nodes: edge labels would cover the node labels (the list and the legend still say it all)
    { selector: 'edge.quiet', style: { label: '' } },
  ];
}

function relayout() {
  const n = cy.nodes().length;
  // the canvas grows with the graph (up to a screen), so expanded graphs keep readable labels
  const box = $('graph');
  const height = Math.round(Math.min(760, Math.max(box.dataset.base ? Number(box.dataset.base) : box.clientHeight, 260 + n * 12)));
  box.dataset.base ??= String(box.clientHeight);
  if (Math.abs(box.clientHeight - height) > 4) {
    box.style.height = `${height}px`;
    cy.resize();
  }
  cy.edges().toggleClass('quiet', n > 20);
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 16, randomize: false, idealEdgeLength: () => 80 + Math.min(80, n * 2), nodeRepulsion: () => 12000 + n * 400, componentSpacing: 80 }).run();
  cy.fit(undefined, 16);
  // never zoom out so far that labels vanish: the list below the graph holds every node anyway
  if (cy.zoom() < 0.55) cy.zoom({ level: 0.55, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** The node list: every graph node as a button (keyboard and screen-reader access to expanding). */
function renderList() {
  const ul = clear($('graph-nodes'));
  const nodes = cy.nodes().toArray().sort((a, b) => (a.data('kind') === b.data('kind') ? 0 : a.data('kind') < b.data('kind') ? -1 : 1));
  for (const n of nodes) {
    const done = expanded.has(n.id());
    ul.append(h('li', {},
      h('span', { class: 'dot', dataset: { kind: n.data('kind') }, 'aria-hidden': 'true' }),
      h('span', { class: 'kind' }, LABEL_TEXT[n.data('kind')] || n.data('kind')),
      h('button', { type: 'button', class: 'link', 'aria-pressed': done ? 'true' : 'false', title: done ? '已展开' : '展开关联', onclick: () => (done ? focusNode(n.id()) : expand(n.id())) }, n.data('full'))));
  }
}

function focusNode(id) {
  const node = cy.getElementById(id);
  cy.animate({ center: { eles: node }, duration: 0 });
  info(`${LABEL_TEXT[node.data('kind')] || ''}「${node.data('full')}」已展开`);
}

async function expand(id) {
  const node = cy.getElementById(id);
  info(`正在展开：${node.data('full')} …`);
  try {
    const data = await api.neighbourhood(id, 1);
    const fresh = elements(data).filter((e) => cy.getElementById(e.data.id).empty());
    cy.add(fresh);
    expanded.add(id);
    node.addClass('expanded');
    relayout();
    renderList();
    info(`${LABEL_TEXT[node.data('kind')] || ''}「${node.data('full')}」：新增 ${fresh.filter((e) => e.group === 'nodes').length} 个关联节点`);
  } catch (e) {
    info(`展开失败：${e.message}`);
  }
}

/** Replaces the graph with `data`, the `focusId` node highlighted. */
export function showGraph(data, focusId) {
  if (!window.cytoscape) return info('图谱组件未加载');
  expanded.clear();
  if (!cy) {
    cy = window.cytoscape({ container: $('graph'), style: style(), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    cy.on('tap', 'node', (evt) => {
      const id = evt.target.id();
      if (!expanded.has(id)) expand(id);
      else info(`${LABEL_TEXT[evt.target.data('kind')] || ''}「${evt.target.data('full')}」已展开`);
    });
  }
  cy.elements().remove();
  cy.add(elements(data));
  if (focusId) cy.getElementById(focusId).addClass('focus');
  relayout();
  renderList();
  info(`${data.nodes.length} 个节点，${data.relationships.length} 条关系`);
}

export function clearGraph(message) {
  if (cy) cy.elements().remove();
  clear($('graph-nodes'));
  info(message || '');
}

export function initGraphTools() {
  const zoomBy = (f) => cy && cy.zoom({ level: Math.min(3, Math.max(0.2, cy.zoom() * f)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  $('zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('zoom-fit').addEventListener('click', () => cy && cy.fit(undefined, 16));
}

/** Test hook: how many nodes the graph holds, a node's position for clicking, the zoom. */
export function graphProbe() {
  if (!cy) return { nodes: 0 };
  return { nodes: cy.nodes().length, ids: cy.nodes().map((n) => n.id()), zoom: cy.zoom(), pos: (id) => cy.getElementById(id).renderedPosition() };
}

/** Every label the graph can show, with its colour. */
export function renderLegend() {
  const el = clear($('legend'));
  for (const [k, text] of Object.entries(LABEL_TEXT)) el.append(h('li', {}, h('span', { class: 'dot', dataset: { kind: k }, 'aria-hidden': 'true' }), text));
}

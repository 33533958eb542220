// The neighbourhood graph (cytoscape.js, served locally): show a GraphData, click a node to expand it.
import { api } from './api.js';
import { $, clear, h } from './dom.js';
import { nodeName, ROLE_TEXT } from './results.js';

export const COLORS = { Plan: '#1f4e79', Task: '#2e86de', Unit: '#e67e22', Application: '#27ae60', Section: '#7f8c8d', Region: '#8e44ad', Domain: '#16a085', Target: '#c0392b' };
const LABEL_TEXT = { Plan: '规划', Task: '任务', Unit: '单位', Application: '应用', Section: '章节', Region: '地区', Domain: '领域', Target: '目标' };
const REL_TEXT = { PART_OF: '属于', IMPLEMENTS: '落实', LISTS: '列出', SIMILAR_TO: '相似', IN_REGION: '地区', IN_DOMAIN: '领域', HAS_TARGET: '目标' };

let cy = null;
const expanded = new Set();

function short(s, n = 14) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function caption(node) {
  const p = node.properties || {};
  if (node.labels.includes('Task')) return short(`${p.path ? p.path + ' ' : ''}${p.title || ''}`);
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
    { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(caption)', 'font-size': 11, color: '#1b2631', 'text-valign': 'bottom', 'text-margin-y': 3, width: 20, height: 20, 'text-background-color': '#fbfcfd', 'text-background-opacity': 0.8, 'text-wrap': 'wrap', 'text-max-width': 110 } },
    { selector: 'node.focus', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#f1c40f', 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#34495e' } },
    { selector: 'edge', style: { width: 1.2, 'line-color': '#b2bec3', 'target-arrow-color': '#b2bec3', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(caption)', 'font-size': 8, color: '#636e72', 'text-rotation': 'autorotate' } },
  ];
}

function relayout() {
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 12, randomize: false, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, componentSpacing: 60 }).run();
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
  info(`${data.nodes.length} 个节点，${data.relationships.length} 条关系`);
}

export function clearGraph(message) {
  if (cy) cy.elements().remove();
  info(message || '');
}

/** Test hook: how many nodes the graph holds, and a node's position for clicking. */
export function graphProbe() {
  if (!cy) return { nodes: 0 };
  return { nodes: cy.nodes().length, ids: cy.nodes().map((n) => n.id()), pos: (id) => cy.getElementById(id).renderedPosition() };
}

export function renderLegend() {
  const el = clear($('legend'));
  for (const k of ['Plan', 'Task', 'Unit', 'Application']) {
    el.append(h('li', {}, h('span', { class: 'dot', dataset: { kind: k } }), LABEL_TEXT[k]));
  }
}

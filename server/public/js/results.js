// Result cards: title, plan, highlighted text, units with role badges, applications, citation.
import { h, highlighted } from './dom.js';

export const ROLE_TEXT = { lead: '牵头', co: '协同', responsible: '责任' };
const SIGNAL_TEXT = { dense: '语义', word: '词', char: '字', exact: '原词', graph: '图谱' };

export function nodeName(n) {
  const p = n.properties || {};
  return String(p.name || p.title || n.id);
}

/** Units (with role and order) and applications linked to `taskId` in a result's neighbourhood. */
export function taskLinks(taskId, graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const units = [];
  const apps = [];
  for (const r of graph.relationships) {
    if (r.end !== taskId) continue;
    const other = byId.get(r.start);
    if (!other) continue;
    if (r.type === 'RESPONSIBLE_FOR' && other.labels.includes('Unit')) units.push({ unit: other, role: r.properties.role, order: Number(r.properties.order ?? 0) });
    if (r.type === 'IMPLEMENTS' && other.labels.includes('Application')) apps.push(other);
  }
  units.sort((a, b) => a.order - b.order);
  return { units, apps };
}

function marks(highlights, field) {
  return (highlights || []).filter((x) => x.field === field);
}

/** A snippet of `text` around its first highlight, so long tasks show the matching part. */
function snippet(text, ranges, max = 180) {
  if (text.length <= max) return { text, ranges, cut: false };
  const first = ranges.length ? Math.min(...ranges.map((r) => r.start)) : 0;
  const start = Math.max(0, Math.min(first - 40, text.length - max));
  const part = text.slice(start, start + max);
  const shifted = ranges.map((r) => ({ start: r.start - start, end: r.end - start })).filter((r) => r.end > 0 && r.start < max);
  return { text: (start > 0 ? '…' : '') + part + '…', ranges: shifted.map((r) => ({ start: r.start + (start > 0 ? 1 : 0), end: r.end + (start > 0 ? 1 : 0) })), cut: true };
}

function why(result) {
  const parts = Object.entries(result.why || {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${SIGNAL_TEXT[k] || k}#${v}`);
  return parts.length ? `依据 ${parts.join(' · ')}` : '';
}

/** One result card; `on` holds callbacks: cite(node), graph(result), unit(node), application(node). */
export function resultCard(result, rank, plansById, on) {
  const n = result.node;
  const p = n.properties;
  const title = String(p.title || n.id);
  const text = String(p.text || '');
  const plan = plansById.get(String(p.planId));
  const { units, apps } = taskLinks(n.id, result.neighbourhood || { nodes: [], relationships: [] });
  const snip = snippet(text, marks(result.highlights, 'text'));
  const body = h('p', { class: 'text' }, highlighted(snip.text, snip.ranges));
  if (snip.cut) {
    // one button that toggles between the snippet and the whole text, its state in aria-expanded
    const short = highlighted(snip.text, snip.ranges);
    const whole = highlighted(text, marks(result.highlights, 'text'));
    const textId = `text-${rank}`;
    body.id = textId;
    const more = h('button', { type: 'button', class: 'link more', 'aria-expanded': 'false', 'aria-controls': textId }, '展开全文');
    more.addEventListener('click', (e) => {
      const open = more.getAttribute('aria-expanded') !== 'true';
      body.replaceChildren(...(open ? whole : short));
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? '收起' : '展开全文';
      e.stopPropagation();
    });
    return card(result, rank, plan, title, body, more, units, apps, on);
  }
  return card(result, rank, plan, title, body, null, units, apps, on);
}

function card(result, rank, plan, title, body, more, units, apps, on) {
  const n = result.node;
  const p = n.properties;
  const planName = plan ? nodeName(plan) : String(p.planId || '');
  return h('li', { class: 'card', dataset: { id: n.id } },
    h('div', { class: 'card-head' },
      h('span', { class: 'rank' }, String(rank)),
      h('h3', { class: 'title' }, highlighted(title, marks(result.highlights, 'title'))),
    ),
    h('div', { class: 'meta' },
      h('span', { class: 'plan' }, planName),
      p.path ? h('span', { class: 'path' }, `第 ${p.path} 项`) : null,
      Array.isArray(p.years) && p.years.length ? h('span', { class: 'years' }, p.years.join('、') + ' 年') : null,
      p.deadline ? h('span', { class: 'deadline' }, `完成时限：${p.deadline}`) : null,
    ),
    body,
    more ? h('p', { class: 'more-line' }, more) : null,
    units.length ? h('div', { class: 'units' }, h('span', { class: 'label' }, '责任单位'),
      units.map((u) => h('button', { type: 'button', class: `badge unit role-${u.role}`, title: '按此单位筛选', onclick: () => on.unit(u.unit) },
        h('span', { class: 'role' }, ROLE_TEXT[u.role] || u.role), nodeName(u.unit)))) : null,
    apps.length ? h('div', { class: 'apps' }, h('span', { class: 'label' }, '相关应用'),
      apps.map((a) => h('button', { type: 'button', class: 'badge app', title: '按此应用筛选', onclick: () => on.application(a) }, nodeName(a)))) : null,
    h('div', { class: 'card-foot' },
      p.sourceFile ? h('button', { type: 'button', class: 'link cite', 'aria-haspopup': 'dialog', dataset: { file: String(p.sourceFile), from: String(p.lineStart), to: String(p.lineEnd) }, onclick: () => on.cite(n) }, `来源：${planName} 第 ${p.lineStart}–${p.lineEnd} 行`) : null,
      // the rows of the plan's task table (附件) that name its units
      p.sourceFile && Array.isArray(p.tableLineStarts) ? p.tableLineStarts.map((from, i) => h('button', { type: 'button', class: 'link cite table-row', 'aria-haspopup': 'dialog', onclick: () => on.cite(n, from, p.tableLineEnds[i] ?? from) }, `分工表 第 ${from} 行`)) : null,
      h('button', { type: 'button', class: 'link show-graph', onclick: () => on.graph(result) }, '查看图谱'),
      h('span', { class: 'why' }, why(result), ` · 得分 ${Number(result.score).toFixed(3)}`),
    ),
  );
}

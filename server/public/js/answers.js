// Answer cards: what the graph answers directly, shown above the ranked tasks (targets with
// their numbers and sources, a unit's tasks by role, the plan a document number names, an
// application's plans and the units responsible for it, the units with the most tasks, the plans
// a question asks about, the tasks due by a date asked, the applications a question asks for, the
// units of the tasks answering a question that asks who does something).
import { h } from './dom.js';
import { nodeName, ROLE_TEXT } from './results.js';

const planTitle = (plansById, id) => (plansById.get(id) ? nodeName(plansById.get(id)) : id);

// A unit's name with its region: 绍兴市 + 市公安局 → 绍兴市公安局 (the name's level word is the region's own), 浙江省 + 省大数据局 → 浙江省大数据局.
export function qualifiedUnit(region, name) {
  if (!region || name.startsWith(region)) return name;
  return name[0] === region[region.length - 1] && '省市县区'.includes(name[0]) ? region + name.slice(1) : region + name;
}

// a heading id unique on the page for a graph id (several plan or application cards may show)
const headingId = (kind, id) => `ans-${kind}-${[...id].map((c) => c.codePointAt(0).toString(36)).join('')}`;

// the lines a card's row cites, opening the source dialog there; null when it has none
function sourceButton(src, plan, on) {
  if (!src.file || !src.lineStart) return null;
  return h('button', { type: 'button', class: 'link', onclick: () => on.source(src.file, src.lineStart, src.lineEnd, plan) }, `第 ${src.lineStart}–${src.lineEnd} 行`);
}

// the regions and plans a card is scoped to: 嘉兴市、金华市深化数字政府建设实施方案
const scopeOf = (a, plansById) => [...a.regions, ...a.plans.map((id) => planTitle(plansById, id))].join('、');

function targetsCard(a, plansById, on) {
  return h('section', { class: 'answer targets', 'aria-labelledby': 'ans-targets' },
    h('h2', { id: 'ans-targets' }, `${a.years.length ? `${a.years.join('、')} 年` : ''}量化目标（共 ${a.total} 项${a.total > a.items.length ? `，显示 ${a.items.length} 项` : ''}）`),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '指标'), h('th', { scope: 'col' }, '目标值'), h('th', { scope: 'col' }, '年份'), h('th', { scope: 'col' }, '方案'), h('th', { scope: 'col' }, '出处'))),
      h('tbody', {}, a.items.map((t) => h('tr', {},
        h('td', {}, t.metric),
        h('td', { class: 'value' }, `${t.comparator && t.comparator !== '=' ? `${t.comparator} ` : ''}${t.value ?? ''}${t.unit ?? ''}`),
        h('td', {}, t.year ? String(t.year) : '—'),
        h('td', {}, t.plan ? t.plan.title : ''),
        h('td', {}, sourceButton(t.source, plansById.get(t.plan?.id), on) ?? h('span', { title: t.text }, '主要目标'))),
      )),
    ),
  );
}

function unitCard(a, plansById) {
  const id = headingId('unit', a.unit.id);
  // the tasks it leads where the plan marks no lead (listed first) count as led, not under the role printed
  const ledAs = a.ledAs ?? { co: 0, responsible: 0 };
  const inferred = ledAs.co + ledAs.responsible;
  const counts = { lead: a.byRole.lead + inferred, co: a.byRole.co - ledAs.co, responsible: a.byRole.responsible - ledAs.responsible };
  return h('section', { class: 'answer unit', 'aria-labelledby': id },
    h('h2', { id }, `${qualifiedUnit(a.unit.region, a.unit.name)}：共 ${a.byRole.lead + a.byRole.co + a.byRole.responsible} 项任务`),
    h('p', { class: 'roles' }, ['lead', 'co', 'responsible'].map((r) => h('span', { class: `badge role-${r}` }, h('span', { class: 'role' }, ROLE_TEXT[r]), `${counts[r]} 项`))),
    inferred ? h('p', { class: 'more' }, `其中 ${inferred} 项方案未标明牵头单位，按列第一位计为牵头`) : null,
    h('ul', {}, a.tasks.map((t) => {
      const role = t.leads ? 'lead' : t.role;
      return h('li', {}, h('span', { class: `badge role-${role}` }, h('span', { class: 'role' }, ROLE_TEXT[role])), ` ${t.title}`, h('span', { class: 'path' }, ` · ${planTitle(plansById, t.planId)} 第 ${t.path} 项`));
    })),
    a.total > a.tasks.length ? h('p', { class: 'more' }, `另有 ${a.total - a.tasks.length} 项见下方结果`) : null,
  );
}

function planCard(a) {
  const p = a.plan;
  const id = headingId('plan', p.id);
  return h('section', { class: 'answer plan', 'aria-labelledby': id },
    h('h2', { id }, p.title),
    h('dl', {},
      p.docNumber ? [h('dt', {}, '文号'), h('dd', {}, p.docNumber)] : null,
      p.issuer ? [h('dt', {}, '发文单位'), h('dd', {}, p.issuer)] : null,
      p.date ? [h('dt', {}, '日期'), h('dd', {}, p.date)] : null,
      h('dt', {}, '任务'), h('dd', {}, p.cited ? '本库只有其被引用的记录' : `${a.tasks} 项（见下方结果）`),
      a.implementedBy && a.implementedBy.length ? [h('dt', {}, '落实它的方案'), h('dd', {}, `${a.implementedBy.map((x) => x.title).join('、')}${p.cited ? '（见下方结果）' : ''}`)] : null,
    ),
  );
}

function applicationCard(a) {
  const id = headingId('app', a.application.id);
  return h('section', { class: 'answer application', 'aria-labelledby': id },
    h('h2', { id }, `${a.application.name}：共 ${a.total} 项任务，${a.plans.length} 份方案`),
    h('dl', {},
      h('dt', {}, '方案'), h('dd', {}, h('ul', { class: 'app-plans' }, a.plans.map((p) => h('li', {}, p.title, h('span', { class: 'path' }, ` · ${p.tasks} 项`))))),
      a.units.length ? [h('dt', {}, '负责单位'), h('dd', {}, h('ul', { class: 'app-units' }, a.units.map((u) => h('li', {},
        qualifiedUnit(u.region, u.name),
        h('span', { class: 'path' }, u.leads ? ` · 牵头 ${u.leads} 项${u.tasks > u.leads ? `，参与 ${u.tasks - u.leads} 项` : ''}` : ` · 参与 ${u.tasks} 项`)))))] : null,
    ),
  );
}

function unitsCard(a, plansById) {
  const scope = scopeOf(a, plansById);
  const what = a.role === 'lead' ? '牵头任务' : a.role === 'co' ? '协同任务' : '任务';
  const count = (u) => (a.role === 'lead' ? `牵头 ${u.leads} 项，共 ${u.tasks} 项` : a.role === 'co' ? `协同 ${u.co} 项，共 ${u.tasks} 项` : `共 ${u.tasks} 项${u.leads ? `，牵头 ${u.leads} 项` : ''}`);
  return h('section', { class: 'answer ranking', 'aria-labelledby': 'ans-units' },
    h('h2', { id: 'ans-units' }, `${scope ? `${scope}：` : ''}${what}最多的单位${a.total > a.items.length ? `（前 ${a.items.length} 个，共 ${a.total} 个单位）` : ''}`),
    h('ol', { class: 'ranked-units' }, a.items.map((u) => h('li', {}, qualifiedUnit(u.region, u.name), h('span', { class: 'path' }, ` · ${count(u)}`)))),
  );
}

function plansCard(a) {
  return h('section', { class: 'answer plans', 'aria-labelledby': 'ans-plans' },
    h('h2', { id: 'ans-plans' }, `共 ${a.total} 份方案`),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '方案'), h('th', { scope: 'col' }, '地区'), h('th', { scope: 'col' }, '文号'), h('th', { scope: 'col' }, '日期'), h('th', { scope: 'col' }, '任务'))),
      h('tbody', {}, a.items.map((p) => h('tr', {}, h('td', {}, p.title), h('td', {}, p.region || '—'), h('td', {}, p.docNumber || '—'), h('td', {}, p.date || '—'), h('td', { class: 'value' }, `${p.tasks} 项`)))),
    ),
  );
}

function deadlinesCard(a, plansById, on) {
  const when = a.by.ongoing ? '持续推进、无固定完成期限' : a.by.exact ? `完成时限为 ${a.by.text}` : `${a.by.text}前到期`;
  return h('section', { class: 'answer deadlines', 'aria-labelledby': 'ans-deadlines' },
    h('h2', { id: 'ans-deadlines' }, `${when}的任务（共 ${a.total} 项${a.total > a.items.length ? `，显示 ${a.items.length} 项` : ''}）`),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, a.by.ongoing ? '完成时限' : '到期'), h('th', { scope: 'col' }, '任务'), h('th', { scope: 'col' }, '方案'), h('th', { scope: 'col' }, '出处'))),
      h('tbody', {}, a.items.map((t) => h('tr', {},
        h('td', { class: 'value' }, t.due),
        h('td', {}, t.title),
        h('td', {}, `${planTitle(plansById, t.planId)} 第 ${t.path} 项`),
        h('td', {}, sourceButton(t.source, plansById.get(t.planId), on) ?? '—'))),
      ),
    ),
  );
}

function applicationsCard(a, plansById) {
  const scope = scopeOf(a, plansById);
  const kind = a.kind === 'app' ? 'APP' : a.kind;
  return h('section', { class: 'answer app-list', 'aria-labelledby': 'ans-app-list' },
    h('h2', { id: 'ans-app-list' }, `${scope ? `${scope}：` : ''}方案中的${kind}（共 ${a.total} 个${a.total > a.items.length ? `，显示 ${a.items.length} 个` : ''}）`),
    a.unnamed ? h('p', { class: 'more' }, `方案中没有名称为“${a.unnamed}”的应用，以下为全部应用`) : null,
    h('ul', { class: 'app-plans' }, a.items.map((x) => h('li', {}, x.name, h('span', { class: 'path' }, ` · ${x.plans.map((p) => p.title).join('、')} · ${x.tasks} 项任务`)))),
  );
}

// who does what the question asks about: each answering task with its units by role (the lead first)
function responsibleCard(a, plansById, on) {
  return h('section', { class: 'answer responsible', 'aria-labelledby': 'ans-responsible' },
    h('h2', { id: 'ans-responsible' }, '负责单位'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '任务'), h('th', { scope: 'col' }, '责任单位'), h('th', { scope: 'col' }, '出处'))),
      h('tbody', {}, a.tasks.map((t) => h('tr', {},
        h('td', {}, t.title, h('span', { class: 'path' }, ` · ${planTitle(plansById, t.planId)} 第 ${t.path} 项`)),
        h('td', {}, [...t.units].sort((x, y) => Number(y.leads) - Number(x.leads)).map((u) => {
          const role = u.leads ? 'lead' : u.role;
          return h('span', { class: `badge role-${role}` }, h('span', { class: 'role' }, ROLE_TEXT[role]), qualifiedUnit(u.region, u.name));
        })),
        h('td', {}, sourceButton(t.source, plansById.get(t.planId), on) ?? '—'))),
      ),
    ),
  );
}

const CARDS = { responsible: responsibleCard, targets: targetsCard, unit: unitCard, plan: planCard, application: applicationCard, units: unitsCard, plans: plansCard, deadlines: deadlinesCard, applications: applicationsCard };

/** The cards for a response's `answers`; `on.source(file, from, to, plan)` opens a citation. */
export function answerCards(answers, plansById, on) {
  return answers.filter((a) => CARDS[a.type]).map((a) => CARDS[a.type](a, plansById, on));
}

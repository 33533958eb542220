/**
 * `npm run kg -- search "问题" [--json] [--k N] [--plan ID] [--unit ID] [--app ID] [--year Y]`:
 * searches the graph built by `kg ingest` (or builds it from the seeds) and prints the results.
 */
import { config } from '../../core/config';
import { type CommandSpec, type Parsed } from '../args';
import { bootstrap } from '../../app/pipeline';
import type { SearchOptions, SearchResponse } from '../../search/types';
import type { SourceRef } from '../../search/answers';
import { say } from '../terminal-text';
import { qualifiedUnitName } from '../../entities/unit-identity';

export const spec: CommandSpec = {
  name: 'search',
  summary: '语义检索 / search the tasks of the ingested plans',
  positionals: { name: '问题 QUESTION', description: '中文问题 / a question in Chinese (quote it, or write it after --)', required: true, rest: true },
  options: {
    json: { type: 'boolean', description: '输出 JSON（与 /api/search 相同）/ print the API response as JSON' },
    k: { type: 'string', value: 'N', integer: { min: 1, max: 50 }, description: '返回条数 / number of results (default 10)' },
    plan: { type: 'string', value: 'ID', description: '只看某规划 / only this plan (id)' },
    unit: { type: 'string', value: 'ID', description: '只看某单位 / only this unit (id)' },
    app: { type: 'string', value: 'ID', description: '只看某应用 / only this application (id)' },
    year: { type: 'string', value: 'YYYY', integer: { min: 1900, max: 2100 }, description: '只看某年 / only tasks naming this year' },
  },
  examples: ['npm run kg -- search "数据安全"', 'npm run kg -- search 城市大脑由谁建设 --k 5 --json'],
};

function options(values: Parsed['values']): SearchOptions {
  const o: SearchOptions = {};
  if (values.k !== undefined) o.k = values.k as number;
  if (values.plan !== undefined) o.plan = values.plan as string;
  if (values.unit !== undefined) o.unit = values.unit as string;
  if (values.app !== undefined) o.application = values.app as string;
  if (values.year !== undefined) o.year = values.year as number;
  return o;
}

/** ` · file:from-to` for a card row's source, '' when it has none. */
const cite = (src: SourceRef) => (src.file ? ` · ${src.file}${src.lineStart ? `:${src.lineStart}-${src.lineEnd}` : ''}` : '');

function print(res: SearchResponse): void {
  const i = res.interpretation;
  say(`查询 / query: ${res.query}   (${res.took_ms} ms, ${i.mode})`);
  // a region typed in pinyin says what it was read as (region:hangzhou→杭州市)
  const read = (e: (typeof i.entities)[number]) => (e.type === 'region' && e.id && e.id !== e.text ? `→${e.id}` : '');
  if (i.entities.length) say(`理解 / understood: ${i.entities.map((e) => `${e.type}:${e.text}${read(e)}${e.value !== undefined ? `(${e.value})` : ''}`).join('  ')}`);
  for (const n of i.notes) say(`注 / note: ${n}`);
  if (res.match === 'none') {
    say('\n方案中没有相关内容 / the plans have nothing on this');
    if (res.nearest.length) say(`相近主题 / nearest topics: ${res.nearest.map((t) => t.text).join('；')}`);
    return;
  }
  say(`匹配 / match: ${res.match === 'strong' ? '强 strong' : '弱 weak'} · 共 ${res.total} 条 / ${res.total} matching, showing ${res.offset + 1}–${res.offset + res.results.length}`);
  for (const a of res.answers) {
    if (a.type === 'plan') say(`\n【方案】${a.plan.title}${a.plan.docNumber ? `（${a.plan.docNumber}）` : ''}${a.plan.issuer ? ` · ${a.plan.issuer}` : ''}${a.plan.date ? ` · ${a.plan.date}` : ''} · ${a.tasks} 项任务${a.plan.cited ? ' · 仅被引用 / cited only' : ''}`);
    if (a.type === 'unit') say(`\n【单位】${qualifiedUnitName(a.unit.region, a.unit.name)}: 牵头 ${a.byRole.lead} · 协同 ${a.byRole.co} · 责任 ${a.byRole.responsible}（共 ${a.byRole.lead + a.byRole.co + a.byRole.responsible} 项）`);
    if (a.type === 'plans') {
      say(`\n【方案】共 ${a.total} 份 / plans:`);
      for (const p of a.items) say(`   ${p.title}${p.docNumber ? `（${p.docNumber}）` : ''}${p.region ? ` · ${p.region}` : ''}${p.date ? ` · ${p.date}` : ''} · ${p.tasks} 项任务`);
    }
    if (a.type === 'application') {
      say(`\n【应用】${a.application.name}: ${a.total} 项任务 / tasks · ${a.plans.map((p) => `${p.title}（${p.tasks}）`).join('、')}`);
      if (a.units.length) say(`   负责单位 / units: ${a.units.map((u) => `${qualifiedUnitName(u.region, u.name)}${u.leads ? `(牵头 ${u.leads})` : ''}`).join('、')}`);
    }
    if (a.type === 'units') {
      const key = (u: (typeof a.items)[number]) => (a.role === 'lead' ? u.leads : a.role === 'co' ? u.co : u.tasks);
      say(`\n【单位排名 / units by ${a.role === 'lead' ? '牵头 lead' : a.role === 'co' ? '协同 co' : 'tasks'}】${[...a.regions].join('、')}`);
      a.items.forEach((u, n) => say(`   ${n + 1}. ${qualifiedUnitName(u.region, u.name)} ${key(u)}（共 ${u.tasks} 项）`));
    }
    if (a.type === 'applications') {
      say(`\n【${a.kind} / applications】${[...a.regions].join('、')} 共 ${a.total} 个:`);
      for (const x of a.items) say(`   ${x.name} · ${x.plans.map((p) => p.title).join('、')} · ${x.tasks} 项任务`);
    }
    if (a.type === 'deadlines') {
      say(`\n【到期 / due】${a.by.ongoing ? '持续推进、无固定期限 / no fixed date' : a.by.exact ? `完成时限为 ${a.by.text}` : `${a.by.text}前`} 共 ${a.total} 项 / tasks:`);
      for (const t of a.items) say(`   ${t.due} · ${t.title} · 第 ${t.path} 项${cite(t.source)}`);
    }
    if (a.type === 'targets') {
      say(`\n【目标】${a.years.length ? `${a.years.join('、')} 年 ` : ''}共 ${a.total} 项 / targets:`);
      for (const t of a.items) say(`   ${t.metric} ${t.comparator ?? ''} ${t.value ?? ''}${t.unit ?? ''}${t.year ? ` (${t.year})` : ''} — ${t.plan?.title ?? ''}${cite(t.source)}`);
    }
  }
  if (!res.results.length) say('没有结果 / no results');
  res.results.forEach((r, n) => {
    const p = r.node.properties;
    const plan = r.neighbourhood.nodes.find((x) => x.labels.includes('Plan'));
    const units = r.neighbourhood.relationships
      .filter((x) => x.type === 'RESPONSIBLE_FOR' && x.end === r.node.id)
      .sort((a, b) => Number(a.properties.order) - Number(b.properties.order))
      .map((x) => {
        const u = r.neighbourhood.nodes.find((y) => y.id === x.start);
        const role = x.properties.role === 'lead' ? '牵头' : x.properties.role === 'co' ? '协同' : '';
        return `${String(u?.properties.name ?? x.start)}${role ? `(${role})` : ''}`;
      });
    const why = Object.entries(r.why).filter(([, v]) => v !== null).map(([k, v]) => `${k}#${v}`).join(' ');
    say(`\n${n + 1}. ${String(p.title)}   [${why}]`);
    say(`   ${String(plan?.properties.title ?? p.planId)} · ${String(p.path)} · ${String(p.sourceFile)}:${String(p.lineStart)}-${String(p.lineEnd)}`);
    if (units.length) say(`   单位 / units: ${units.join('、')}`);
    if (p.deadline) say(`   完成时限 / due: ${String(p.deadline)}`);
  });
}

export async function run({ values, positionals }: Parsed): Promise<number> {
  const query = positionals[0];
  const json = !!values.json;
  const pipeline = await bootstrap({ config, onProgress: () => {} });
  try {
    const res = await pipeline.search.search(query, options(values));
    const status = pipeline.search.status().embedder;
    if (json) console.log(JSON.stringify({ ...res, embedder: status }, null, 1));
    else print(res); // the interpretation's notes already say when neural search is off
    return 0;
  } finally {
    await pipeline.close();
  }
}

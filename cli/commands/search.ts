/**
 * `npm run kg -- search "问题" [--json] [--k N] [--plan ID] [--unit ID] [--app ID] [--year Y]`:
 * searches the graph built by `kg ingest` (or builds it from the seeds) and prints the results.
 */
import { config } from '../../core/config';
import { createError } from '../../core/errors';
import { bootstrap } from '../../core/pipeline';
import type { SearchOptions, SearchResponse } from '../../search/types';

export const summary = '语义检索 / search tasks: search "问题" [--json] [--k N] [--plan ID] [--unit ID] [--app ID] [--year Y]';

function parse(args: string[]): { query: string; json: boolean; options: SearchOptions } {
  const options: SearchOptions = {};
  const words: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw createError('BAD_REQUEST', `${a} 需要一个值 / ${a} needs a value`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--k') options.k = Number(value());
    else if (a === '--plan') options.plan = value();
    else if (a === '--unit') options.unit = value();
    else if (a === '--app') options.application = value();
    else if (a === '--year') options.year = Number(value());
    else words.push(a);
  }
  return { query: words.join(' '), json, options };
}

function print(res: SearchResponse): void {
  const i = res.interpretation;
  console.log(`查询 / query: ${res.query}   (${res.took_ms} ms, ${i.mode})`);
  if (i.entities.length) console.log(`理解 / understood: ${i.entities.map((e) => `${e.type}:${e.text}${e.value !== undefined ? `(${e.value})` : ''}`).join('  ')}`);
  for (const n of i.notes) console.log(`注 / note: ${n}`);
  if (res.match === 'none') {
    console.log('\n方案中没有相关内容 / the plans have nothing on this');
    if (res.nearest.length) console.log(`相近主题 / nearest topics: ${res.nearest.map((t) => t.text).join('；')}`);
    return;
  }
  console.log(`匹配 / match: ${res.match === 'strong' ? '强 strong' : '弱 weak'} · 共 ${res.total} 条 / ${res.total} matching, showing ${res.offset + 1}–${res.offset + res.results.length}`);
  for (const a of res.answers) {
    if (a.type === 'plan') console.log(`\n【方案】${a.plan.title}${a.plan.docNumber ? `（${a.plan.docNumber}）` : ''}${a.plan.issuer ? ` · ${a.plan.issuer}` : ''}${a.plan.date ? ` · ${a.plan.date}` : ''} · ${a.tasks} 项任务${a.plan.cited ? ' · 仅被引用 / cited only' : ''}`);
    if (a.type === 'unit') console.log(`\n【单位】${a.unit.region ?? ''} ${a.unit.name}: 牵头 ${a.byRole.lead} · 协同 ${a.byRole.co} · 责任 ${a.byRole.responsible}（共 ${a.byRole.lead + a.byRole.co + a.byRole.responsible} 项）`);
    if (a.type === 'targets') {
      console.log(`\n【目标】${a.years.length ? `${a.years.join('、')} 年 ` : ''}共 ${a.total} 项 / targets:`);
      for (const t of a.items) console.log(`   ${t.metric} ${t.comparator ?? ''} ${t.value ?? ''}${t.unit ?? ''}${t.year ? ` (${t.year})` : ''} — ${t.plan?.title ?? ''}${t.source.file ? ` · ${t.source.file}${t.source.lineStart ? `:${t.source.lineStart}-${t.source.lineEnd}` : ''}` : ''}`);
    }
  }
  if (!res.results.length) console.log('没有结果 / no results');
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
    console.log(`\n${n + 1}. ${String(p.title)}   [${why}]`);
    console.log(`   ${String(plan?.properties.title ?? p.planId)} · ${String(p.path)} · ${String(p.sourceFile)}:${String(p.lineStart)}-${String(p.lineEnd)}`);
    if (units.length) console.log(`   单位 / units: ${units.join('、')}`);
  });
}

export async function run(args: string[]): Promise<number> {
  const { query, json, options } = parse(args);
  if (!query.trim()) {
    console.error(`用法 / usage: npm run kg -- ${summary.split(': ')[1]}`);
    return 2;
  }
  const pipeline = await bootstrap({ config, onProgress: () => {} });
  try {
    const res = await pipeline.search.search(query, options);
    const status = pipeline.search.status().embedder;
    if (json) console.log(JSON.stringify({ ...res, embedder: status }, null, 1));
    else print(res); // the interpretation's notes already say when neural search is off
    return 0;
  } finally {
    await pipeline.close();
  }
}

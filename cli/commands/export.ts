/**
 * `npm run kg -- export --format json|csv|cypher|graphml [--out FILE|DIR] [--from auto|snapshot|seeds|store]`:
 * writes the graph for Neo4j (neo4j-admin CSV, a cypher-shell script), Gephi/yEd (GraphML) or any
 * tool (JSON). Reads the embedded store's snapshot, or ingests the seeds when there is none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../../core/config';
import { toCsvFiles } from '../../graph/export/csv';
import { toCypherScript } from '../../graph/export/cypher';
import { toGraphml } from '../../graph/export/graphml';
import { toJson } from '../../graph/export/json';
import { loadGraph, type GraphSource } from '../../graph/export/source';

export const summary = '导出图谱 / export --format json|csv|cypher|graphml --out FILE|DIR';

const FORMATS = ['json', 'csv', 'cypher', 'graphml'] as const;
type Format = (typeof FORMATS)[number];
const SOURCES: GraphSource[] = ['auto', 'snapshot', 'seeds', 'store'];

const USAGE = `用法 / usage: npm run kg -- export --format ${FORMATS.join('|')} [--out FILE|DIR] [--from ${SOURCES.join('|')}]
  json     {"version":1,"nodes":[…],"relationships":[…]} (stdout without --out)
  csv      neo4j-admin import files + import.sh in the --out directory (required)
  cypher   a cypher-shell script: cypher-shell -f FILE
  graphml  GraphML 1.0 for Gephi, yEd, Cytoscape`;

/** Runs the command; 0 on success, 2 on a usage error. */
export async function run(args: string[]): Promise<number> {
  let values: { format?: string; out?: string; from?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const format = (values.format ?? 'json') as Format;
  const from = (values.from ?? 'auto') as GraphSource;
  if (!FORMATS.includes(format) || !SOURCES.includes(from)) {
    console.error(`未知格式或来源 / unknown --format ${values.format ?? ''} or --from ${values.from ?? ''}\n${USAGE}`);
    return 2;
  }
  if (format === 'csv' && !values.out) {
    console.error(`csv 需要 --out 目录 / --format csv needs --out DIR\n${USAGE}`);
    return 2;
  }

  const { graph, from: origin } = await loadGraph(config, from);
  const stats = `${graph.nodes.length} nodes, ${graph.relationships.length} relationships from ${origin}`;
  if (format === 'csv') {
    const dir = path.resolve(values.out!);
    fs.mkdirSync(dir, { recursive: true });
    const files = toCsvFiles(graph);
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.content, { mode: f.name.endsWith('.sh') ? 0o755 : 0o644 });
    console.error(`导出 / exported ${stats} → ${dir} (${files.map((f) => f.name).join(', ')})`);
    return 0;
  }
  const text = format === 'json' ? toJson(graph) : format === 'cypher' ? toCypherScript(graph) : toGraphml(graph);
  if (!values.out) {
    process.stdout.write(text);
    return 0;
  }
  const file = path.resolve(values.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.error(`导出 / exported ${stats} → ${file}`);
  return 0;
}

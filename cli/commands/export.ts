/**
 * `npm run kg -- export --format json|csv|cypher|graphml [--out FILE|DIR] [--from auto|snapshot|store]`:
 * writes the graph for Neo4j (neo4j-admin CSV, a cypher-shell script), Gephi/yEd (GraphML) or any
 * tool (JSON) — by default exactly the graph the server serves (app/graph-source.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../core/config';
import { usage, type CommandSpec, type Parsed } from '../args';
import { toCsvFiles } from '../../graph/export/csv';
import { toCypherScript } from '../../graph/export/cypher';
import { toGraphml } from '../../graph/export/graphml';
import { toJson } from '../../graph/export/json';
import { GRAPH_SOURCES, loadGraph, type GraphSource } from '../../app/graph-source';

const FORMATS = ['json', 'csv', 'cypher', 'graphml'] as const;
type Format = (typeof FORMATS)[number];

export const spec: CommandSpec = {
  name: 'export',
  summary: '导出图谱 / export the graph the server serves: json | csv (neo4j-admin) | cypher | graphml',
  options: {
    format: { type: 'string', short: 'f', choices: FORMATS, description: 'json {"version":1,"nodes":[…],"relationships":[…]}; csv: neo4j-admin import files + import.sh (needs --out DIR); cypher: a cypher-shell script; graphml: Gephi, yEd, Cytoscape (default json)' },
    out: { type: 'string', short: 'o', value: 'FILE|DIR', description: '写到 / write here (json without --out: stdout)' },
    from: { type: 'string', choices: GRAPH_SOURCES, description: 'auto: exactly what `npm start` serves (default); snapshot: data/graph.json only; store: the configured store as it stands' },
  },
  examples: ['npm run kg -- export --format json --out graph.json', 'KG_SEEDS_DIR=plans npm run kg -- export --format csv --out neo4j-import'],
};

/** Runs the command; 0 on success, 2 on a usage error. */
export async function run({ values }: Parsed): Promise<number> {
  const format = (values.format ?? 'json') as Format;
  const from = (values.from ?? 'auto') as GraphSource;
  if (format === 'csv' && !values.out) {
    console.error(`csv 需要 --out 目录 / --format csv needs --out DIR\n\n${usage(spec)}`);
    return 2;
  }
  const out = values.out as string | undefined;

  const { graph, from: origin } = await loadGraph(config, from);
  const stats = `${graph.nodes.length} nodes, ${graph.relationships.length} relationships from ${origin}`;
  if (format === 'csv') {
    const dir = path.resolve(out!);
    fs.mkdirSync(dir, { recursive: true });
    const files = toCsvFiles(graph);
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.content, { mode: f.name.endsWith('.sh') ? 0o755 : 0o644 });
    console.error(`导出 / exported ${stats} → ${dir} (${files.map((f) => f.name).join(', ')})`);
    return 0;
  }
  const text = format === 'json' ? toJson(graph) : format === 'cypher' ? toCypherScript(graph) : toGraphml(graph);
  if (!out) {
    process.stdout.write(text);
    return 0;
  }
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.error(`导出 / exported ${stats} → ${file}`);
  return 0;
}

import fs from 'node:fs';
import path from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { config } from '../../core/config';
import { NODE_LABEL } from '../../graph/cypher';
import type { GraphData } from '../../graph/model';
import { LABELS, REL_TYPES } from '../../graph/validate';
import { ingestDirectory } from '../../ingest';
import { analystQueries, paramsOf, queriesText, readCypher } from './analyst-queries';

const docs = path.resolve(__dirname, '../../docs/neo4j');

let graph: GraphData;
beforeAll(async () => {
  graph = (await ingestDirectory(config.seedsDir)).graph;
});

describe('docs/neo4j/queries.cypher', () => {
  test('holds at least 12 analyst queries, each titled', () => {
    const queries = analystQueries();
    expect(queries.length).toBeGreaterThanOrEqual(12);
    for (const q of queries) {
      expect(q.title).toMatch(/^\d+\. \S/);
      expect(q.query).toMatch(/^(MATCH|CALL|OPTIONAL MATCH|WITH|UNWIND)\b[\s\S]*\bRETURN\b[\s\S]*;$/);
    }
  });

  test('passes Neo4j’s parser and semantic checks against the seeds graph’s labels, types and keys', () => {
    const propertyKeys = new Set(['id', 'embedding', 'score', 'method']); // written by the store / the alignment
    for (const x of [...graph.nodes, ...graph.relationships]) for (const k of Object.keys(x.properties)) propertyKeys.add(k);
    const schema = { labels: [...LABELS, NODE_LABEL], relationshipTypes: [...REL_TYPES], propertyKeys: [...propertyKeys], parameters: paramsOf() };
    const { diagnostics } = lintCypherQuery(queriesText, schema, { consoleCommandsEnabled: true });
    expect(diagnostics.map((d) => `${d.message} at «${queriesText.slice(d.offsets.start, d.offsets.end).slice(0, 60)}»`)).toEqual([]);
  });

  test('docs/neo4j/README.md shows every query as it is in the file', () => {
    const readme = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const q of analystQueries()) {
      expect(readme).toContain(`### ${q.title}`);
      expect(readme).toContain(q.query);
    }
  });

  test.each(['queries.cypher', 'analysis-queries.cypher'])('every query of %s sets each parameter it uses with a :param line of its own (Browser and cypher-shell run it alone)', (file) => {
    const text = readCypher(file);
    const sections = text.split(/^(?=\/\/ \d+\. )/m).slice(1);
    expect(sections.length).toBe(analystQueries(text).length);
    const missing: string[] = [];
    for (const section of sections) {
      const set = new Set([...section.matchAll(/^:param (\w+) => .+;$/gm)].map((m) => m[1]));
      const body = section.replace(/^(\/\/|:param).*$/gm, '');
      for (const [, name] of body.matchAll(/\$(\w+)/g)) if (!set.has(name)) missing.push(`${section.split('\n')[0]}: $${name}`);
    }
    expect(missing).toEqual([]);
  });

  test('analysis-queries.cypher passes Neo4j’s parser and semantic checks too', () => {
    const text = readCypher('analysis-queries.cypher');
    const propertyKeys = new Set(['id', 'embedding', 'score', 'method']);
    for (const x of [...graph.nodes, ...graph.relationships]) for (const k of Object.keys(x.properties)) propertyKeys.add(k);
    for (const k of ['order', 'metric', 'value', 'unit', 'comparator', 'year', 'evidence']) propertyKeys.add(k); // written by the analysis
    const schema = { labels: [...LABELS, NODE_LABEL], relationshipTypes: [...REL_TYPES], propertyKeys: [...propertyKeys], parameters: paramsOf(text) };
    const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: true });
    expect(diagnostics.map((d) => `${d.message} at «${text.slice(d.offsets.start, d.offsets.end).slice(0, 60)}»`)).toEqual([]);
  });

  test('the check can fail: a misspelt label or property is reported', () => {
    const schema = { labels: [...LABELS], relationshipTypes: [...REL_TYPES], propertyKeys: ['id', 'name'] };
    const { diagnostics } = lintCypherQuery('MATCH (u:Unti) RETURN u.nmae', schema);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/Unti[\s\S]*nmae/);
  });

  test('the example parameters name things that exist in the seeds graph', () => {
    const p = paramsOf();
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.has(p.taskId as string)).toBe(true);
    expect(graph.nodes.some((n) => n.labels.includes('Plan') && n.properties.docNumber === p.docNumber)).toBe(true);
    expect(graph.nodes.some((n) => n.labels.includes('Unit') && (n.properties.name === p.unitName || (n.properties.aliases as string[]).includes(p.unitName as string)))).toBe(true);
    expect(graph.nodes.some((n) => n.labels.includes('Task') && (n.properties.years as number[]).includes(p.year as number))).toBe(true);
  });
});

describe('docs/neo4j/style.grass', () => {
  const grass = fs.readFileSync(path.join(docs, 'style.grass'), 'utf8');
  const blocks = new Map([...grass.matchAll(/^(node|relationship)(?:\.(\w+))? \{\n([\s\S]*?)\n\}$/gm)].map((m) => [`${m[1]}${m[2] ? `.${m[2]}` : ''}`, m[3]]));

  test('is a list of well-formed rule blocks', () => {
    expect(blocks.size).toBe((grass.match(/ \{$/gm) ?? []).length);
    expect(blocks.size).toBe((grass.match(/^\}$/gm) ?? []).length);
    for (const body of blocks.values()) for (const line of body.trim().split('\n')) expect(line.trim()).toMatch(/^[a-z-]+: [^;]+;$/);
  });

  test('gives every model label a colour and a caption from a property its nodes have', () => {
    for (const label of LABELS) {
      const body = blocks.get(`node.${label}`);
      expect(body).toMatch(/color: #[0-9A-F]{6};/);
      const caption = body!.match(/caption: '\{(\w+)\}';/)![1];
      const nodes = graph.nodes.filter((n) => n.labels.includes(label));
      if (nodes.length) expect(nodes.every((n) => caption in n.properties)).toBe(true); // Domain/Target appear once analysis adds them
    }
    expect(new Set(['Plan', 'Task', 'Unit', 'Application', 'Section', 'Region'].filter((l) => graph.nodes.some((n) => n.labels.includes(l as never))))).toEqual(
      new Set(['Plan', 'Task', 'Unit', 'Application', 'Section', 'Region']),
    );
  });
});

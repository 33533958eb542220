import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arrayDelimiter, toCsvFiles } from '../../graph/export/csv';
import { cypherString, toCypherScript } from '../../graph/export/cypher';
import { toGraphml, xmlEscape } from '../../graph/export/graphml';
import { toJson } from '../../graph/export/json';
import type { GraphData, Props, PropValue } from '../../graph/model';
import { cypherProblems } from './cypher-lint';
import { ADVERSARIAL, exportGraph } from './export-fixtures';

/** Cypher string-literal decoding as the Cypher manual specifies it, written apart from the encoder. */
function decodeCypherString(literal: string): string {
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      out += body[i];
      continue;
    }
    const e = body[++i];
    if (e in simple) out += simple[e];
    else if (e === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw new Error(`bad escape \\${e}`);
  }
  return out;
}
// Characters an escaper must get right, mixed by the property test with 'u', hex digits and text.
const TRICKY = fc.constantFrom("'", '"', '\\', '`', '\n', '\r', '\t', '\b', '\f', '\0', '\x1f', '\x7f', '\u2028', '\ud800', '\udc00', '😀', 'u', '0', 'a', '中', ';', '/');
const literals = (script: string) => [...script.matchAll(/'(?:[^'\\]|\\.)*'/g)].map((m) => decodeCypherString(m[0]));

// What a format without null can carry: the graph minus null properties.
const withoutNulls = (p: Props) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));

let graph: GraphData;
beforeAll(async () => {
  graph = await exportGraph();
});

describe('json export', () => {
  test('is the versioned envelope with every node and relationship', () => {
    expect(JSON.parse(toJson(graph))).toEqual({ version: 1, nodes: graph.nodes, relationships: graph.relationships });
  });
});

describe('cypher export', () => {
  test('the generated script passes Neo4j’s parser, adversarial strings included', () => {
    const script = toCypherScript(graph, 10);
    expect(cypherProblems(script)).toEqual([]);
    expect(script.match(/;\n/g)!.length).toBeGreaterThan(10);
    expect(script).not.toContain('$rows');
  });

  test('every adversarial string comes back from its literal unchanged', () => {
    const decoded = new Set(literals(toCypherScript(graph)));
    for (const s of ADVERSARIAL) expect(decoded).toContain(s);
    expect(decoded).toContain(graph.nodes.find((n) => n.labels.includes('Unit') && n.properties.collective === true)!.properties.name);
  });

  test('literals stay on one line and hold no raw control, separator or lone surrogate character', () => {
    // eslint-disable-next-line no-control-regex -- these control characters are what is being matched
    for (const s of ADVERSARIAL) expect(cypherString(s)).not.toMatch(/[\0-\x1f\x7f-\x9f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  test('any string round-trips through cypherString (property test), and a script of them parses', () => {
    const samples: string[] = [];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: TRICKY, maxLength: 40 })), (s) => {
        samples.push(s);
        expect(literals(cypherString(s))).toEqual([s]);
      }),
      { numRuns: 500 },
    );
    const script = `RETURN [${samples.slice(0, 150).map(cypherString).join(', ')}] AS xs;`;
    expect(cypherProblems(script)).toEqual([]);
  });
});

describe('csv export (neo4j-admin import)', () => {
  const files = () => new Map(toCsvFiles(graph).map((f) => [f.name, f.content]));

  function typed(raw: string, type: string, delimiter: string): PropValue {
    const base = type.replace('[]', '');
    const one = (s: string) => (base === 'int' || base === 'long' || base === 'double' ? Number(s) : base === 'boolean' ? s === 'true' : s);
    return type.endsWith('[]') ? (raw.split(delimiter).map(one) as string[] | number[]) : one(raw);
  }

  function read(content: string, delimiter: string) {
    const [header, ...rows] = parseCsv(content, { relax_column_count: false, quote: '"', escape: '"' }) as string[][];
    const quoted = parseCsv(content, { cast: (v, ctx) => (ctx.quoting ? `Q${v}` : v) }) as string[][];
    return rows.map((row, r) => {
      const props: Props = {};
      const meta: Record<string, string> = {};
      header.forEach((h, i) => {
        const [name, type = 'string'] = h.split(':');
        if (name === '' || type === 'ID') meta[h] = row[i];
        else if (row[i] !== '' || quoted[r + 1][i] === 'Q') props[name] = typed(row[i], type, delimiter);
      });
      return { meta, props };
    });
  }

  test('headers follow neo4j-admin: id:ID, :LABEL, typed properties; :START_ID, :END_ID, :TYPE', () => {
    const f = files();
    expect(f.get('nodes_Task.csv')!.split('\n')[0]).toBe('id:ID,:LABEL,kind:string,lineEnd:int,lineStart:int,path:string,planId:string,section:string[],sourceFile:string,text:string,title:string,years:int[]');
    expect(f.get('rels_RESPONSIBLE_FOR.csv')!.split('\n')[0]).toBe(':START_ID,:END_ID,:TYPE,note:string,order:int,role:string');
    expect(f.get('nodes_Unit.csv')!.split('\n')[0]).toContain('big:long,collective:boolean');
    expect(f.get('nodes_Unit.csv')!.split('\n')[0]).toContain('ratio:double,region:string,scores:double[]');
    expect(f.get('import.sh')).toContain("--array-delimiter='|'");
    expect([...f.keys()].filter((n) => n.startsWith('rels_'))).toHaveLength(8);
  });

  test('parsing the files back with a CSV parser and the header types gives the graph again', () => {
    const delimiter = arrayDelimiter(graph);
    expect(delimiter).toBe('|');
    const nodes: GraphData['nodes'] = [];
    const rels: GraphData['relationships'] = [];
    for (const [name, content] of files()) {
      if (name.startsWith('nodes_')) for (const { meta, props } of read(content, delimiter)) nodes.push({ id: meta['id:ID'], labels: meta[':LABEL'].split(delimiter).filter((l) => l !== 'KgNode') as GraphData['nodes'][number]['labels'], properties: props });
      if (name.startsWith('rels_')) for (const { meta, props } of read(content, delimiter)) rels.push({ type: meta[':TYPE'] as never, start: meta[':START_ID'], end: meta[':END_ID'], properties: props });
    }
    // neo4j-admin has no empty list and no null (an empty field means "no property"), and a UTF-8
    // file cannot hold a lone surrogate (it becomes U+FFFD)
    const utf8 = (v: PropValue): PropValue => (typeof v === 'string' ? Buffer.from(v).toString() : Array.isArray(v) ? (v as unknown[]).map((x) => utf8(x as PropValue)) as string[] : v);
    const expected = (p: Props) => Object.fromEntries(Object.entries(withoutNulls(p)).filter(([, v]) => !(Array.isArray(v) && v.length === 0)).map(([k, v]) => [k, utf8(v)]));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(nodes.sort(byId)).toEqual(graph.nodes.map((n) => ({ ...n, id: Buffer.from(n.id).toString(), properties: expected(n.properties) })));
    const key = (r: GraphData['relationships'][number]) => `${r.start}|${r.type}|${r.end}`;
    expect(rels.sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(graph.relationships.map((r) => ({ ...r, properties: expected(r.properties) })));
  });

  test('no free array delimiter is an error, not a corrupt file', () => {
    const g: GraphData = { nodes: [{ id: 'x', labels: ['Unit'], properties: { aliases: ['a;b|c¦d\u001f'] } }], relationships: [] };
    expect(() => toCsvFiles(g)).toThrow('no array delimiter');
  });
});

describe('graphml export', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: false, htmlEntities: true, isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });
  // XML 1.0 cannot carry these at all, so the export writes U+FFFD instead.
  // eslint-disable-next-line no-control-regex -- these control characters are what is being matched
  const xmlSafe = (s: string) => s.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD');

  test('is well-formed XML with typed keys and no character XML 1.0 forbids', () => {
    const xml = toGraphml(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex -- these control characters are what is being matched
    expect(xml).not.toMatch(/[\0-\x08\x0B\x0C\x0E-\x1F]/);
    const doc = parser.parse(xml).graphml;
    const keys = doc.key.map((k: Record<string, string>) => `${k['@for']}:${k['@attr.name']}:${k['@attr.type']}${k['@attr.list'] ? '[]' : ''}`);
    expect(keys).toEqual(expect.arrayContaining(['node:labels:string', 'edge:label:string', 'node:years:long[]', 'node:collective:boolean', 'node:ratio:double', 'edge:order:long', 'node:aliases:string[]']));
    expect(doc.graph.node).toHaveLength(graph.nodes.length);
    expect(doc.graph.edge).toHaveLength(graph.relationships.length);
  });

  test('values come back from the parsed XML as written (after U+FFFD for the unrepresentable)', () => {
    const doc = parser.parse(toGraphml(graph)).graphml;
    const keyName = new Map(doc.key.map((k: Record<string, string>) => [k['@id'], k['@attr.name']]));
    graph.nodes.forEach((n, i) => {
      const el = doc.graph.node[i];
      expect(el['@id']).toBe(xmlSafe(n.id));
      const data = Object.fromEntries(el.data.map((d: Record<string, string>) => [keyName.get(d['@key']), d['#text'] ?? '']));
      expect(data.labels).toBe(n.labels.map((l) => `:${l}`).join(''));
      for (const [k, v] of Object.entries(withoutNulls(n.properties))) expect(data[k]).toBe(xmlSafe(Array.isArray(v) ? JSON.stringify(v) : String(v)));
    });
  });

  test('xmlEscape escapes markup and keeps line breaks as character references', () => {
    expect(xmlEscape('<a href="x">&\'\n\r\t</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;&#13;&#9;&lt;/a&gt;');
    expect(xmlEscape('ok \u0001 \ud800 😀')).toBe('ok \uFFFD \uFFFD 😀');
  });
});

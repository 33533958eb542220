import { groupBy } from '../batches';
import { NODE_LABEL } from '../cypher';
import type { GraphData, PropValue } from '../model';

/** One file of an export. */
export interface ExportFile {
  name: string;
  content: string;
}

type CsvType = 'string' | 'int' | 'long' | 'double' | 'boolean' | 'string[]' | 'int[]' | 'long[]' | 'double[]';

// Array delimiters tried in turn: the first that no array element contains is used.
const DELIMITERS = [';', '|', '¦', '\u001f'];

const INT32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;

function scalarType(xs: unknown[]): 'string' | 'int' | 'long' | 'double' | 'boolean' | null {
  if (xs.every((x) => typeof x === 'string')) return 'string';
  if (xs.every((x) => typeof x === 'boolean')) return 'boolean';
  if (!xs.every((x) => typeof x === 'number')) return null;
  const ns = xs as number[];
  return ns.every(INT32) ? 'int' : ns.every(Number.isSafeInteger) ? 'long' : 'double';
}

/** The neo4j-admin type of a column: the narrowest that holds every value, else string. */
function columnType(values: (PropValue | undefined)[]): CsvType {
  const present = values.filter((v): v is PropValue => v !== null && v !== undefined);
  const arrays = present.filter(Array.isArray);
  if (arrays.length && arrays.length === present.length) {
    const t = scalarType(arrays.flat());
    return t && t !== 'boolean' ? (`${t}[]` as CsvType) : 'string[]';
  }
  if (arrays.length) return 'string'; // arrays mixed with scalars: written as JSON text
  return scalarType(present) ?? 'string';
}

// A text a spreadsheet would run as a formula (CSV injection, OWASP): = + - @, tab, CR first.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A field: text quoted (quotes doubled), arrays joined by the delimiter; empty means "no property".
 * Text that starts like a formula gets a leading apostrophe (OWASP's escape), so opening the
 * export in a spreadsheet never runs `=cmd|…`; such a value imports into Neo4j with the apostrophe.
 */
function field(v: PropValue | undefined, type: CsvType, delimiter: string): string {
  if (v === null || v === undefined) return '';
  const quote = (s: string) => `"${(FORMULA.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  if (type.endsWith('[]') && Array.isArray(v)) return v.length ? quote(v.map(String).join(delimiter)) : '';
  if (type === 'string') return quote(typeof v === 'string' ? v : JSON.stringify(v));
  return String(v);
}

/** The array delimiter for this graph: the first candidate that no array element contains. */
export function arrayDelimiter(data: GraphData): string {
  const elements = [...data.nodes, ...data.relationships].flatMap((x) => Object.values(x.properties).filter(Array.isArray).flat().map(String));
  const d = DELIMITERS.find((c) => elements.every((e) => !e.includes(c)));
  if (!d) throw new Error('no array delimiter is free: every candidate occurs inside an array element');
  return d;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

function table(header: string[], rows: string[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

function propColumns(items: { properties: Record<string, PropValue> }[]) {
  const keys = [...new Set(items.flatMap((x) => Object.keys(x.properties)))].sort();
  return keys.map((k) => ({ key: k, type: columnType(items.map((x) => x.properties[k])) }));
}

/**
 * neo4j-admin import CSV: one `nodes_<Labels>.csv` per label set (`id:ID`, `:LABEL`, typed
 * properties such as `years:int[]`), one `rels_<TYPE>.csv` per type (`:START_ID`, `:END_ID`,
 * `:TYPE`), and `import.sh` with the matching `neo4j-admin database import full` command.
 */
export function toCsvFiles(data: GraphData): ExportFile[] {
  const delimiter = arrayDelimiter(data);
  const files: ExportFile[] = [];
  for (const [labels, nodes] of groupBy(data.nodes, (n) => n.labels.join(';'))) {
    const cols = propColumns(nodes);
    const header = ['id:ID', ':LABEL', ...cols.map((c) => `${c.key}:${c.type}`)];
    const rows = nodes.map((n) => [field(n.id, 'string', delimiter), field([...n.labels, NODE_LABEL], 'string[]', delimiter), ...cols.map((c) => field(n.properties[c.key], c.type, delimiter))]);
    files.push({ name: `nodes_${safeName(labels)}.csv`, content: table(header, rows) });
  }
  for (const [type, rels] of groupBy(data.relationships, (r) => r.type)) {
    const cols = propColumns(rels);
    const header = [':START_ID', ':END_ID', ':TYPE', ...cols.map((c) => `${c.key}:${c.type}`)];
    const rows = rels.map((r) => [field(r.start, 'string', delimiter), field(r.end, 'string', delimiter), type, ...cols.map((c) => field(r.properties[c.key], c.type, delimiter))]);
    files.push({ name: `rels_${safeName(type)}.csv`, content: table(header, rows) });
  }
  const args = [
    ...files.filter((f) => f.name.startsWith('nodes_')).map((f) => `  --nodes="$DIR/${f.name}" \\`),
    ...files.filter((f) => f.name.startsWith('rels_')).map((f) => `  --relationships="$DIR/${f.name}" \\`),
  ];
  const script = [
    '#!/bin/sh',
    '# Loads this export into an empty, stopped Neo4j database (the default: neo4j), then start Neo4j;',
    '# the app (NEO4J_URI) adds its constraints and indexes on first connect.',
    'set -e',
    'DIR="$(cd "$(dirname "$0")" && pwd)"',
    'neo4j-admin database import full \\',
    `  --array-delimiter='${delimiter === '\u001f' ? '\\31' : delimiter}' \\`,
    '  --multiline-fields=true \\',
    '  --overwrite-destination=true \\',
    ...args,
    '  "${1:-neo4j}"',
    '',
  ].join('\n');
  files.push({ name: 'import.sh', content: script });
  return files;
}

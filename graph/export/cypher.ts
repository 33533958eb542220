import { chunks, groupBy } from '../batches';
import * as Q from '../cypher';
import type { GraphData, PropValue, Props } from '../model';

/**
 * A Cypher string literal for any JS string: backslash, quote and control characters escaped,
 * line and paragraph separators and lone surrogates as \uXXXX, everything else kept as UTF-8.
 */
export function cypherString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i] + s[i + 1]; // a valid surrogate pair: one astral character
      i++;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}'`;
}

/** A map key: bare when it is a plain identifier, otherwise backtick-quoted with backticks doubled. */
export function cypherKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``;
}

function literal(v: PropValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v).replace('e+', 'e'); // whole numbers print as Cypher integers, others as floats (0.87, 1e-7)
  }
  return `[${(v as (string | number)[]).map((x) => literal(x)).join(', ')}]`;
}

function mapLiteral(p: Props): string {
  const entries = Object.entries(p).filter(([, v]) => v !== null);
  return `{${entries.map(([k, v]) => `${cypherKey(k)}: ${literal(v)}`).join(', ')}}`;
}

// The store's own statements with the $rows parameter replaced by a list literal.
const withRows = (statement: string, rows: string[]) => statement.replace('UNWIND $rows AS row', `UNWIND [\n  ${rows.join(',\n  ')}\n] AS row`);

/**
 * A cypher-shell script (`cypher-shell -f graph.cypher`) that rebuilds the graph with the same
 * constraints, indexes and MERGE statements as the Neo4j store, values as escaped literals.
 */
export function toCypherScript(data: GraphData, rowsPerStatement = 200): string {
  const parts: string[] = ['// 数字政府 plan knowledge graph: cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f graph.cypher', ...Q.SCHEMA.map((s) => `${s};`)];
  for (const nodes of groupBy(data.nodes, (n) => n.labels.join(':')).values()) {
    for (const part of chunks(nodes, rowsPerStatement)) {
      const rows = part.map((n) => `{id: ${cypherString(n.id)}, props: ${mapLiteral(n.properties)}}`);
      parts.push(`${withRows(Q.mergeNodes(nodes[0].labels), rows)};`);
    }
  }
  for (const rels of groupBy(data.relationships, (r) => r.type).values()) {
    for (const part of chunks(rels, rowsPerStatement)) {
      const rows = part.map((r) => `{start: ${cypherString(r.start)}, end: ${cypherString(r.end)}, props: ${mapLiteral(r.properties)}}`);
      parts.push(`${withRows(Q.mergeRelationships(rels[0].type), rows)};`);
    }
  }
  return `${parts.join('\n')}\n`;
}

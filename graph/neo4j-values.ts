import neo4j from 'neo4j-driver';
import type { GraphNode, GraphRelationship, Props, RelType } from './model';
import { EMBEDDING_PROPERTY } from './cypher';
import { modelOrder, withNulls } from './validate';

/**
 * JS numbers travel as Cypher floats; whole numbers are sent as Cypher integers instead so that
 * years, line numbers and orders are integers for analysts (`2025 IN t.years`, `toInteger` free).
 */
function toCypher(v: Props[string]): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'number') {
    const nums = v as number[];
    return nums.every(Number.isSafeInteger) ? nums.map((x) => neo4j.int(x)) : nums; // a list is all-integer or all-float
  }
  return v;
}

/** Properties as parameters: nulls are dropped (Neo4j has no null property), numbers typed. */
export function propsParam(p: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null) out[k] = toCypher(v);
  return out;
}

function toJs(v: unknown): Props[string] {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map((x) => toJs(x)) as string[] | number[];
  return v as Props[string];
}

function plainProps(raw: unknown, drop: string[]): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) if (!drop.includes(k)) out[k] = toJs(v);
  return out;
}

/** A row of `id, labels, props` as a model node (store-only label and properties removed). */
export function nodeFrom(get: (key: string) => unknown): GraphNode {
  const labels = modelOrder((get('labels') as string[]) ?? []);
  return { id: get('id') as string, labels, properties: withNulls(labels, plainProps(get('props'), ['id', EMBEDDING_PROPERTY])) };
}

/** A row of `start, type, end, props` as a model relationship. */
export function relationshipFrom(get: (key: string) => unknown): GraphRelationship {
  return { start: get('start') as string, type: get('type') as RelType, end: get('end') as string, properties: plainProps(get('props'), []) };
}

/** Properties of a relationship returned in a column (e.g. `rel`). */
export function relProps(raw: unknown): Props {
  return plainProps(raw, []);
}

/** A whole number as a Cypher integer parameter (LIMIT, vector dimensions). */
export const int = (n: number) => neo4j.int(n);

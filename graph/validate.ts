import { createError } from '../core/errors';
import { relKey, type GraphData, type GraphNode, type GraphRelationship, type Label, type PropValue, type Props, type RelType, type Role } from './model';

/** The closed label set of graph/model.ts: the only strings ever placed in a Cypher label slot. */
export const LABELS: readonly Label[] = ['Plan', 'Task', 'Unit', 'Application', 'Section', 'Region', 'Domain', 'Target'];

/** The closed relationship-type set of graph/model.ts. */
export const REL_TYPES: readonly RelType[] = ['PART_OF', 'RESPONSIBLE_FOR', 'IMPLEMENTS', 'LISTS', 'SIMILAR_TO', 'IN_REGION', 'IN_DOMAIN', 'HAS_TARGET'];

/**
 * Node properties the model declares nullable. Neo4j cannot store a null, so every other null is
 * dropped on upsert by both stores, and these read back as null from both.
 */
export const NULLABLE_PROPS: Partial<Record<Label, readonly string[]>> = {
  Plan: ['issuer', 'docNumber', 'date', 'region', 'level', 'sourceFile'],
  Application: ['tier'],
};

const LABEL_SET = new Set<string>(LABELS);
const REL_SET = new Set<string>(REL_TYPES);

export function isLabel(s: unknown): s is Label {
  return typeof s === 'string' && LABEL_SET.has(s);
}

export function isRelType(s: unknown): s is RelType {
  return typeof s === 'string' && REL_SET.has(s);
}

/** True for the values a property may hold in both stores (Neo4j has no nested maps, no mixed lists). */
export function isPropValue(v: unknown): v is PropValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (!Array.isArray(v)) return false;
  return v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function bad(message: string, details: unknown): never {
  throw createError('BAD_REQUEST', message, { details });
}

function checkProps(owner: string, props: unknown, reserved: string[]): void {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) bad(`属性必须是对象 / properties of ${owner} must be an object`, { owner });
  for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
    if (reserved.includes(k)) bad(`属性名 ${k} 为保留字 / property "${k}" of ${owner} is reserved`, { owner, key: k });
    if (!isPropValue(v)) bad(`属性值无效 / property "${k}" of ${owner} is not a string, finite number, boolean, null or a list of one of them`, { owner, key: k });
  }
}

function checkNode(n: GraphNode): void {
  if (typeof n?.id !== 'string' || n.id === '') bad('节点缺少 id / node without a string id', { node: n?.id });
  if (!Array.isArray(n.labels) || n.labels.length === 0 || !n.labels.every(isLabel)) {
    bad(`节点标签无效 / node ${n.id} has labels outside ${LABELS.join(', ')}`, { id: n.id, labels: n.labels });
  }
  checkProps(`node ${n.id}`, n.properties, ['id']);
}

function checkRel(r: GraphRelationship): void {
  if (!isRelType(r?.type)) bad(`关系类型无效 / relationship type ${String(r?.type)} is not one of ${REL_TYPES.join(', ')}`, { type: r?.type });
  if (typeof r.start !== 'string' || typeof r.end !== 'string' || !r.start || !r.end) bad('关系端点无效 / relationship without start/end ids', { type: r.type });
  checkProps(`relationship ${relKey(r)}`, r.properties, []);
}

/**
 * Validates and de-duplicates a batch (the last node per id and the last relationship per
 * (start,type,end) win), so both stores apply exactly the same rows.
 */
export function normaliseBatch(batch: GraphData[]): GraphData {
  const nodes = new Map<string, GraphNode>();
  const rels = new Map<string, GraphRelationship>();
  for (const data of batch) {
    if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.relationships)) bad('图数据需要 nodes 与 relationships 数组 / graph data needs nodes and relationships arrays', {});
    for (const n of data.nodes) {
      checkNode(n);
      nodes.delete(n.id); // re-insert so the Map keeps last-write order
      nodes.set(n.id, { id: n.id, labels: modelOrder(n.labels), properties: withNulls(n.labels, n.properties) });
    }
    for (const r of data.relationships) {
      checkRel(r);
      const k = relKey(r);
      rels.delete(k);
      rels.set(k, { type: r.type, start: r.start, end: r.end, properties: withNulls([], r.properties) });
    }
  }
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

/** Labels de-duplicated in the model's order, so every store returns them alike. */
export function modelOrder(labels: readonly string[]): Label[] {
  return LABELS.filter((l) => labels.includes(l));
}

/** `props` without nulls, plus null for each nullable key of `labels` that is missing. */
export function withNulls(labels: readonly Label[], props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== null) out[k] = v;
  for (const l of labels) for (const k of NULLABLE_PROPS[l] ?? []) if (!(k in out)) out[k] = null;
  return out;
}

/** Endpoint ids of `data`'s relationships that are not nodes of `data` itself. */
export function externalEndpoints(data: GraphData): string[] {
  const own = new Set(data.nodes.map((n) => n.id));
  const out = new Set<string>();
  for (const r of data.relationships) {
    if (!own.has(r.start)) out.add(r.start);
    if (!own.has(r.end)) out.add(r.end);
  }
  return [...out].sort();
}

/** The error both stores raise when relationships point at nodes that exist nowhere. */
export function danglingError(missing: string[]): Error {
  const shown = missing.slice(0, 5).join(', ');
  return createError('BAD_REQUEST', `关系端点不存在 / relationship endpoints not found: ${shown}${missing.length > 5 ? ` (+${missing.length - 5})` : ''}`, {
    details: { missing },
  });
}

/** The role and order a RESPONSIBLE_FOR edge carries (defaults: "responsible", 0). */
export function roleOf(p: Props): { role: Role; order: number } {
  const role = p.role === 'lead' || p.role === 'co' || p.role === 'responsible' ? p.role : 'responsible';
  return { role, order: typeof p.order === 'number' ? p.order : 0 };
}

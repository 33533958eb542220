/**
 * Parameter validation for the HTTP API: every public input passes through here. The search
 * limits (question length, k, offset, depth, k at each depth) come from search/options.ts, the one
 * place they are written; the other request limits are the server's own.
 */
import { createError } from '../core/errors';
import { SEARCH_DEFAULTS } from '../search/options';
import type { SearchOptions } from '../search/types';

const S = SEARCH_DEFAULTS.limits;

export const LIMITS = {
  qMaxChars: S.queryMaxChars,
  kMin: S.kMin,
  kMax: S.kMax,
  kDefault: S.kDefault,
  offsetMax: S.offsetMax,
  depthMin: S.depthMin,
  depthMax: S.depthMax,
  depthDefault: S.depthDefault,
  // one search answer stays small (docs/API.md "Answer size"): k at each neighbourhood depth
  kMaxAtDepth: S.kMaxAtDepth,
  yearMin: 1900,
  yearMax: 2100,
  idMaxChars: 300,
  filterMaxChars: 100,
  listMax: 100,
  listDefault: 50,
  listOffsetMax: 100_000, // /api/units and /api/applications paging
  neighbourhoodMax: 500, // nodes in one /api/nodes/:id/neighbourhood answer
  neighbourhoodDefault: 200,
  sourceLinesMax: 300, // lines in one /api/source/:file answer
  sourceLinesDefault: 50,
} as const;

type Query = Record<string, unknown>;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** One value of a query/body parameter; repeated (`?k=1&k=2`) or nested values are refused. */
export function scalar(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') {
    throw createError('BAD_REQUEST', `参数 ${name} 只能有一个值 / parameter ${name} must be a single value`);
  }
  return v;
}

/** The question: trimmed, 1–LIMITS.qMaxChars characters (code points), no control characters. */
export function parseQuestion(raw: string | undefined): string {
  const q = (raw ?? '').normalize('NFC').trim();
  if (q === '') throw createError('QUERY_EMPTY');
  const chars = [...q].length;
  if (chars > LIMITS.qMaxChars) {
    throw createError('QUERY_TOO_LONG', `查询过长（${chars} 字，最多 ${LIMITS.qMaxChars}）/ query too long (${chars} > ${LIMITS.qMaxChars} characters)`);
  }
  if (CONTROL.test(q)) throw createError('BAD_REQUEST', '查询包含控制字符 / query contains control characters');
  return q;
}

/** An optional integer parameter within [min, max]. */
export function intParam(query: Query, name: string, min: number, max: number): number | undefined {
  const raw = scalar(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\s*-?\d{1,9}\s*$/.test(raw)) {
    throw createError('BAD_REQUEST', `参数 ${name} 须为整数 / parameter ${name} must be an integer`);
  }
  const n = Number(raw);
  if (n < min || n > max) {
    throw createError('BAD_REQUEST', `参数 ${name} 须在 ${min}–${max} 之间 / parameter ${name} must be between ${min} and ${max}`);
  }
  return n;
}

/** An optional short text parameter (an id or a filter); empty means absent. */
export function textParam(query: Query, name: string, maxChars: number = LIMITS.idMaxChars): string | undefined {
  const raw = scalar(query, name);
  if (raw === undefined) return undefined;
  const v = raw.trim();
  if (v === '') return undefined;
  if (v.length > maxChars) {
    throw createError('BAD_REQUEST', `参数 ${name} 过长（最多 ${maxChars}）/ parameter ${name} too long (max ${maxChars})`);
  }
  if (CONTROL.test(v)) throw createError('BAD_REQUEST', `参数 ${name} 包含控制字符 / parameter ${name} contains control characters`);
  return v;
}

/** A node id from the path (already percent-decoded by the router). */
export function nodeId(raw: unknown): string {
  const id = textParam({ id: raw }, 'id');
  if (id === undefined) throw createError('BAD_REQUEST', '缺少节点 id / missing node id');
  return id;
}

/** `q` and the search options of `GET /api/search` (or the JSON body of `POST /api/search`). */
export function parseSearch(query: Query): { q: string; options: SearchOptions } {
  const q = parseQuestion(scalar(query, 'q'));
  const depth = intParam(query, 'depth', LIMITS.depthMin, LIMITS.depthMax);
  const kMax = LIMITS.kMaxAtDepth[depth ?? LIMITS.depthDefault];
  const k = intParam(query, 'k', LIMITS.kMin, LIMITS.kMax);
  if (k !== undefined && k > kMax) {
    throw createError('BAD_REQUEST', `depth=${depth} 时 k 最多 ${kMax}（限制回答大小）/ k must be at most ${kMax} with depth=${depth} (answer size cap)`, { details: { k, depth } });
  }
  const options: SearchOptions = { k: k ?? Math.min(LIMITS.kDefault, kMax) };
  const plan = textParam(query, 'plan');
  const unit = textParam(query, 'unit');
  const application = textParam(query, 'application');
  const year = intParam(query, 'year', LIMITS.yearMin, LIMITS.yearMax);
  const offset = intParam(query, 'offset', 0, LIMITS.offsetMax);
  if (offset !== undefined) options.offset = offset;
  if (plan) options.plan = plan;
  if (unit) options.unit = unit;
  if (application) options.application = application;
  if (year !== undefined) options.year = year;
  if (depth !== undefined) options.depth = depth;
  return { q, options };
}

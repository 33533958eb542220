/**
 * The OpenAPI 3.1 document served at `/api/openapi.json`; test/server checks real responses
 * against these schemas, and the human-readable page at `/api` is rendered from it.
 */
import { DOMAINS } from '../analysis/domain-rules';
import { schemas } from './openapi-schemas';
import { LIMITS } from './validation';

interface Param {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: object;
  example?: unknown;
}

const ERR_TEXT: Record<number, string> = {
  400: 'Invalid parameter (BAD_REQUEST, QUERY_EMPTY, QUERY_TOO_LONG)',
  404: 'Not found (NOT_FOUND): no such node, source file, unit or endpoint',
  405: 'Method not allowed (METHOD_NOT_ALLOWED); the Allow header lists the methods',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  429: 'Rate limited (RATE_LIMITED)',
  503: 'Timed out or a dependency is down (TIMEOUT, STORE_UNAVAILABLE, INDEX_UNAVAILABLE)',
};

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } });

function op(summary: string, description: string, parameters: Param[], ok: string, errors: number[] = [400, 429, 503]) {
  const responses: Record<string, object> = { '200': { description: 'OK', content: json(ok) } };
  for (const s of errors) responses[String(s)] = { description: ERR_TEXT[s], content: json('Error') };
  return { summary, description, parameters, responses };
}

const idParam: Param = { name: 'id', in: 'path', required: true, description: 'Node id, percent-encoded (ids contain "/" and Chinese)', schema: { type: 'string', maxLength: LIMITS.idMaxChars }, example: 'unit:绍兴市/市大数据局' };
const filter = (name: string, description: string, example?: string): Param => ({ name, in: 'query', description, schema: { type: 'string', maxLength: LIMITS.idMaxChars }, ...(example ? { example } : {}) });
const depthParam = (description: string): Param => ({ name: 'depth', in: 'query', description: `${description}${LIMITS.depthMin}–${LIMITS.depthMax} (default ${LIMITS.depthDefault})`, schema: { type: 'integer', minimum: LIMITS.depthMin, maximum: LIMITS.depthMax } });
const listParams: Param[] = [
  { name: 'q', in: 'query', description: 'substring of the name or an alias', schema: { type: 'string', maxLength: LIMITS.filterMaxChars }, example: '大数据' },
  { name: 'limit', in: 'query', description: `at most this many items (1–${LIMITS.listMax}, default ${LIMITS.listDefault})`, schema: { type: 'integer', minimum: 1, maximum: LIMITS.listMax } },
  { name: 'offset', in: 'query', description: `skip this many items (paging; 0–${LIMITS.listOffsetMax}, default 0)`, schema: { type: 'integer', minimum: 0, maximum: LIMITS.listOffsetMax } },
];

const searchParams: Param[] = [
  { name: 'q', in: 'query', required: true, description: `question, 1–${LIMITS.qMaxChars} characters after trimming`, schema: { type: 'string', minLength: 1, maxLength: LIMITS.qMaxChars }, example: '老人看病、居家养老有哪些智能化手段' },
  { name: 'k', in: 'query', description: `number of results, ${LIMITS.kMin}–${LIMITS.kMax} (default ${LIMITS.kDefault})`, schema: { type: 'integer', minimum: LIMITS.kMin, maximum: LIMITS.kMax } },
  { name: 'offset', in: 'query', description: `skip this many ranked results (paging; 0–${LIMITS.offsetMax}, default 0)`, schema: { type: 'integer', minimum: 0, maximum: LIMITS.offsetMax } },
  filter('plan', 'only tasks of this Plan id'),
  filter('unit', 'only tasks this Unit id is responsible for'),
  filter('application', 'only tasks that name this Application id'),
  { name: 'year', in: 'query', description: 'only tasks mentioning this year', schema: { type: 'integer', minimum: LIMITS.yearMin, maximum: LIMITS.yearMax } },
  depthParam('neighbourhood depth of each result, '),
];

const analysisPaths = {
  '/api/analysis/domains': { get: op('Tasks per domain', 'Per plan, the number of its tasks in each government function (职能领域), and the domains in display order.', [], 'DomainDistribution', [429, 503]) },
  '/api/analysis/compare': {
    get: op('Compare plans', 'Plan by plan (provincial first), the tasks in a domain and/or mentioning every word of a topic, with their units and targets, and the SIMILAR_TO / IMPLEMENTS links between them. At least one of domain and topic is required; given both, a task must match both.', [
      { name: 'domain', in: 'query', description: `one of ${DOMAINS.join('、')}`, schema: { type: 'string', enum: [...DOMAINS] } },
      { name: 'topic', in: 'query', description: `words (split on spaces and 、，；) that must all occur in the task title or text, at most ${LIMITS.filterMaxChars} characters`, schema: { type: 'string', maxLength: LIMITS.filterMaxChars }, example: '网络安全' },
    ], 'PlanComparison'),
  },
  '/api/analysis/units/workload': {
    get: op('Unit workload', "A unit's tasks in every plan, led (牵头, or the only unit named) vs shared; matched by name, alias or unit type across regions (市大数据局 also finds 市政务数据办). 404 when no unit matches.", [
      { name: 'name', in: 'query', required: true, description: `unit name, at most ${LIMITS.filterMaxChars} characters`, schema: { type: 'string', minLength: 1, maxLength: LIMITS.filterMaxChars }, example: '市大数据局' },
    ], 'UnitWorkload', [400, 404, 429, 503]),
  },
  '/api/analysis/applications/shared': { get: op('Shared applications', 'Applications named by tasks (or listed) in two or more plans, most shared first.', [], 'SharedApplications', [429, 503]) },
  '/api/analysis/targets/by-year': { get: op('Targets by year', 'Quantified targets (metric, value, unit, comparator) grouped by deadline year, the undated last, each with the task or plan stating it.', [], 'TargetsByYear', [429, 503]) },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: '政府规划知识图谱 API / government plan knowledge graph',
      version: '1.0.0',
      description: 'Read-only JSON API over the plans graph and its hybrid Chinese search. Every error is {error:{code,message,retriable}}. No endpoint accepts Cypher or any query language.',
    },
    paths: {
      '/api/search': {
        get: op('Search tasks', 'Hybrid (dense + BM25 + graph) search over plan tasks, with highlights and each result\'s neighbourhood; `match` says whether the plans answer at all, `answers` what the graph answers directly (targets, a unit\'s tasks by role, the plan of a document number), `total` and `offset` page the results. Raw (unencoded) UTF-8 in the URL is accepted (answered as the percent-encoded request).', searchParams, 'SearchResponse', [400, 405, 429, 503]),
        post: {
          ...op('Search tasks (JSON body)', 'Same as GET with the parameters as a JSON object body.', [], 'SearchResponse', [400, 413, 429, 503]),
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { q: { type: 'string' }, k: { type: 'integer' } }, required: ['q'] } } } },
        },
      },
      '/api/nodes/{id}': { get: op('One node', 'A node; a Task also lists its responsible units (role, order) and the applications it names.', [idParam], 'NodeDetail', [400, 404, 429, 503]) },
      '/api/nodes/{id}/neighbourhood': {
        get: op('Neighbourhood', 'Breadth-first neighbourhood, both directions.', [
          idParam,
          { ...depthParam(''), example: 1 },
          { name: 'limit', in: 'query', description: `at most this many nodes (1–${LIMITS.neighbourhoodMax}, default ${LIMITS.neighbourhoodDefault})`, schema: { type: 'integer', minimum: 1, maximum: LIMITS.neighbourhoodMax } },
        ], 'GraphData', [400, 404, 429, 503]),
      },
      '/api/plans': { get: op('Plans', 'Every plan (and cited higher policy) with its task count.', [], 'PlanList', [429, 503]) },
      '/api/units': { get: op('Units', 'Responsible units whose name or alias contains q.', listParams, 'NodeList') },
      '/api/applications': { get: op('Applications', 'Applications whose name or alias contains q.', listParams, 'NodeList') },
      '/api/about': { get: op('About', 'Subtitle, example questions (built from the graph) and the request limits the page uses.', [], 'About', [429, 503]) },
      '/api/stats': { get: op('Statistics', 'Node counts per label, relationship counts per type, years mentioned, index sizes.', [], 'Stats', [429, 503]) },
      '/api/health': { get: op('Health', 'Store, index and embedder status; `note` says when no embedding model is active (503 when the store is down).', [], 'Health', [429, 503]) },
      '/api/source': { get: op('Source files', 'The plan files (any format ingest reads) that citations may open.', [], 'SourceFiles', [429]) },
      '/api/source/{file}': {
        get: op('Source lines', `Lines of a plan file as ingest decoded them (a citation: sourceFile, lineStart–lineEnd; PDF lines carry their page); at most ${LIMITS.sourceLinesMax} lines.`, [
          { name: 'file', in: 'path', required: true, description: 'a seed file name exactly as listed by /api/source', schema: { type: 'string' }, example: '000_4cb10dc33e04c09c.txt' },
          { name: 'from', in: 'query', description: 'first line, 1-based (default 1)', schema: { type: 'integer', minimum: 1 }, example: 40 },
          { name: 'to', in: 'query', description: `last line, inclusive (default from+${LIMITS.sourceLinesDefault - 1})`, schema: { type: 'integer', minimum: 1 }, example: 42 },
        ], 'SourceLines', [400, 404, 429]),
      },
      ...analysisPaths,
      '/api/openapi.json': { get: { summary: 'This document', parameters: [], responses: { '200': { description: 'OpenAPI 3.1 JSON', content: { 'application/json': { schema: { type: 'object', properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' }, components: { type: 'object' } }, required: ['openapi', 'info', 'paths', 'components'] } } } } } } },
      '/api': { get: { summary: 'This document, readable', description: 'The HTML rendering of this document (also at /docs/api).', parameters: [], responses: { '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } } } },
    },
    components: { schemas },
  };
}

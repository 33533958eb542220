/** JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every API response body. */
import { ERROR_CODES } from '../core/errors';
import { analysisSchemas } from './openapi-analysis-schemas';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const int = { type: 'integer' };
const str = { type: 'string' };
const arr = (items: object) => ({ type: 'array', items });
const obj = (properties: Record<string, object>, required: string[] = Object.keys(properties), extra: object = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

const LABELS = ['Plan', 'Task', 'Unit', 'Application', 'Section', 'Region', 'Domain', 'Target'];
const REL_TYPES = ['PART_OF', 'RESPONSIBLE_FOR', 'IMPLEMENTS', 'LISTS', 'SIMILAR_TO', 'IN_REGION', 'IN_DOMAIN', 'HAS_TARGET'];
const ROLE = { type: 'string', enum: ['lead', 'co', 'responsible'], description: 'lead 牵头, co 协同, responsible 责任' };

export const schemas: Record<string, object> = {
  Error: obj(
    { error: obj({ code: { type: 'string', enum: Object.keys(ERROR_CODES) }, message: str, retriable: { type: 'boolean' } }, undefined, { additionalProperties: false }) },
    undefined,
    { additionalProperties: false },
  ),
  PropValue: { type: ['string', 'number', 'boolean', 'null', 'array'], items: { type: ['string', 'number'] } },
  Node: obj({
    id: str,
    labels: arr({ type: 'string', enum: LABELS }),
    properties: { type: 'object', additionalProperties: ref('PropValue'), description: 'Task: sourceFile, path, title, text, lineStart, lineEnd (and tableLineStarts/tableLineEnds: the attachment task-table rows naming its units), years, planId…' },
  }),
  Relationship: obj({ type: { type: 'string', enum: REL_TYPES }, start: str, end: str, properties: { type: 'object', additionalProperties: ref('PropValue') } }),
  GraphData: obj({ nodes: arr(ref('Node')), relationships: arr(ref('Relationship')) }),
  Interpretation: obj({
    normalized: str,
    tokens: arr(str),
    entities: arr(obj({ type: { type: 'string', enum: ['unit', 'application', 'plan', 'region', 'year', 'role', 'deadline'] }, id: str, text: str, value: { type: ['string', 'number'] } }, ['type', 'text'])),
    mode: { type: 'string', enum: ['hybrid', 'keyword', 'graph+hybrid', 'graph+keyword'] },
    notes: arr(str),
    corrections: arr(obj({ from: str, to: str })),
    translations: arr(obj({ from: str, to: arr(str) })),
    expansion: obj({ table: arr(str), inVector: arr(str), bridged: arr(str) }),
    evidence: obj({
      linked: { type: 'boolean' },
      coverage: { type: 'number', minimum: 0, maximum: 1 },
      vocabulary: { type: 'number', minimum: 0, maximum: 1 },
      expansionHits: { type: 'integer', minimum: 0, description: 'expansion terms (table and bridge) the best results hold' },
      expansionWords: { type: 'integer', minimum: 0, description: "the question's words those terms explain: a table form counts once however many of its terms hit" },
      cosine: { type: ['number', 'null'] },
      chars: { type: 'integer', minimum: 0 },
      chinese: { type: 'boolean', description: 'the question holds Chinese characters' },
    }),
  }),
  SourceRef: obj({ file: { type: ['string', 'null'] }, lineStart: { type: ['integer', 'null'] }, lineEnd: { type: ['integer', 'null'] } }),
  Answer: {
    oneOf: [
      obj({
        type: { const: 'targets' },
        years: arr(int),
        total: int,
        items: arr(obj({
          id: str, metric: str, value: { type: ['number', 'null'] }, comparator: { type: ['string', 'null'] }, unit: { type: ['string', 'null'] }, year: { type: ['integer', 'null'] }, text: str,
          plan: { oneOf: [obj({ id: str, title: str }), { type: 'null' }] }, owner: str, source: ref('SourceRef'),
        })),
      }),
      obj({
        type: { const: 'unit' },
        unit: obj({ id: str, name: str, region: { type: ['string', 'null'] } }),
        total: int,
        byRole: obj({ lead: int, co: int, responsible: int }),
        leads: { ...int, description: 'tasks it leads: marked 牵头, or listed first where a task marks no lead (byRole counts the roles as printed)' },
        ledAs: { ...obj({ co: int, responsible: int }), description: 'of those it leads, the ones listed first where the task marks no lead, by the role printed' },
        tasks: arr(obj({ id: str, title: str, path: str, planId: str, role: ROLE, leads: { type: 'boolean' } })),
      }),
      obj({
        type: { const: 'plan' },
        plan: obj({ id: str, title: str, docNumber: { type: ['string', 'null'] }, issuer: { type: ['string', 'null'] }, date: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, cited: { type: 'boolean' }, sourceFile: { type: ['string', 'null'] } }),
        tasks: int,
        implementedBy: arr(obj({ id: str, title: str })),
      }),
      obj({
        type: { const: 'application' },
        application: obj({ id: str, name: str }),
        total: int,
        plans: arr(obj({ id: str, title: str, tasks: int })),
        units: arr(obj({ id: str, name: str, region: { type: ['string', 'null'] }, tasks: int, leads: int })),
      }),
      obj({
        type: { const: 'units' },
        role: { oneOf: [ROLE, { type: 'null' }] },
        plans: arr(str),
        regions: arr(str),
        total: int,
        items: arr(obj({ id: str, name: str, region: { type: ['string', 'null'] }, tasks: int, leads: int, co: int })),
      }),
      obj({
        type: { const: 'responsible' },
        tasks: { ...arr(obj({
          id: str, title: str, path: str, planId: str, source: ref('SourceRef'),
          units: arr(obj({ id: str, name: str, region: { type: ['string', 'null'] }, role: ROLE, leads: { type: 'boolean', description: 'leads it: marked 牵头, or listed first where the task marks no lead' } })),
        })), description: 'a question asking who does something and naming no unit or application (长江水质谁负责), beside a strong match: the best-ranked task and those of the next two on its topic, with their units' },
      }),
      obj({
        type: { const: 'plans' },
        total: int,
        items: arr(obj({ id: str, title: str, docNumber: { type: ['string', 'null'] }, date: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, tasks: int })),
      }),
      obj({
        type: { const: 'applications' },
        kind: { ...str, description: 'the kind listed: the kind asked, as written (应用, 平台, 系统, app, 小程序 …), or 应用 where no application is of it' },
        unnamed: { ...str, description: 'present when no application in scope is named as asked (平台, 系统): the kind asked, the card listing the 应用' },
        regions: arr(str),
        plans: arr(str),
        total: int,
        items: arr(obj({ id: str, name: str, tasks: int, plans: arr(obj({ id: str, title: str })) })),
      }),
      obj({
        type: { const: 'deadlines' },
        by: obj({ year: { type: ['integer', 'null'], description: 'null: no year asked (any year)' }, month: { type: ['integer', 'null'], description: 'null: asked for the tasks with no date' }, exact: { type: 'boolean', description: 'true: due exactly then (完成时限是…), false: by then (…前)' }, ongoing: { type: 'boolean', description: 'asked for the tasks whose deadline is no date (持续推进)' }, text: str }),
        total: int,
        items: arr(obj({ id: str, title: str, path: str, planId: str, due: { ...str, description: 'the due date in the window, as plans write it (2025年6月底)' }, deadline: { type: ['string', 'null'], description: 'the task\'s deadline field as printed (完成时限)' }, source: ref('SourceRef') })),
      }),
    ],
  },
  Highlight: obj({ field: { type: 'string', enum: ['title', 'text'] }, start: int, end: int }),
  SearchResult: obj({
    node: ref('Node'),
    score: { type: 'number' },
    why: { type: 'object', additionalProperties: { type: ['integer', 'null'] }, description: 'per-signal rank (1-based), null when absent' },
    highlights: arr(ref('Highlight')),
    neighbourhood: ref('GraphData'),
  }),
  SearchResponse: obj({
    query: str,
    took_ms: { type: 'number', minimum: 0 },
    match: { type: 'string', enum: ['strong', 'weak', 'none'], description: 'none: the plans have nothing on this (results empty, nearest topics offered)' },
    total: { type: 'integer', minimum: 0, description: 'matching tasks; results is the page offset..offset+k (a question for the tasks of a year, region or plan alone: exactly those, in the plans\' order)' },
    offset: { type: 'integer', minimum: 0 },
    k: { type: 'integer', minimum: 1 },
    interpretation: ref('Interpretation'),
    answers: arr(ref('Answer')),
    nearest: arr(obj({ text: str, taskId: str, planId: str })),
    results: arr(ref('SearchResult')),
  }),
  About: obj({
    title: str,
    subtitle: str,
    examples: arr(str),
    plans: int,
    regions: arr(str),
    limits: obj({ queryMaxChars: int, kMax: int, kDefault: int, offsetMax: int }),
  }),
  TaskUnit: obj({ unit: ref('Node'), role: ROLE, order: int }),
  NodeDetail: obj({ node: ref('Node'), units: arr(ref('TaskUnit')), applications: arr(ref('Node')) }, ['node']),
  PlanList: obj({ plans: arr(obj({ node: ref('Node'), tasks: { type: 'integer', minimum: 0 } })) }),
  NodeList: obj({ total: { type: 'integer', minimum: 0 }, offset: { type: 'integer', minimum: 0 }, items: arr(ref('Node')) }),
  EmbedderStatus: obj(
    {
      active: { type: 'boolean' },
      name: str,
      model: { type: ['string', 'null'] },
      source: { enum: ['npm-tarball', 'local-dir', 'hub', null] },
      reason: str,
      health: obj({ state: { type: 'string', enum: ['up', 'restarting', 'closed'] }, reason: str, restarts: int }, ['state', 'restarts']),
    },
    ['active', 'name', 'model', 'source'],
  ),
  SearchStatus: obj({ embedder: ref('EmbedderStatus'), vectors: int, keywordDocs: int }),
  Stats: obj({
    nodes: { type: 'object', additionalProperties: int },
    relationships: { type: 'object', additionalProperties: int },
    years: arr(int),
    index: ref('SearchStatus'),
  }),
  Health: obj(
    {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      reasons: { ...arr(str), description: 'why it is degraded (empty when ok)' },
      store: obj({ description: str, ok: { type: 'boolean' }, nodes: int, error: str }, ['description', 'ok', 'nodes']),
      index: obj({ vectors: int, keywordDocs: int }),
      embedder: ref('EmbedderStatus'),
      note: { type: 'string', description: 'present when no embedding model is active' },
    },
    ['status', 'reasons', 'store', 'index', 'embedder'],
  ),
  SourceFiles: obj({ files: arr(str) }),
  SourceLines: obj(
    { file: str, from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 }, totalLines: int, lines: arr(obj({ n: int, text: str, page: int }, ['n', 'text'])) },
    undefined,
    { additionalProperties: false },
  ),
  ...analysisSchemas,
};

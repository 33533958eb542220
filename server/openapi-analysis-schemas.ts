/**
 * JSON Schemas (2020-12) of the analysis responses (`/api/analysis/*`, built by analysis/views.ts).
 * Objects are closed (`additionalProperties: false`): views.ts builds every one field by field.
 */
import { DOMAINS } from '../analysis/domain-rules';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const count = { type: 'integer', minimum: 0 };
const arr = (items: object) => ({ type: 'array', items });
const closed = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const DOMAIN = { type: 'string', enum: [...DOMAINS], description: '职能领域 government function' };
const DOMAIN_OR_NULL = { enum: [...DOMAINS, null] };
const ROLE = { type: 'string', enum: ['lead', 'co', 'responsible'], description: 'lead 牵头, co 协同, responsible 责任' };

/** The plan fields every analysis row repeats (views.ts `planRef`), spread into closed objects. */
const planRef = {
  planId: str,
  title: str,
  region: { type: ['string', 'null'] },
  level: { enum: ['province', 'city', null] },
};

/** A Target node's properties (analysis/targets.ts); `year` is absent when the text names none. */
const targetFields = {
  id: str,
  metric: str,
  value: { type: 'number' },
  unit: { type: 'string', description: 'as printed: %, 个, 万, 亿元…' },
  comparator: { type: 'string', enum: ['≥', '>', '≤', '=', '≈'] },
  year: { type: ['integer', 'null'], description: 'deadline year; absent when none is stated' },
  text: { type: 'string', description: 'the clause the target was read from' },
  source: { type: 'string', enum: ['goal', 'task'], description: "goal: the plan's 主要目标 paragraph; task: a task's text" },
  owner: { type: 'string', description: 'id of the Plan or Task that states it' },
  lineStart: { type: 'integer', minimum: 1, description: "a goal's first source line (its paragraph of the plan's 主要目标); a task's target cites the task's lines" },
  lineEnd: { type: 'integer', minimum: 1, description: "a goal's last source line" },
};
const targetRequired = Object.keys(targetFields).filter((k) => !['year', 'lineStart', 'lineEnd'].includes(k));

export const analysisSchemas: Record<string, object> = {
  AnalysisPlanRef: closed(planRef),
  AnalysisTarget: closed(targetFields, targetRequired),
  DomainDistribution: closed({
    domains: { ...arr(DOMAIN), description: 'every domain, in display order' },
    plans: arr(
      closed({
        planId: str,
        title: str,
        total: count,
        counts: closed(Object.fromEntries(DOMAINS.map((d) => [d, count]))),
      }),
    ),
  }),
  PlanComparison: closed({
    query: closed({ domain: DOMAIN_OR_NULL, topic: { type: ['string', 'null'] } }),
    plans: arr(
      closed({
        ...planRef,
        count,
        tasks: arr(
          closed({
            id: str,
            path: str,
            title: str,
            domain: DOMAIN_OR_NULL,
            units: arr(closed({ name: str, role: ROLE })),
            targets: arr(ref('AnalysisTarget')),
          }),
        ),
      }),
    ),
    links: {
      ...arr(closed({ type: { type: 'string', enum: ['SIMILAR_TO', 'IMPLEMENTS'] }, start: str, end: str, score: { type: ['number', 'null'] } })),
      description: 'SIMILAR_TO / task-level IMPLEMENTS edges between the selected tasks',
    },
  }),
  UnitWorkload: closed({
    query: str,
    unitType: { type: 'string', description: 'the name reduced to its unit type ("市大数据局" → "数据局"), matched across regions' },
    units: arr(
      closed({
        unit: closed({ id: str, name: str, region: { type: ['string', 'null'] } }),
        led: count,
        shared: count,
        plans: arr(
          closed({
            ...planRef,
            led: count,
            shared: count,
            tasks: arr(closed({ id: str, path: str, title: str, role: ROLE, led: { type: 'boolean' }, domain: DOMAIN_OR_NULL, planId: str })),
          }),
        ),
      }),
    ),
  }),
  SharedApplications: closed({
    total: count,
    items: arr(
      closed({
        id: str,
        name: str,
        planCount: { type: 'integer', minimum: 2 },
        plans: arr(closed({ ...planRef, tasks: { ...arr(str), description: 'ids of the tasks naming it (empty when only listed by the plan)' } })),
      }),
    ),
  }),
  TargetsByYear: closed({
    total: count,
    years: arr(
      closed({
        year: { type: ['integer', 'null'], description: 'null: no deadline stated (last)' },
        count: { type: 'integer', minimum: 1 },
        targets: arr(
          closed(
            {
              ...targetFields,
              ownerId: str,
              ownerTitle: { type: ['string', 'null'] },
              ownerKind: { type: 'string', enum: ['plan', 'task'] },
              plan: ref('AnalysisPlanRef'),
            },
            [...targetRequired, 'ownerId', 'ownerTitle', 'ownerKind', 'plan'],
          ),
        ),
      }),
    ),
  }),
};

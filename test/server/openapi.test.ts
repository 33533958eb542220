/**
 * The OpenAPI 3.1 document against real responses: every operation is called on the real graph
 * and each body is validated (ajv, JSON Schema 2020-12) against the schema declared for its status.
 */
import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { createApp } from '../../server/app';
import { closePipeline, realDeps, realPipeline, someTaskWithUnits } from './helpers';

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };
interface Layer { rawPath?: unknown; route?: { path: string | string[]; methods: Record<string, boolean> }; handle: { stack?: Layer[] } }

let app: ReturnType<typeof createApp>;
let doc: Doc;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** A response schema (for the answer's media type) with the components inlined as $defs, compiled once. */
function validatorFor(path: string, method: string, status: number, mediaType: string) {
  const key = `${method} ${path} ${status} ${mediaType}`;
  if (!validators.has(key)) {
    const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.[mediaType]?.schema;
    if (!schema) throw new Error(`${key}: status not declared in the OpenAPI document`);
    const rewrite = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replaceAll('#/components/schemas/', '#/$defs/'));
    validators.set(key, ajv.compile({ ...(rewrite(schema) as object), $defs: rewrite(doc.components.schemas) as object }));
  }
  return validators.get(key)!;
}

const seen = new Set<string>();
async function check(method: 'get' | 'post', path: string, url: string, status: number, body?: object) {
  const req = method === 'get' ? request(app).get(url) : request(app).post(url).send(body);
  const res = await req;
  expect({ url, status: res.status }).toEqual({ url, status });
  const mediaType = String(res.headers['content-type']).split(';')[0];
  const validate = validatorFor(path, method, status, mediaType);
  const answer = mediaType === 'application/json' ? res.body : res.text;
  if (!validate(answer)) throw new Error(`${method.toUpperCase()} ${url} → ${status}: ${ajv.errorsText(validate.errors)}`);
  seen.add(`${method} ${path}`);
  return res;
}

/** Every `method path` the app routes under /api, read from express's router stack (`:id` → `{id}`). */
function servedApiRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const paths = [layer.route?.path ?? layer.rawPath].flat().filter((p): p is string => typeof p === 'string');
    return paths.flatMap((p) => {
      const full = (prefix + (p === '/' ? '' : p)).replace(/\/$/, '') || '/';
      if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m} ${full.replace(/:(\w+)/g, '{$1}')}`);
      return layer.handle.stack ? servedApiRoutes(layer.handle.stack, full === '/' ? '' : full) : [];
    });
  }).filter((r) => / \/api(\/|$)/.test(r));
}

const documentedOperations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();

beforeAll(async () => {
  app = createApp(await realDeps());
  doc = (await request(app).get('/api/openapi.json').expect(200)).body;
});
afterAll(closePipeline);

test('the document is OpenAPI 3.1 and its schemas compile', () => {
  expect(doc.openapi).toBe('3.1.0');
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  for (const name of Object.keys(defs)) expect(() => ajv.compile({ $ref: `#/$defs/${name}`, $defs: defs })).not.toThrow();
});

test('every documented operation answers as documented on the real graph', async () => {
  const p = await realPipeline();
  const task = encodeURIComponent(await someTaskWithUnits(p));
  const unit = encodeURIComponent((await p.store.nodesByLabel('Unit'))[0].id);
  const q = encodeURIComponent('老人看病、居家养老有哪些智能化手段');
  await check('get', '/api/search', `/api/search?q=${q}&k=5&depth=2`, 200);
  await check('get', '/api/search', '/api/search?q=', 400);
  await check('get', '/api/search', `/api/search?q=${q}&k=99`, 400);
  await check('post', '/api/search', '/api/search', 200, { q: '数据共享', k: 3 });
  // every kind of answer, a none match, paging and a wrong method, each against the schema
  const enc = encodeURIComponent;
  const target = (await check('get', '/api/search', `/api/search?q=${enc('2025年要达到什么目标')}`, 200)).body;
  expect(target.answers.map((a: { type: string }) => a.type)).toContain('targets');
  const unitQ = (await check('get', '/api/search', `/api/search?q=${enc('绍兴市大数据局负责哪些任务')}`, 200)).body;
  const unitAnswer = unitQ.answers.find((a: { type: string }) => a.type === 'unit');
  expect(unitAnswer.unit.region).toBe('绍兴市');
  expect(unitAnswer.byRole.lead + unitAnswer.byRole.co + unitAnswer.byRole.responsible).toBe(unitAnswer.total);
  expect(unitAnswer.total).toBeGreaterThan(0);
  const docQ = (await check('get', '/api/search', `/api/search?q=${enc('嘉政发〔2022〕18号')}`, 200)).body;
  expect(docQ.answers[0]).toMatchObject({ type: 'plan', plan: { docNumber: '嘉政发〔2022〕18号' } });
  const dueQ = (await check('get', '/api/search', `/api/search?q=${enc('2025年底前要完成哪些工作')}`, 200)).body;
  expect(dueQ.answers.find((a: { type: string }) => a.type === 'deadlines')).toMatchObject({ by: { year: 2025, month: 12, exact: false } });
  const none = (await check('get', '/api/search', `/api/search?q=${enc('红烧肉怎么做才好吃')}`, 200)).body;
  expect(none).toMatchObject({ match: 'none', total: 0, results: [] });
  expect(none.nearest.length).toBeGreaterThan(0);
  const page2 = (await check('get', '/api/search', `/api/search?q=${q}&k=5&offset=5`, 200)).body;
  expect(page2).toMatchObject({ offset: 5, k: 5 });
  await check('get', '/api/search', `/api/search?q=${q}&offset=-1`, 400);
  const wrong = await request(app).delete('/api/search?q=x');
  expect({ status: wrong.status, allow: wrong.headers.allow, code: wrong.body.error?.code }).toEqual({ status: 405, allow: 'GET, HEAD, POST', code: 'METHOD_NOT_ALLOWED' });
  expect(validatorFor('/api/search', 'get', 405, 'application/json')(wrong.body)).toBe(true);
  await check('get', '/api/about', '/api/about', 200);
  await check('post', '/api/search', '/api/search', 400, { q: ['数据', '共享'] });
  await check('get', '/api/nodes/{id}', `/api/nodes/${task}`, 200);
  await check('get', '/api/nodes/{id}', `/api/nodes/${unit}`, 200);
  await check('get', '/api/nodes/{id}', '/api/nodes/nope', 404);
  await check('get', '/api/nodes/{id}/neighbourhood', `/api/nodes/${task}/neighbourhood?depth=2`, 200);
  await check('get', '/api/nodes/{id}/neighbourhood', `/api/nodes/${task}/neighbourhood?depth=9`, 400);
  await check('get', '/api/nodes/{id}/neighbourhood', '/api/nodes/nope/neighbourhood', 404);
  await check('get', '/api/plans', '/api/plans', 200);
  await check('get', '/api/units', `/api/units?q=${encodeURIComponent('市')}`, 200);
  await check('get', '/api/units', '/api/units?limit=0', 400);
  const apps = (await check('get', '/api/applications', '/api/applications?limit=5', 200)).body;
  const next = (await check('get', '/api/applications', '/api/applications?limit=5&offset=5', 200)).body;
  expect(next.offset).toBe(5);
  expect(next.items.map((n: { id: string }) => n.id)).not.toContain(apps.items[0].id);
  expect(next.total).toBe(apps.total);
  await check('get', '/api/stats', '/api/stats', 200);
  await check('get', '/api/health', '/api/health', 200);
  await check('get', '/api/source', '/api/source', 200);
  await check('get', '/api/source/{file}', '/api/source/000_4cb10dc33e04c09c.txt?from=40&to=42', 200);
  await check('get', '/api/source/{file}', '/api/source/..%2Fpackage.json', 404);
  await check('get', '/api/source/{file}', '/api/source/000_4cb10dc33e04c09c.txt?from=5&to=1', 400);
  await check('get', '/api/openapi.json', '/api/openapi.json', 200);
  await check('get', '/api', '/api', 200);
});

test('every analysis operation answers as documented, bad parameters are 400 with a clear message', async () => {
  const get = (path: string, query: string, status: number) => check('get', path, `${path}${query}`, status);
  const enc = encodeURIComponent;
  const domains = await get('/api/analysis/domains', '', 200);
  expect(domains.body.plans.length).toBeGreaterThanOrEqual(5);
  const compare = '/api/analysis/compare';
  expect((await get(compare, `?domain=${enc('市场监管')}`, 200)).body.plans.some((p: { count: number }) => p.count > 0)).toBe(true);
  expect((await get(compare, `?topic=${enc('网络安全')}`, 200)).body.links.length).toBeGreaterThan(0);
  await get(compare, `?domain=${enc('公共服务')}&topic=${enc('数据 共享')}`, 200);
  const bad = async (path: string, query: string, message: RegExp, status = 400) => {
    const res = await get(path, query, status);
    expect(res.body.error.message).toMatch(message);
  };
  await bad(compare, '', /domain 或 topic/);
  await bad(compare, `?topic=${enc('  ')}`, /domain 或 topic/);
  await bad(compare, `?domain=${enc('不存在')}`, /未知职能领域.*unknown domain/);
  await bad(compare, `?topic=${enc('网'.repeat(101))}`, /topic 过长/);
  await bad(compare, `?topic=${enc('网络')}&topic=${enc('安全')}`, /topic 只能有一个值/);
  await bad(compare, `?topic=a%01b`, /控制字符/);
  const workload = '/api/analysis/units/workload';
  expect((await get(workload, `?name=${enc('市大数据局')}`, 200)).body.units.length).toBeGreaterThan(1);
  // a region-qualified name narrows to that region's unit
  const qualified = (await get(workload, `?name=${enc('金华市大数据局')}`, 200)).body.units;
  expect(qualified.map((u: { unit: { region: string } }) => u.unit.region)).toEqual(['金华市']);
  await bad(workload, '', /需要 name/);
  await bad(workload, `?name=${enc('局'.repeat(101))}`, /name 过长/);
  await bad(workload, `?name=a&name=b`, /name 只能有一个值/);
  await bad(workload, `?name=${enc('市不存在局')}`, /未找到单位/, 404);
  expect((await get('/api/analysis/applications/shared', '', 200)).body.total).toBeGreaterThan(0);
  const targets = await get('/api/analysis/targets/by-year', '', 200);
  expect(targets.body.years.at(-1).year).toBeNull(); // the undated group exists and comes last
});

test('every documented operation was exercised above', () => {
  expect([...seen].sort()).toEqual(documentedOperations());
});

test('every route the app serves under /api is documented, and every documented one is served', () => {
  const served = [...new Set(servedApiRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack))].sort();
  expect(served).toContain('get /api/analysis/compare'); // the walk sees routers mounted at / too
  expect(served).toEqual(documentedOperations());
});

test('the human-readable API page lists every path, escaped', async () => {
  const page = await request(app).get('/api').expect(200).expect('content-type', /html/);
  for (const path of Object.keys(doc.paths)) expect(page.text).toContain(`<code>${path}</code>`);
  expect(page.text).toContain('curl -s');
  expect(page.text).toContain('→ <code>PlanComparison</code>'); // each answer names its schema
  expect(page.text).toContain("curl -s &#39;http://127.0.0.1:3000/api/analysis/units/workload?name=%E5%B8%82%E5%A4%A7%E6%95%B0%E6%8D%AE%E5%B1%80&#39;");
  await request(app).get('/docs/api').expect(200).expect('content-type', /html/);
});

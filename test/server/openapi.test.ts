/**
 * The OpenAPI 3.1 document against real responses: every operation is called on the real graph
 * and each body is validated (ajv, JSON Schema 2020-12) against the schema declared for its status.
 */
import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { createApp } from '../../server/app';
import { closePipeline, realDeps, realPipeline, someTaskWithUnits } from './helpers';

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };

let app: ReturnType<typeof createApp>;
let doc: Doc;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** A response schema with the components inlined as $defs (refs rewritten), compiled once. */
function validatorFor(path: string, method: string, status: number) {
  const key = `${method} ${path} ${status}`;
  if (!validators.has(key)) {
    const schema = doc.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema;
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
  const validate = validatorFor(path, method, status);
  if (!validate(res.body)) throw new Error(`${method.toUpperCase()} ${url} → ${status}: ${ajv.errorsText(validate.errors)}`);
  seen.add(`${method} ${path}`);
}

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
  await check('get', '/api/applications', '/api/applications', 200);
  await check('get', '/api/stats', '/api/stats', 200);
  await check('get', '/api/health', '/api/health', 200);
  await check('get', '/api/source', '/api/source', 200);
  await check('get', '/api/source/{file}', '/api/source/000_4cb10dc33e04c09c.txt?from=40&to=42', 200);
  await check('get', '/api/source/{file}', '/api/source/..%2Fpackage.json', 404);
  await check('get', '/api/source/{file}', '/api/source/000_4cb10dc33e04c09c.txt?from=5&to=1', 400);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).filter((k) => k !== 'get /api/openapi.json');
  expect([...seen].sort()).toEqual(documented.sort());
});

test('the human-readable API page lists every path, escaped', async () => {
  const page = await request(app).get('/api').expect(200).expect('content-type', /html/);
  for (const path of Object.keys(doc.paths)) expect(page.text).toContain(`<code>${path}</code>`);
  expect(page.text).toContain('curl -s');
  await request(app).get('/docs/api').expect(200).expect('content-type', /html/);
});

/**
 * Fuzz over a real port with raw HTTP: random and malformed requests (bad UTF-8 bytes, broken
 * percent-encoding, huge q, arrays for scalars, traversal in ids and file names, odd methods and
 * bodies) must only ever get 2xx/4xx answers, and the server must keep answering afterwards.
 */
import net from 'node:net';
import fc from 'fast-check';
import { createApp } from '../../server/app';
import { closePipeline, listen, realDeps, type Listening } from './helpers';

const RUNS = Number(process.env.KG_FUZZ_RUNS || 2500);
let srv: Listening;

beforeAll(async () => {
  srv = await listen(createApp(await realDeps({ rateLimitPerMinute: 1_000_000 })));
});
afterAll(async () => {
  await srv.close();
  await closePipeline();
});

/** Sends raw bytes, resolves with the status code of the answer (0 when none came back). */
function raw(port: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let head = '';
    sock.setTimeout(15_000, () => sock.destroy());
    sock.on('connect', () => sock.write(bytes)); // no half-close: like curl and browsers, wait for the answer
    sock.on('data', (d) => { if (head.length < 64) head += d.toString('latin1'); });
    sock.on('error', () => {}); // a reset after the answer is fine; no answer is what we check
    sock.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve(m ? Number(m[1]) : 0);
    });
  });
}

const b = (s: string) => Buffer.from(s, 'utf8');
const piece = fc.oneof(
  fc.constantFrom('数据', '市大数据局', '浙里办', '..', '../', '..%2F', '%2e%2e%2f', '%00', '%E4%B8', '%', '%%', '%C0%AF', '%FF', '%EF%BF%BD', '\u0000', '<script>', "' OR 1=1", 'MATCH (n) DETACH DELETE n', '[]', '{}', '=', '&', '#', '?', '+', '%20', '~', '\\'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer({ min: -5, max: 80 }).map(String),
);
// raw bytes in the target, including invalid UTF-8 (0x80–0xFF alone) and controls
const rawBytes = fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => Buffer.from(a));
// mostly well-encoded pieces (to reach the routes), some raw and broken ones (to hit the guards)
const segment = fc.oneof(
  { arbitrary: piece.map((s) => b(encodeURIComponent(s))), weight: 6 },
  { arbitrary: piece.map(b), weight: 1 },
  { arbitrary: rawBytes, weight: 1 },
  { arbitrary: fc.constant(b('x'.repeat(5000))), weight: 1 },
);
const base = fc.constantFrom(
  '/api/search', '/api/nodes/', '/api/nodes/plan%3A%E5%98%89%E6%94%BF%E5%8F%91%E3%80%942022%E3%80%9518%E5%8F%B7%2F12/neighbourhood', '/api/nodes/',
  '/api/source/', '/api/source/000_4cb10dc33e04c09c.txt', '/api/units', '/api/applications', '/api/plans', '/api/stats', '/api/health',
  '/api/openapi.json', '/api', '/', '/js/', '/vendor/cytoscape/', '/api/analysis/compare', '/api/analysis/units/workload', '/static/../../',
);
const key = fc.oneof(fc.constantFrom('q', 'k', 'depth', 'plan', 'unit', 'application', 'year', 'from', 'to', 'limit', 'q[]', 'q[a]', 'k[]', 'name', 'domain', 'topic', '__proto__', 'constructor'), piece);
const value = fc.oneof(segment, fc.constant(b('数'.repeat(201))), fc.constant(b('%E6%95%B0'.repeat(300))), fc.integer().map((n) => b(String(n))));
const query = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) =>
  pairs.length ? Buffer.concat([b('?'), ...pairs.flatMap(([k, v], i) => [b(i ? '&' : ''), b(encodeURIComponent(k)), b('='), v])]) : b(''),
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
const body = fc.oneof(
  fc.constant(b('')),
  fc.jsonValue().map((j) => b(JSON.stringify(j) ?? '')),
  fc.record({ q: fc.oneof(fc.string(), fc.array(fc.string()), fc.integer()), k: fc.oneof(fc.integer(), fc.string()) }).map((o) => b(JSON.stringify(o))),
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  fc.constant(b(`{"q":"${'数'.repeat(20000)}"}`)),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1');

const request = fc.record({ method, base, segs: fc.array(segment, { maxLength: 3 }), query, body, contentType }).map((r) => {
  const target = Buffer.concat([b(r.base), ...r.segs.flatMap((s, i) => (i ? [b('/'), s] : [s])), r.query]);
  const withBody = r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH';
  const head = `Host: 127.0.0.1\r\nConnection: close\r\n${withBody ? `Content-Type: ${r.contentType}\r\nContent-Length: ${r.body.length}\r\n` : ''}\r\n`;
  return Buffer.concat([b(`${r.method} `), target, b(' HTTP/1.1\r\n'), b(head), withBody ? r.body : b('')]);
});

test(`${RUNS} random and malformed requests over a real port get only 2xx/4xx`, async () => {
  const statuses = new Map<number, number>();
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(request, async (bytes) => {
      const status = await raw(srv.port, bytes);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!(status >= 200 && status < 500)) throw new Error(`status ${status} for ${JSON.stringify(bytes.toString('latin1').slice(0, 300))}`);
    }),
    { numRuns: RUNS, seed: Number(process.env.KG_FUZZ_SEED || Date.now() % 2 ** 31) },
  );
  const ms = performance.now() - started;
  console.log(`fuzz: ${RUNS} requests in ${Math.round(ms)} ms (${(ms / RUNS).toFixed(2)} ms each); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  // after all of that the server still answers a real question
  const ok = await fetch(`${srv.url}/api/search?q=${encodeURIComponent('居家养老')}`);
  expect(ok.status).toBe(200);
  expect((await ok.json()).results.length).toBeGreaterThan(0);
}, 300_000);

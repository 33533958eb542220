/**
 * Issue 13's serving limits on the real app: HSTS only over TLS and only when set, the Host
 * allowlist, `trust proxy` for the rate-limit key, bounded search answers (k per depth, the byte
 * cap), a send deadline for clients that never read, CSV formula cells and CLI control characters.
 */
import net from 'node:net';
import request from 'supertest';
import { toCsvFiles } from '../../graph/export/csv';
import { terminalSafe } from '../../cli/terminal-text';
import { createApp } from '../../server/app';
import { closePipeline, listen, realDeps } from './helpers';

afterAll(closePipeline);

test('HSTS: never over plain HTTP; with KG_HSTS only for TLS requests (X-Forwarded-Proto from a trusted proxy)', async () => {
  const off = createApp(await realDeps());
  expect((await request(off).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  const on = createApp(await realDeps({ hsts: true, trustProxy: 'loopback' }));
  expect((await request(on).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  const tls = await request(on).get('/api/health').set('X-Forwarded-Proto', 'https');
  expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  // without trusting the proxy, a client's own X-Forwarded-Proto does not count
  const untrusted = createApp(await realDeps({ hsts: true }));
  expect((await request(untrusted).get('/api/health').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toBeUndefined();
});

test('Host allowlist: other Host headers get 421 HOST_NOT_ALLOWED (JSON); unset accepts any', async () => {
  const app = createApp(await realDeps({ allowedHosts: ['kg.intranet.example', '127.0.0.1'] }));
  await request(app).get('/api/health').set('Host', 'kg.intranet.example:3000').expect(200);
  const bad = await request(app).get('/api/health').set('Host', 'evil.example').expect(421);
  expect(bad.body.error.code).toBe('HOST_NOT_ALLOWED');
  await request(app).get('/').set('Host', 'rebind.evil.example').expect(421);
  await request(createApp(await realDeps())).get('/api/health').set('Host', 'anything.example').expect(200);
});

test('trust proxy: behind a trusted proxy each client (X-Forwarded-For) has its own rate limit; otherwise the header is ignored', async () => {
  const proxied = createApp(await realDeps({ rateLimitPerMinute: 2, trustProxy: '1' }));
  for (let i = 0; i < 2; i++) await request(proxied).get('/api/health').set('X-Forwarded-For', '10.0.0.1').expect(200);
  await request(proxied).get('/api/health').set('X-Forwarded-For', '10.0.0.1').expect(429);
  await request(proxied).get('/api/health').set('X-Forwarded-For', '10.0.0.2').expect(200);
  const direct = createApp(await realDeps({ rateLimitPerMinute: 2 }));
  for (let i = 0; i < 2; i++) await request(direct).get('/api/health').set('X-Forwarded-For', `10.0.0.${i}`).expect(200);
  await request(direct).get('/api/health').set('X-Forwarded-For', '10.0.0.9').expect(429); // a forged header buys nothing
});

test('answer size: deeper neighbourhoods only with fewer results; a default k that fits; 400 beyond', async () => {
  const app = createApp(await realDeps());
  const bad = await request(app).get('/api/search').query({ q: '数据共享', k: 50, depth: 3 }).expect(400);
  expect(bad.body.error.message).toMatch(/k must be at most 5 with depth=3/);
  await request(app).get('/api/search').query({ q: '数据共享', k: 11, depth: 2 }).expect(400);
  const d3 = await request(app).get('/api/search').query({ q: '数据共享', depth: 3 }).expect(200);
  expect(d3.body.results).toHaveLength(5);
  expect(Buffer.byteLength(d3.text)).toBeLessThan(1_048_576);
  const wide = await request(app).get('/api/search').query({ q: '数据共享', k: 50 }).expect(200);
  expect(Buffer.byteLength(wide.text)).toBeLessThan(1_048_576);
});

test('answer size: over the byte cap the last results lose their neighbourhoods, with a note', async () => {
  const app = createApp(await realDeps({ maxAnswerBytes: 120_000 }));
  const res = await request(app).get('/api/search').query({ q: '数据共享', k: 5, depth: 2 }).expect(200);
  expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(120_000);
  expect(res.body.results).toHaveLength(5);
  expect(res.body.results[4].neighbourhood.nodes).toEqual([]);
  expect(res.body.results[0].neighbourhood.nodes.length).toBeGreaterThan(0);
  expect(res.body.interpretation.notes.join(' ')).toMatch(/neighbourhoods of the last \d+ results left out/);
});

test('a client that pipelines requests and never reads the answers is disconnected (past 1 unsent answer)', async () => {
  // deadlines far away: what drops these connections is the unsent-answer limit
  const l = await listen(createApp(await realDeps({ requestTimeoutMs: 10_000, sendTimeoutMs: 15_000 })));
  const clients: net.Socket[] = [];
  try {
    // the server's side of each connection: closed once the deadline drops it
    const closed: Promise<number>[] = [];
    l.server.on('connection', (s) => {
      const t = Date.now();
      closed.push(new Promise((resolve) => s.on('close', () => resolve(Date.now() - t))));
    });
    const path = `/api/search?q=${encodeURIComponent('数据共享')}&k=5&depth=3`;
    for (let i = 0; i < 10; i++) {
      const s = net.connect(l.port, '127.0.0.1');
      s.on('error', () => {});
      s.pause(); // never reads: the server's writes back up
      s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`.repeat(30)); // pipelined: far more than the socket buffers hold
      clients.push(s);
    }
    for (let t = Date.now(); closed.length < 10 && Date.now() - t < 10_000; ) await new Promise((r) => setTimeout(r, 50));
    expect(closed).toHaveLength(10);
    const ms = await Promise.all(closed);
    for (const m of ms) expect(m).toBeLessThan(9_000);
  } finally {
    for (const c of clients) c.destroy();
    await l.close();
  }
}, 30_000);

test('CSV export: cells that start like a formula get a leading apostrophe', () => {
  const files = toCsvFiles({
    nodes: [
      { id: 'a', labels: ['Task'], properties: { title: '=cmd|\' /C calc\'!A0', text: '+SUM(1)', note: '-2+3', who: '@user', plain: '数据共享' } },
    ],
    relationships: [],
  });
  const csv = files.find((f) => f.name.startsWith('nodes_'))!.content;
  expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
  expect(csv).toContain(`"'+SUM(1)"`);
  expect(csv).toContain(`"'-2+3"`);
  expect(csv).toContain(`"'@user"`);
  expect(csv).toContain('"数据共享"');
  expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
});

test('CLI output: control characters in document text are shown as escapes', () => {
  const title = '建设\u001b]0;pwned\u0007城市大脑\u001b[2J\u009b31m\u202e';
  const shown = terminalSafe(title);
  expect(shown).toBe('建设\\u{1b}]0;pwned\\u{7}城市大脑\\u{1b}[2J\\u{9b}31m\\u{202e}');
  expect(terminalSafe('一行\n二行\t三')).toBe('一行\n二行\t三');
});

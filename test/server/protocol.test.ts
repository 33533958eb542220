/**
 * What node's HTTP parser answers before express, on a real listening server: raw UTF-8 in the
 * URL (a GET or HEAD answered as if percent-encoded; another method: 308 to the percent-encoded
 * URL), bytes that are not UTF-8 (400),
 * a header block over the limit (431), each with a JSON body; and gzip when the client asks.
 */
import net from 'node:net';
import { createApp } from '../../server/app';
import { closePipeline, listen, realDeps, type Listening } from './helpers';

let srv: Listening;

beforeAll(async () => {
  srv = await listen(createApp(await realDeps()));
}, 60_000);
afterAll(async () => {
  await srv?.close();
  await closePipeline();
});

/** Sends raw bytes, returns status, headers and body of the answer. */
function raw(bytes: Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = net.connect(srv.port, '127.0.0.1', () => sock.write(bytes));
    sock.on('data', (d: Buffer) => chunks.push(d));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [line, ...fields] = head.split('\r\n');
      const headers = Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]));
      resolve({ status: Number(line.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

const get = (target: Buffer, extra = '') => Buffer.concat([Buffer.from('GET '), target, Buffer.from(` HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`)]);

test('raw UTF-8 in the query string: the GET answers the search, as if percent-encoded', async () => {
  const res = await raw(get(Buffer.from('/api/search?q=老人看病&k=3', 'utf8')));
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.headers.connection).toBe('close');
  const body = JSON.parse(res.body);
  expect(body.query).toBe('老人看病');
  expect(body.k).toBe(3);
  expect(body.results.length).toBeGreaterThan(0);
  // the same answer as the percent-encoded request
  const encoded = await (await fetch(`${srv.url}/api/search?q=${encodeURIComponent('老人看病')}&k=3`)).json();
  expect(body.results.map((r: { node: { id: string } }) => r.node.id)).toEqual(encoded.results.map((r: { node: { id: string } }) => r.node.id));
});

test('raw UTF-8 answers go through the routes and guards: a bad parameter is a 400, an unknown path a 404, gzip when asked', async () => {
  const bad = await raw(get(Buffer.from('/api/search?q=数据&k=999', 'utf8')));
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST');
  const missing = await raw(get(Buffer.from('/api/没有', 'utf8')));
  expect(missing.status).toBe(404);
  expect(JSON.parse(missing.body).error.code).toBe('NOT_FOUND');
  const zipped = await raw(get(Buffer.from('/api/search?q=数据共享', 'utf8'), 'Accept-Encoding: gzip\r\n'));
  expect(zipped.status).toBe(200);
  expect(zipped.headers['content-encoding']).toBe('gzip');
});

test('a raw-UTF-8 HEAD answers with headers only; a 4-byte character (outside the BMP) is read too', async () => {
  const head = await raw(Buffer.concat([Buffer.from('HEAD '), Buffer.from('/api/search?q=政务服务', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]));
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
  const wide = await raw(get(Buffer.from('/api/search?q=𐀀数据', 'utf8')));
  expect(wide.status).toBe(200);
  expect(JSON.parse(wide.body).query).toBe('𐀀数据');
});

test('raw UTF-8 in the URL of a request with a body: 308 to the percent-encoded URL (the method and body are kept)', async () => {
  const body = JSON.stringify({ q: '数据' });
  const res = await raw(Buffer.concat([Buffer.from('POST '), Buffer.from('/api/search?来源=测试', 'utf8'), Buffer.from(` HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`)]));
  expect(res.status).toBe(308);
  expect(res.headers.location).toBe(`/api/search?${encodeURIComponent('来源')}=${encodeURIComponent('测试')}`);
  expect(JSON.parse(res.body).error.code).toBe('URL_NOT_ENCODED');
});

test('a raw-UTF-8 GET with a malformed header line is not rebuilt: 308 with a JSON body, the server stays up', async () => {
  const res = await raw(Buffer.concat([Buffer.from('GET '), Buffer.from('/api/search?q=数据', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n')]));
  expect(res.status).toBe(308);
  expect(JSON.parse(res.body).error.code).toBe('URL_NOT_ENCODED');
  expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
});

test('bytes that are not UTF-8 in the URL: 400 with a JSON body', async () => {
  const res = await raw(get(Buffer.concat([Buffer.from('/api/search?q='), Buffer.from([0xc3, 0x28, 0xff])])));
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(JSON.parse(res.body).error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/UTF-8/) });
});

test('a header block over the limit: 431 with a JSON body', async () => {
  const res = await raw(get(Buffer.from('/api/health'), `X-Big: ${'a'.repeat(20_000)}\r\n`));
  expect(res.status).toBe(431);
  expect(JSON.parse(res.body).error.code).toBe('HEADERS_TOO_LARGE');
});

test('percent-encoded malformed UTF-8 is a 400 JSON answer too', async () => {
  const res = await fetch(`${srv.url}/api/search?q=%E8%80`);
  expect(res.status).toBe(400);
  expect((await res.json()).error.code).toBe('BAD_REQUEST');
});

test('answers are gzip-compressed when the client accepts it, and decode to the plain answer', async () => {
  const url = `/api/search?q=${encodeURIComponent('数据共享')}`;
  const res = await raw(get(Buffer.from(url), 'Accept-Encoding: gzip\r\n'));
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe('gzip');
  // fetch asks for gzip and decodes it: the same results as an uncompressed answer
  const zipped = await (await fetch(`${srv.url}${url}`)).json();
  const plain = await (await fetch(`${srv.url}${url}`, { headers: { 'accept-encoding': 'identity' } })).json();
  expect(zipped.results.map((r: { node: { id: string } }) => r.node.id)).toEqual(plain.results.map((r: { node: { id: string } }) => r.node.id));
});

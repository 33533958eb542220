/**
 * What node's HTTP parser answers before express, on a real listening server: raw UTF-8 in the
 * URL (308 to the percent-encoded URL, then the search answers), bytes that are not UTF-8 (400),
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

test('raw UTF-8 in the query string: 308 to the percent-encoded URL, which answers the search', async () => {
  const res = await raw(get(Buffer.from('/api/search?q=老人看病&k=3', 'utf8')));
  expect(res.status).toBe(308);
  expect(res.headers.location).toBe(`/api/search?q=${encodeURIComponent('老人看病')}&k=3`);
  expect(JSON.parse(res.body).error.code).toBe('URL_NOT_ENCODED');
  const follow = await fetch(`${srv.url}${res.headers.location}`);
  expect(follow.status).toBe(200);
  const body = await follow.json();
  expect(body.query).toBe('老人看病');
  expect(body.results.length).toBeGreaterThan(0);
});

test('a 4-byte character (outside the BMP) raw in the URL is redirected too', async () => {
  const res = await raw(get(Buffer.from('/api/search?q=𐀀数据', 'utf8')));
  expect(res.status).toBe(308);
  expect(res.headers.location).toBe(`/api/search?q=${encodeURIComponent('𐀀数据')}`);
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

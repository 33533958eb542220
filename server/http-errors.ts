/**
 * One error middleware: every failure becomes `{error:{code,message,retriable}}` with the
 * status of its KgError code (core/errors.ts). Unknown errors are 500 INTERNAL, details logged only.
 */
import { IncomingMessage, maxHeaderSize, ServerResponse, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { createError, isKgError, type ErrorCode, type KgError } from '../core/errors';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

/** Maps anything thrown in a route (KgError, body-parser, router decode errors) to a KgError. */
export function toKgError(err: unknown): KgError {
  if (isKgError(err)) return err;
  const e = (err ?? {}) as HttpishError;
  if (e.type === 'entity.too.large') return createError('PAYLOAD_TOO_LARGE', undefined, { cause: err });
  if (err instanceof URIError) return createError('BAD_REQUEST', 'URL 编码无效 / malformed URL encoding', { cause: err });
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return createError('NOT_FOUND', undefined, { cause: err });
    if (status === 413) return createError('PAYLOAD_TOO_LARGE', undefined, { cause: err });
    if (status === 429) return createError('RATE_LIMITED', undefined, { cause: err });
    return createError('BAD_REQUEST', undefined, { cause: err });
  }
  return createError('INTERNAL', undefined, { cause: err });
}

/** Sends the JSON error body (no-op when a response already started, e.g. after a timeout). */
export function sendError(res: Parameters<RequestHandler>[1], e: KgError): void {
  if (res.headersSent) return;
  if (e.retriable) res.set('Retry-After', e.code === 'RATE_LIMITED' ? '60' : '1');
  res.status(e.status).json({ error: { code: e.code, message: e.message, retriable: e.retriable } });
}

export function errorMiddleware(log: (msg: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return; // e.g. the route finished after a TIMEOUT answer
    const e = toKgError(err);
    if (e.status >= 500) log(`${req.method} ${req.originalUrl} → ${e.code}: ${(err as Error)?.stack ?? String(err)}`);
    sendError(res, e);
  };
}

/** 404 for unknown /api paths, in the same JSON shape. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(createError('NOT_FOUND', `没有该接口 / no such endpoint: ${req.method} ${req.path}`));
};

/** A raw HTTP/1.1 answer with a JSON error body, for errors the parser meets before express. */
function rawAnswer(status: number, reason: string, code: ErrorCode, message: string, extra: Record<string, string> = {}): string {
  const body = JSON.stringify({ error: { code, message, retriable: false } });
  const head = [`HTTP/1.1 ${status} ${reason}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`)];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The request target of a raw request head with its bytes ≥ 0x80 percent-encoded, when they are
 * valid UTF-8 (a client that sent `?q=老人` unencoded); null when they are not.
 */
export function encodedTarget(raw: Buffer): string | null {
  const eol = raw.indexOf('\r\n');
  const line = raw.subarray(0, eol < 0 ? raw.length : eol);
  const parts = line.toString('latin1').split(' ');
  if (parts.length !== 3) return null;
  const target = Buffer.from(parts[1], 'latin1');
  const text = target.toString('utf8');
  if (text.includes('\ufffd') || !target.equals(Buffer.from(text, 'utf8'))) return null; // not UTF-8
  try {
    return text.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)); // per code point (4-byte characters too)
  } catch {
    return null; // a lone surrogate: not a character
  }
}

/**
 * A GET or HEAD whose target held raw UTF-8 (`curl 'http://…/api/search?q=老人'`), rebuilt as the
 * request the client meant: the same method, headers and percent-encoded target, on the same
 * socket. Node's parser refuses such a request line before any route runs; this hands it to the
 * server's own request handler, so every guard and route applies as to any request. The head
 * must be whole in the packet the parser saw, and the answer closes the connection (the parser
 * is gone); anything else (a body, a head cut short) gets null.
 */
function rebuiltRequest(raw: Buffer, target: string, socket: Socket): IncomingMessage | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0 || end > maxHeaderSize) return null; // node's own limit on a head holds here too
  const [line, ...fields] = raw.subarray(0, end).toString('latin1').split('\r\n'); // header bytes as node reads them
  const [method, , version] = line.split(' ');
  const ver = /^HTTP\/1\.([01])$/.exec(version);
  if ((method !== 'GET' && method !== 'HEAD') || !ver) return null;
  const req = new IncomingMessage(socket);
  req.method = method;
  req.url = target;
  req.httpVersionMajor = 1;
  req.httpVersionMinor = Number(ver[1]);
  req.httpVersion = `1.${ver[1]}`;
  for (const f of fields) {
    const at = f.indexOf(':');
    if (at <= 0) return null;
    const name = f.slice(0, at);
    const value = f.slice(at + 1).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return null; // not a header field name (RFC 9110 token)
    if (/^(?:content-length|transfer-encoding)$/i.test(name)) return null; // a body follows: not ours to read
    req.rawHeaders.push(name, value);
    const key = name.toLowerCase();
    req.headers[key] = req.headers[key] === undefined ? value : `${String(req.headers[key])}, ${value}`;
  }
  req.push(null);
  req.complete = true;
  return req;
}

/**
 * Errors node's HTTP parser answers itself (before express: no JSON body otherwise): a header
 * block over the limit → 431; raw UTF-8 in the URL → the GET or HEAD answered as if it had been
 * percent-encoded (other methods: 308 to the percent-encoded URL); bytes that are not UTF-8 → 400;
 * anything else → 400.
 */
export function attachClientErrors(server: Server): void {
  // `target`: the percent-encoded target of a raw-UTF-8 request line (null: none, or not UTF-8)
  const answerFor = (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, target: string | null): string => {
    if (err.code === 'HPE_HEADER_OVERFLOW') return rawAnswer(431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', '请求头过大 / request header fields too large');
    if (err.code === 'HPE_INVALID_URL' && err.rawPacket) {
      return target
        ? rawAnswer(308, 'Permanent Redirect', 'URL_NOT_ENCODED', `URL 须百分号编码，请改用 / percent-encode the URL: ${target}`, { Location: target })
        : rawAnswer(400, 'Bad Request', 'BAD_REQUEST', 'URL 含非 UTF-8 字节 / URL bytes are not UTF-8');
    }
    return rawAnswer(400, 'Bad Request', 'BAD_REQUEST', `请求无法解析 / malformed HTTP request${err.code ? ` (${err.code})` : ''}`);
  };
  /** Serves a raw-UTF-8 GET/HEAD through the server's request handler; false when it is not one. */
  const served = (raw: Buffer, target: string, socket: Socket): boolean => {
    const req = rebuiltRequest(raw, target, socket);
    if (!req) return false;
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false; // answered with Connection: close
    res.assignSocket(socket);
    res.on('finish', () => {
      res.detachSocket(socket);
      socket.end();
    });
    server.emit('request', req, res);
    return true;
  };
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    if (err.code === 'ECONNRESET' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return void socket.destroy();
    let answer: string;
    try {
      const target = err.code === 'HPE_INVALID_URL' && err.rawPacket ? encodedTarget(err.rawPacket) : null;
      if (target && served(err.rawPacket!, target, socket)) return;
      answer = answerFor(err, target);
    } catch {
      answer = rawAnswer(400, 'Bad Request', 'BAD_REQUEST', '请求无法解析 / malformed HTTP request'); // never throw from here
    }
    socket.end(answer);
  });
}

interface RouterLayer {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

function allowedMethods(stack: RouterLayer[], path: string, out: Set<string>): void {
  for (const layer of stack) {
    const m = layer.match(path);
    if (!m) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.add(method.toUpperCase());
    } else if (layer.handle?.stack) allowedMethods(layer.handle.stack, path.slice(m.path.length) || '/', out);
  }
}

/** 405 METHOD_NOT_ALLOWED (with `Allow`) for a path some route serves under another method. */
export function methodNotAllowed(app: { router: { stack: unknown[] } }): RequestHandler {
  return (req, res, next) => {
    const methods = new Set<string>();
    allowedMethods(app.router.stack as RouterLayer[], req.baseUrl + req.path, methods);
    if (!methods.size || methods.has(req.method)) return next();
    if (methods.has('GET')) methods.add('HEAD');
    res.set('Allow', [...methods].sort().join(', '));
    next(createError('METHOD_NOT_ALLOWED', `不支持 ${req.method}，可用 / ${req.method} not allowed here; use: ${[...methods].sort().join(', ')}`));
  };
}

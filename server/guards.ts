/**
 * Request guards that run before any route: malformed percent-encoding → 400, an optional Host
 * allowlist → 421, an overall request timeout → 503 TIMEOUT, a send deadline for clients that
 * do not read their answer, and CORS only when configured.
 */
import type { RequestHandler } from 'express';
import cors from 'cors';
import { createError } from '../core/errors';
import { sendError } from './http-errors';

const MAX_URL = 4096;

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Refuses URLs whose path or query is not valid percent-encoded UTF-8 (never a 5xx later). */
export const urlGuard: RequestHandler = (req, _res, next) => {
  const url = req.url;
  if (url.length > MAX_URL) return next(createError('BAD_REQUEST', `URL 过长（最多 ${MAX_URL}）/ URL too long`));
  const qi = url.indexOf('?');
  const pathPart = qi < 0 ? url : url.slice(0, qi);
  const parts = qi < 0 ? [] : url.slice(qi + 1).split(/[&=]/);
  if (!decodes(pathPart) || !parts.every(decodes)) {
    return next(createError('BAD_REQUEST', 'URL 编码无效（须为 UTF-8 百分号编码）/ malformed URL: percent-encoding must be valid UTF-8'));
  }
  next();
};

/** Answers 503 TIMEOUT when a route has not answered within `ms`; later writes are ignored. */
export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => sendError(res, createError('TIMEOUT', `请求超时（${ms} ms）/ request timed out after ${ms} ms`)), ms);
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}

/** CORS is off (no headers) unless an origin is configured. */
export function corsFor(origin: string | null): RequestHandler {
  if (!origin) return (_req, _res, next) => next();
  return cors({ origin, methods: ['GET', 'POST'], maxAge: 600 });
}

/** With an allowlist (config.server.allowedHosts), a request for any other Host is 421 (DNS rebinding). */
export function hostGuard(allowed: string[] | null): RequestHandler {
  if (!allowed) return (_req, _res, next) => next();
  const set = new Set(allowed);
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    if (set.has(host)) return next();
    next(createError('HOST_NOT_ALLOWED', `主机名不在允许列表中 / Host not allowed: ${host.slice(0, 100) || '(none)'}`));
  };
}

/** Most answers one connection may have unsent at once (pipelined requests of a client that does not read). */
export const MAX_UNSENT_PER_SOCKET = 1;
const unsent = new WeakMap<object, number>();

/**
 * A response still not taken by the client `ms` after the request timeout (a client that sends
 * requests and never reads) has its socket destroyed, so its buffered answer is freed; so does a
 * connection that pipelines more than MAX_UNSENT_PER_SOCKET requests without reading the answers
 * (node would otherwise answer all of them into memory).
 */
export function sendDeadline(requestTimeoutMs: number, ms: number): RequestHandler {
  return (req, res, next) => {
    const socket = req.socket;
    const count = (unsent.get(socket) ?? 0) + 1;
    unsent.set(socket, count);
    if (count > MAX_UNSENT_PER_SOCKET) {
      socket.destroy();
      return;
    }
    const timer = setTimeout(() => {
      if (!res.writableFinished) socket.destroy();
    }, requestTimeoutMs + ms);
    timer.unref();
    let done = false;
    const clear = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsent.set(socket, (unsent.get(socket) ?? 1) - 1);
    };
    res.on('finish', clear);
    res.on('close', clear);
    next();
  };
}

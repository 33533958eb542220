/**
 * One error middleware: every failure becomes `{error:{code,message,retriable}}` with the
 * status of its KgError code (core/errors.ts). Unknown errors are 500 INTERNAL, details logged only.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { createError, isKgError, type KgError } from '../core/errors';

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

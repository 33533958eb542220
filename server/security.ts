/**
 * Security headers (helmet, a CSP allowing only this origin) and per-client rate limiting.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { createError } from '../core/errors';

/** Helmet with a strict same-origin CSP: the page loads nothing from elsewhere (offline intranets). */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/** At most `perMinute` requests per client address per minute; over it, 429 RATE_LIMITED. */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: Math.max(1, perMinute),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createError('RATE_LIMITED', `请求过于频繁（每分钟最多 ${perMinute} 次）/ too many requests (max ${perMinute} per minute)`)),
  });
}

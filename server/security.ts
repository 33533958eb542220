/**
 * Security headers (helmet, a CSP allowing only this origin; HSTS only over TLS and when
 * configured) and per-client rate limiting (keyed by req.ip: behind a proxy set KG_TRUST_PROXY).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { createError } from '../core/errors';

/** Helmet with a strict same-origin CSP: the page loads nothing from elsewhere (offline intranets). */
export function securityHeaders(): RequestHandler {
  return helmet({
    strictTransportSecurity: false, // see hsts(): over plain HTTP the header is wrong
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

/**
 * Strict-Transport-Security when `enabled` (KG_HSTS) and the request came over TLS (req.secure:
 * directly, or X-Forwarded-Proto https from a trusted proxy). Never over plain HTTP.
 */
export function hsts(enabled: boolean): RequestHandler {
  return (req, res, next) => {
    if (enabled && req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/** express's `trust proxy` value from the KG_TRUST_PROXY text: a hop count, true/false, or addresses/subnets. */
export function trustProxyValue(v: string | null): boolean | number | string {
  if (v === null) return false;
  if (/^\d+$/.test(v.trim())) return Number(v);
  if (/^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return v;
}

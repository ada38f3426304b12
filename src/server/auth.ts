/**
 * Access token for `casus serve` beyond 127.0.0.1: every API request must carry `Authorization: Bearer TOKEN`.
 * Tokens are compared in constant time (SHA-256 of both, then crypto.timingSafeEqual, so lengths never leak);
 * a client that fails `maxFailures` times within `windowMs` is answered 429 until the window has passed. The token
 * itself is never logged nor echoed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { sendError } from './errors.js';

export interface AuthOptions {
  token: string;
  /** Failed attempts allowed per client address within the window (default 10 per minute). */
  maxFailures?: number;
  windowMs?: number;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Whether `given` is the token, in time that does not depend on where they differ. */
export function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

const clientOf = (c: Context): string =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';

export function requireToken({ token, maxFailures = 10, windowMs = 60_000 }: AuthOptions): MiddlewareHandler {
  const expected = digest(token);
  const failures = new Map<string, { count: number; since: number }>();
  return async (c, next) => {
    const now = Date.now();
    const who = clientOf(c);
    let f = failures.get(who);
    if (f && now - f.since > windowMs) {
      failures.delete(who);
      f = undefined;
    }
    if (f && f.count >= maxFailures) {
      c.header('retry-after', String(Math.ceil((f.since + windowMs - now) / 1000)));
      return sendError(c, 429, 'too-many-attempts', 'too many requests with a wrong or missing token; wait and try again');
    }
    const m = /^Bearer (\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (m && sameToken(m[1]!, expected)) return next();
    if (failures.size > 10_000) failures.clear();
    failures.set(who, f ? { count: f.count + 1, since: f.since } : { count: 1, since: now });
    c.header('www-authenticate', 'Bearer realm="casus"');
    return sendError(
      c,
      401,
      m ? 'bad-token' : 'missing-token',
      m ? 'the access token is wrong' : 'this server needs its access token: Authorization: Bearer TOKEN',
    );
  };
}

/** The addresses `casus serve` may listen on without a token: this machine's own 127.0.0.1 (and ::1, localhost). */
export const isLocalOnly = (host: string): boolean => host === '127.0.0.1' || host === '::1' || host === 'localhost';

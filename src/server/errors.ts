/** The JSON error shape of the API: `{error: {code, message}}`, with its HTTP status. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function sendError(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json(errorBody(code, message), status);
}

export const STORE_BUSY = new ApiError(503, 'store-busy', 'the store is being written by another process; try again shortly');

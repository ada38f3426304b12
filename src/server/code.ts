/**
 * POST /api/code: the body is validated on the request thread (cheap checks only); extracting HTML and coding run
 * where the coder is (a coding worker, workers.ts, or the request thread in tests), through `codeChecked`.
 */
import { createHash } from 'node:crypto';
import type { Document, InputDoc } from '../document/types.js';
import { extractHtml } from '../ingest/html.js';
import { InputError, type Coder } from '../pipeline.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './errors.js';

/** Over this many characters of text, an article is refused (coding is synchronous: ~20 ms per 1,000 characters). */
export const MAX_TEXT_CHARS = 200_000;

const str = (body: Record<string, unknown>, name: string): string | undefined => {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ApiError(400, 'bad-field', `"${name}" must be a string`);
  return v;
};

export function parseCodeBody(raw: unknown): InputDoc {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'bad-body', 'the body must be a JSON object');
  const body = raw as Record<string, unknown>;
  const text = str(body, 'text');
  const html = str(body, 'html');
  const date = str(body, 'date');
  const title = str(body, 'title');
  const id = str(body, 'id');
  if (text === undefined && html === undefined) throw new ApiError(400, 'missing-text', 'give the article as "text" or "html"');
  if (text !== undefined && html !== undefined) throw new ApiError(400, 'bad-body', 'give either "text" or "html", not both');
  const content = text ?? html!;
  if (!content.trim()) throw new ApiError(400, 'missing-text', 'the article is empty');
  if (text !== undefined && text.length > MAX_TEXT_CHARS) throw tooLarge(text.length);
  if (id !== undefined && !/^[\w.:-]{1,200}$/.test(id)) throw new ApiError(400, 'bad-field', '"id" must be 1-200 letters, digits, . : _ -');
  const doc: InputDoc = {
    id: id ?? `web-${createHash('sha1').update(content).digest('hex').slice(0, 12)}`,
    date: date === '' ? null : (date ?? null),
    title: title ?? null,
  };
  if (text !== undefined) doc.text = text;
  else doc.html = html;
  return doc;
}

const tooLarge = (n: number) => new ApiError(413, 'too-large', `the article has ${n} characters; the limit is ${MAX_TEXT_CHARS}`);

/** The answer to one article, as the coder side sends it back: the Document's JSON, or an API error. */
export type CodeAnswer = { json: string | Uint8Array } | { error: { status: number; code: string; message: string } };

/**
 * Code one validated article; never throws. HTML longer than MAX_TEXT_CHARS is measured first (its text over the
 * limit: 413); shorter HTML cannot have more text than that (extraction never lengthens), so it is extracted once,
 * by the coder. HTML without text is 400, like an empty article.
 */
export function codeChecked(coder: Coder, input: InputDoc): CodeAnswer {
  try {
    if (input.html !== undefined && input.html.length > MAX_TEXT_CHARS) {
      const n = extractHtml(input.html).text.length;
      if (n > MAX_TEXT_CHARS) throw tooLarge(n);
    }
    const doc = codeDocument(coder, input);
    if (input.html !== undefined && !doc.text.trim()) throw new ApiError(400, 'missing-text', 'the HTML has no text (no body, or only markup)');
    return { json: JSON.stringify(doc) };
  } catch (e) {
    if (e instanceof ApiError) return { error: { status: e.status, code: e.code, message: e.message } };
    return { error: { status: 500, code: 'internal', message: `internal error while coding (${(e as Error)?.message ?? String(e)}); please report it` } };
  }
}

/** Turns a CodeAnswer back into the JSON text (or its UTF-8 bytes), or throws its ApiError. */
export function answerJson(a: CodeAnswer): string | Uint8Array {
  if ('json' in a) return a.json;
  throw new ApiError(a.error.status as ContentfulStatusCode, a.error.code, a.error.message);
}

export function codeDocument(coder: Coder, input: InputDoc): Document {
  try {
    return coder.code(input);
  } catch (err) {
    if (err instanceof InputError) throw new ApiError(400, err.code, err.message);
    throw err;
  }
}

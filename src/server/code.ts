/** POST /api/code: validate the body, then code it with the one coder of the process. */
import { createHash } from 'node:crypto';
import type { Document, InputDoc } from '../document/types.js';
import { extractHtml } from '../ingest/html.js';
import { InputError, type Coder } from '../pipeline.js';
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
  if (html !== undefined) {
    const n = extractHtml(html).text.length;
    if (n > MAX_TEXT_CHARS) throw tooLarge(n);
  }
  if (id !== undefined && !/^[\w.:-]{1,200}$/.test(id)) throw new ApiError(400, 'bad-field', '"id" must be 1-200 letters, digits, . : _ -');
  const doc: InputDoc = {
    id: id ?? `web-${createHash('sha1').update(content).digest('hex').slice(0, 12)}`,
    date: date === '' ? null : date ?? null,
    title: title ?? null,
  };
  if (text !== undefined) doc.text = text;
  else doc.html = html;
  return doc;
}

const tooLarge = (n: number) =>
  new ApiError(413, 'too-large', `the article has ${n} characters; the limit is ${MAX_TEXT_CHARS}`);

export function codeDocument(coder: Coder, input: InputDoc): Document {
  try {
    return coder.code(input);
  } catch (err) {
    if (err instanceof InputError) throw new ApiError(400, err.code, err.message);
    throw err;
  }
}

/**
 * Coding is synchronous: articles are coded one at a time, each in its own turn of the event loop, so that sockets
 * are read and timers run between two articles (no burst of back-to-back coding starves keep-alive connections).
 * Past `maxWaiting` queued articles the server answers 503 at once instead of letting latency grow without bound.
 */
export class CodingQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  constructor(private readonly maxWaiting = 256) {}

  run<T>(task: () => T): Promise<T> {
    if (this.waiting >= this.maxWaiting) {
      return Promise.reject(new ApiError(503, 'busy', `${this.waiting} articles are waiting to be coded; try again shortly`));
    }
    this.waiting++;
    const next = this.tail.then(
      () =>
        new Promise<T>((resolve, reject) =>
          setImmediate(() => {
            this.waiting--;
            try {
              resolve(task());
            } catch (e) {
              reject(e);
            }
          }),
        ),
    );
    this.tail = next.catch(() => {});
    return next;
  }
}

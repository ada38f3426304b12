/** Which store a location names: a `postgres://` (or `postgresql://`) URL, or else a DuckDB file path. */
import type { Sink } from './sink.js';

export const isPostgres = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** A writer's sink for the location; PostgreSQL's client is loaded only for a URL. */
export async function openSink(location: string, waitS = 0, log?: (line: string) => void): Promise<Sink> {
  if (isPostgres(location)) return (await import('./pg-sink.js')).PgSink.open(location);
  return (await import('./duck-sink.js')).DuckSink.open(location, waitS, log);
}

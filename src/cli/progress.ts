/**
 * The progress line of `casus code` on a terminal: documents, events, rate and, when the input size is known,
 * a bar and the time left. Quiet when stderr is not a terminal or when CI is set.
 */

export interface ProgressStream {
  write(s: string): unknown;
  columns?: number;
}

/** Show progress only on an interactive terminal, never in CI or when stderr is piped or redirected. */
export function progressWanted(stream: { isTTY?: boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const t = Math.round(s);
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}

export interface ProgressState {
  docs: number;
  failed: number;
  events: number;
  /** Input done so far (estimated from the documents' characters) and in all (bytes; null: unknown, e.g. a pipe). */
  doneBytes: number;
  totalBytes: number | null;
  elapsedMs: number;
  width: number;
}

/** The progress line for a state (pure, for tests). */
export function renderProgress(p: ProgressState): string {
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.docs / secs : 0;
  const parts = [`${int(p.docs)} docs`, `${int(p.events)} events`];
  if (p.failed) parts.push(`${int(p.failed)} failed`);
  parts.push(`${rate >= 10 ? int(rate) : rate.toFixed(1)} docs/s`, duration(secs));
  let line = `casus: ${parts.join(', ')}`;
  if (p.totalBytes && p.totalBytes > 0) {
    const frac = Math.min(0.99, p.doneBytes / p.totalBytes);
    const left = frac > 0 && p.docs > 0 ? (secs * (1 - frac)) / frac : NaN;
    const tail = ` ${(frac * 100).toFixed(0).padStart(3)}%, ${duration(left)} left`;
    const room = p.width - line.length - tail.length - 3;
    const barWidth = Math.min(30, room);
    const bar = barWidth >= 5 ? ` [${'#'.repeat(Math.round(frac * barWidth)).padEnd(barWidth, '.')}]` : '';
    line += bar + tail;
  }
  return line.length > p.width ? line.slice(0, Math.max(0, p.width - 1)) : line;
}

export class Progress {
  private docs = 0;
  private failed = 0;
  private events = 0;
  private doneChars = 0;
  private readonly t0 = performance.now();
  private readonly timer: NodeJS.Timeout;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalBytes: number | null,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => this.draw(), intervalMs);
    this.timer.unref();
  }

  /** A document was written (events) or reported as failed (null); `chars`: its size, to estimate how far the input is done. */
  doc(events: number | null, chars: number): void {
    if (events === null) this.failed++;
    else {
      this.docs++;
      this.events += events;
    }
    this.doneChars += chars;
  }

  /** Clear the line before something else is written to the terminal (it is drawn again at the next tick). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  draw(): void {
    const line = renderProgress({
      docs: this.docs,
      failed: this.failed,
      events: this.events,
      doneBytes: this.doneChars,
      totalBytes: this.totalBytes,
      elapsedMs: performance.now() - this.t0,
      width: this.stream.columns || 80,
    });
    this.stream.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  end(): void {
    clearInterval(this.timer);
    this.clear();
  }
}

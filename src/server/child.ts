/** Runs `casus serve` as a child process and reads its address from stdout (for the browser tests and the load test). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CASUS_BIN = fileURLToPath(new URL('../../../bin/casus.js', import.meta.url));

export interface ServerChild {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `casus serve --port 0` (on 127.0.0.1 unless `args` name a --host), with `env` added to the environment. */
export function spawnServer(args: string[] = [], timeoutMs = 120_000, env: Record<string, string> = {}): Promise<ServerChild> {
  const host = args.some((a) => a === '--host' || a.startsWith('--host=')) ? [] : ['--host', '127.0.0.1'];
  const child = spawn(process.execPath, [CASUS_BIN, 'serve', '--port', '0', ...host, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CASUS_DEBUG: '', CASUS_TOKEN: '', ...env },
  });
  // Never leave a server behind when the parent ends, even by an uncaught error.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`casus serve printed no address within ${timeoutMs} ms; stderr: ${err}`));
    }, timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stderr: () => err, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`casus serve exited (${code}) before serving; stderr: ${err}`));
    });
  });
}

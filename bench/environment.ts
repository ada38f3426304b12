/** What the figures were measured on: versions, machine, commit. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CASUS_VERSION } from '../src/version.js';

export interface Environment {
  date: string;
  casusVersion: string;
  dictionaryVersion: string;
  commit: string | null;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  /** 1-minute load average when the run started: other work on the machine makes the speed figures noisy. */
  loadAverage: number;
}

function gitCommit(cwd: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return head + (dirty ? ' (with uncommitted changes)' : '');
  } catch {
    return null;
  }
}

export function environment(root: string, dictionaryVersion: string): Environment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    casusVersion: CASUS_VERSION,
    dictionaryVersion,
    commit: gitCommit(root),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

export function environmentLines(e: Environment): [string, string][] {
  return [
    ['date', e.date],
    ['casus', `${e.casusVersion}, dictionary ${e.dictionaryVersion}${e.commit ? `, commit ${e.commit}` : ''}`],
    ['node', `${e.node} on ${e.platform}`],
    ['cpu', `${e.cpu} (${e.cores} cores), load average ${e.loadAverage.toFixed(2)} at start`],
  ];
}

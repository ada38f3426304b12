#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// Keep stdout writes ordered and let a closed pipe (casus ... | head) end quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// write() returns false when stdout's buffer is full: `casus code` then waits for drain before writing more.
const out = { write: (s) => process.stdout.write(s), drain: () => new Promise((resolve) => process.stdout.once('drain', resolve)) };
const err = { write: (s) => process.stderr.write(s) };
main(process.argv.slice(2), { out, err }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`casus: internal error: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  },
);

// The streams a command talks to, so that commands run the same in a terminal and in tests.
import type { Writable } from 'node:stream';
import { readAllStdin } from '../ingest/stdin.ts';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  readStdin: () => Promise<Uint8Array>;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: readAllStdin,
};

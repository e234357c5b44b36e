// The `sitrep` command line: thin adapters over the service layer. Data goes to stdout, status to stderr.
// Exit status: 0 all good, 1 some inputs failed, 2 usage error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { analyzeCommand } from './analyze.ts';
import { processIo, type CliIo } from './io.ts';

const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export const USAGE = `sitrep ${VERSION}: evidence-linked analysis of conflict and political news

Usage:
  sitrep analyze <file|folder|->... [options]   analyse articles (txt, html, json, jsonl, rss/atom)
  sitrep help [command]                         show help
  sitrep --version

Run "sitrep help analyze" for the analyze options.`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
      return analyzeCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      if (rest[0] === 'analyze') return analyzeCommand(['--help'], io);
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    default:
      io.stderr.write(`sitrep: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

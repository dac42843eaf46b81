// `npm run --silent convert -- <file> --to <format>` (docs/CONTRACT.md, converter): reads BibTeX, RIS,
// CSL-JSON or a papershelf backup, recognised by content, with the code the side panel imports
// with, and prints the papers in <format> on stdout.
// Exit 0: all read. Exit 1: the good entries are printed, each bad one reported on stderr by line
// or key. Exit 2: the file cannot be read, is not readable input, or the arguments are wrong.
// Messages name the problem; bad input never prints a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  checkImportSize,
  EXPORT_FORMATS,
  exportPapers,
  FormatError,
  formatIssue,
  type ImportResult,
  importBytes,
  isExportFormat,
} from '../lib/formats/index';

const USAGE = `usage: convert <file> --to <format>   (format: ${EXPORT_FORMATS.join(' ')})`;

function fail(message: string): never {
  process.stderr.write(`convert: ${message}\n`);
  process.exit(2);
}

let values: { to?: string };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({ options: { to: { type: 'string' } }, allowPositionals: true }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [file] = positionals;
if (!file || positionals.length > 1) fail(USAGE);
const format = values.to;
if (!format) fail(`--to <format> is required: one of ${EXPORT_FORMATS.join(', ')}`);
if (!isExportFormat(format)) fail(`unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);

let bytes: Uint8Array;
try {
  const stat = statSync(file);
  if (!stat.isFile()) fail(`cannot read ${file}: not a file`);
  // Refused before reading: a 100 MB file costs nothing.
  checkImportSize(stat.size);
  bytes = new Uint8Array(readFileSync(file));
} catch (error) {
  if (error instanceof FormatError) fail(`${file}: ${error.message}`);
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

let result: ImportResult;
try {
  result = importBytes(bytes, file);
} catch (error) {
  if (error instanceof FormatError) fail(`${file}: ${error.message}`);
  fail(`${file}: could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

process.stdout.write(exportPapers(result.papers, format));
for (const issue of result.errors) process.stderr.write(`convert: ${file}: ${formatIssue(issue)}\n`);
// exitCode rather than exit(): stdout may still be flushing into a pipe.
process.exitCode = result.errors.length > 0 ? 1 : 0;

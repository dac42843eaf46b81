// `npm run --silent extract -- <page.html> --url <page-url>`: prints the papers the content
// script would find on that page, as a JSON array (docs/CONTRACT.md). Exit 2 when the file cannot be read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { detectPapers } from '../lib/detect/index';
import { parseHtml } from './html';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

let values: { url?: string };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true }));
} catch (error) {
  fail(`${(error as Error).message}\nusage: extract <page.html> --url <page-url>`);
}
const [file] = positionals;
if (!file || positionals.length > 1) fail('usage: extract <page.html> --url <page-url>');
if (!values.url) fail('--url <page-url> is required: detection depends on the address the page was saved from');

let url: URL;
try {
  url = new URL(values.url);
} catch {
  fail(`not an absolute address: ${values.url}`);
}
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

const papers = detectPapers(parseHtml(html, url.href), url).map((detection) => detection.paper);
process.stdout.write(`${JSON.stringify(papers, null, 2)}\n`);

// The converter as a user runs it (docs/CONTRACT.md, converter): spawned on small files in a temp
// folder, checking stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportPapers, importText } from '../lib/formats/index';
import { GOLDEN_LIBRARY } from '../lib/formats/test-data';

const ROOT = join(import.meta.dirname, '..');
// Each run starts tsx (1–2 s on a busy machine): the tests that run it often get more time.
const SLOW = 90_000;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function convert(...args: string[]): Run {
  const run = spawnSync(TSX, [join(ROOT, 'scripts/convert.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'papershelf-convert-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run convert', () => {
  it('runs as docs/CONTRACT.md writes it: npm run --silent convert -- <file> --to <format>', () => {
    const bib = file('one.bib', exportPapers(GOLDEN_LIBRARY.slice(0, 1), 'bibtex'));
    const run = spawnSync('npm', ['run', '--silent', 'convert', '--', bib, '--to', 'ris'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(exportPapers(importText(exportPapers(GOLDEN_LIBRARY.slice(0, 1), 'bibtex')).papers, 'ris'));
  });

  it(
    'converts BibTeX to every format; --to json prints the backup object',
    () => {
      const source = exportPapers(GOLDEN_LIBRARY, 'bibtex');
      const bib = file('library.bib', source);
      const expected = importText(source).papers;
      const outputs = new Map<string, string>();
      for (const format of EXPORT_FORMATS) {
        const run = convert(bib, '--to', format);
        expect(run.stderr, format).toBe('');
        expect(run.status, format).toBe(0);
        outputs.set(format, run.stdout);
        if (format === 'csv' || format === 'json') continue; // these carry the time of the import
        expect(run.stdout, format).toBe(exportPapers(expected, format));
      }
      expect(outputs.get('csv')).toMatch(/^\uFEFFkey,title,authors,/);
      const backup = JSON.parse(outputs.get('json') ?? '');
      expect(Object.keys(backup)).toEqual(['format', 'version', 'papers']);
      expect(backup).toMatchObject({ format: 'papershelf', version: 1 });
      expect(backup.papers).toHaveLength(GOLDEN_LIBRARY.length);
      expect(backup.papers[0]).toMatchObject({ key: 'arxiv:1706.03762', status: 'unread' });
    },
    SLOW,
  );

  it('recognises the input by content, not by its name', () => {
    const source = exportPapers(GOLDEN_LIBRARY.slice(0, 2), 'ris');
    const run = convert(file('looks-like.bib', source), '--to', 'markdown');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(exportPapers(importText(source).papers, 'markdown'));
    expect(run.stdout).toMatch(/^- \[Attention Is All You Need\]/);
  });

  it('prints the good entries and reports each bad one with its line or key: exit 1', () => {
    const bib = file(
      'some-bad.bib',
      [
        '@misc{good, title = {Good}, url = {https://example.org/good}}',
        '@misc{untitled, url = {https://example.org/u}}',
        '@misc{cut, title = {Cut {short}',
      ].join('\n'),
    );
    const run = convert(bib, '--to', 'csl-json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).map((item: { title: string }) => item.title)).toEqual(['Good']);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`convert: ${bib}: line 2 (untitled): the entry has no title`);
    expect(lines[1]).toMatch(new RegExp(`^convert: ${bib}: line 3 \\(cut\\): the entry cannot be read: `));
    expectNoStackTrace(run);
  });

  it(
    'exits 2 with a message for input that is not readable, without a stack trace',
    () => {
      const cases: [string[], RegExp][] = [
        [[join(dir, 'missing.bib'), '--to', 'ris'], /^convert: cannot read .*missing\.bib: ENOENT\n$/],
        [[dir, '--to', 'ris'], /^convert: cannot read .*: not a file\n$/],
        [
          [file('notes.txt', 'Just some notes\n'), '--to', 'ris'],
          /^convert: .*notes\.txt: not a format papershelf imports: .*line 1 starts "Just some notes"\n$/,
        ],
        [
          [file('future.json', '{"format":"papershelf","version":9,"papers":[]}'), '--to', 'bibtex'],
          /written by a newer papershelf/,
        ],
        [
          [file('bad.json', '{"format": "papershelf",\n "version": 1,,}'), '--to', 'bibtex'],
          /not valid JSON at line 2, column 15/,
        ],
        [[file('utf16.ris', new Uint8Array([0xff, 0xfe, 0x54, 0, 0x59, 0])), '--to', 'ris'], /the file is UTF-16 text/],
        [[file('binary.bib', new Uint8Array([0x40, 0, 1, 2, 3])), '--to', 'ris'], /binary data/],
      ];
      for (const [args, message] of cases) {
        const run = convert(...args);
        expect(run.status, args[0]).toBe(2);
        expect(run.stdout, args[0]).toBe('');
        expect(run.stderr, args[0]).toMatch(message);
        expectNoStackTrace(run);
      }
    },
    SLOW,
  );

  // Refused by its size (statSync) before it is read; how fast is the bench's business, not a test's.
  it('refuses a 100 MB file, naming its size and the limit', () => {
    const big = join(dir, 'big.bib');
    writeFileSync(big, '');
    truncateSync(big, 100 * 1024 * 1024);
    const run = convert(big, '--to', 'ris');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `convert: ${big}: the file is 100.0 MB; papershelf imports files of up to 50.0 MB: split it into smaller files\n`,
    );
  });

  it(
    'exits 2 listing the format names for an unknown or missing --to, and for no file',
    () => {
      const bib = file('x.bib', exportPapers(GOLDEN_LIBRARY.slice(0, 1), 'bibtex'));
      const unknown = convert(bib, '--to', 'docx');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toBe(
        'convert: unknown format "docx": use one of bibtex, ris, csl-json, csv, markdown, markdown-full, json\n',
      );
      const missing = convert(bib);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/--to <format> is required: one of bibtex, ris, csl-json/);
      const noFile = convert('--to', 'ris');
      expect(noFile.status).toBe(2);
      expect(noFile.stderr).toMatch(/^convert: usage: convert <file> --to <format>/);
    },
    SLOW,
  );
});

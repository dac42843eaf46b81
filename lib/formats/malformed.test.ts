// The corpus of malformed import files: each one either fails as a whole with a FormatError whose
// message says what is wrong and where, or keeps its good entries and reports each bad one.
// import-library.test.ts checks that the library is left as it was.
import { describe, expect, it } from 'vitest';
import { FormatError } from './errors';
import { exportPapers, type ImportResult, importBytes, importText } from './index';
import { MAX_IMPORT_BYTES } from './input';
import { ATTENTION, GOLDEN_LIBRARY } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');

function refusal(read: () => unknown): FormatError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('the file was accepted');
}

const text = (input: string, name?: string) => () => importText(input, name, { now: NOW });
const bytes = (input: Uint8Array, name?: string) => () => importBytes(input, name, { now: NOW });

function utf16le(input: string, bom: boolean): Uint8Array {
  const out = new Uint8Array(input.length * 2 + (bom ? 2 : 0));
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < input.length; i++) out[(bom ? 2 : 0) + i * 2] = input.charCodeAt(i);
  return out;
}

describe('files that are not readable input: refused whole, with a message', () => {
  const backup = exportPapers([ATTENTION], 'json');
  const cases: [string, () => unknown, string | RegExp, number?][] = [
    ['an empty file', text('  \n\n'), 'the file is empty'],
    [
      'plain text',
      text('\nDear colleague,\nhere are my papers'),
      'not a format papershelf imports: expected BibTeX (@article{...), RIS (TY  - JOUR), CSL-JSON ([{"type": ...}]) or a papershelf backup ({"format": "papershelf", ...}), but line 2 starts "Dear colleague,"',
      2,
    ],
    [
      'a truncated backup',
      text(backup.slice(0, 120)),
      /^not a papershelf backup: not valid JSON at line 7, column \d+: the text ends too early$/,
      7,
    ],
    [
      'a backup from a newer papershelf',
      text('{"format": "papershelf", "version": 2, "papers": []}'),
      'papershelf backup version 2 was written by a newer papershelf; this one reads up to version 1',
    ],
    [
      'CSL-JSON that is not a list of items',
      text('{"items": [{"type": "article", "title": "T"}]}'),
      'neither a papershelf backup (no "format": "papershelf") nor CSL-JSON (no "type"): found an object with keys "items"',
    ],
    [
      'a CSL-JSON list with a syntax error',
      text('[\n  {"type": "article", "title": "T"\n  {"type": "article"}\n]'),
      'not CSL-JSON: not valid JSON at line 3, column 3: unexpected "{"',
      3,
    ],
    [
      'a hostile __proto__ that would make an object a backup',
      text('{"__proto__": {"format": "papershelf", "version": 1, "papers": []}, "papers": []}'),
      'neither a papershelf backup (no "format": "papershelf") nor CSL-JSON (no "type"): found an object with keys "__proto__", "papers"',
    ],
    ['a RIS file without a single record', text('AU  - Someone\nTI  - Lost\n', 'x.ris'), /^not RIS/],
    ['a BibTeX file without entries', text('% only a comment\n', 'refs.bib'), /^not BibTeX: no entry/],
    [
      'a BibTeX file with only a @string',
      text('@string{jr = {Journal}}\n'),
      'not BibTeX: no entry such as "@article{key, title = {...}}" in the file, only comments or @string definitions',
    ],
    [
      'binary garbage',
      bytes(new Uint8Array([0x42, 0x0a, 0x00, 0x13, 0x37, 0x00, 0xff])),
      /binary data \(a NUL byte at line 2\)/,
      2,
    ],
    [
      'a Latin-1 file',
      bytes(
        new Uint8Array([
          ...new TextEncoder().encode('@misc{a,\n  title = {G'),
          0xf6,
          ...new TextEncoder().encode('del}}'),
        ]),
      ),
      'the file is not UTF-8 text: byte 0xF6 at line 2 is not UTF-8 (the file may be Latin-1 or Windows-1252): save it as UTF-8 and import it again',
      2,
    ],
    ['a PDF', bytes(new TextEncoder().encode('%PDF-1.7\n...')), /^this is a PDF document, not a list of papers/],
    [
      'UTF-16 with a byte order mark',
      bytes(utf16le('TY  - JOUR\r\nER  - \r\n', true)),
      'the file is UTF-16 text: save it as UTF-8 (in most editors: "Save as…", encoding UTF-8) and import it again',
    ],
    ['UTF-16 without one', bytes(utf16le('@misc{a, title={T}}\n', false)), /^the file is UTF-16 text/],
    [
      'UTF-16 already decoded as UTF-8 text',
      text(new TextDecoder().decode(utf16le('TY  - JOUR\n', true))),
      /^the file is UTF-16 text/,
    ],
  ];

  for (const [name, read, message, line] of cases) {
    it(name, () => {
      const error = refusal(read);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      if (line !== undefined) expect(error.line).toBe(line);
    });
  }

  it('a 60 MB string is refused at once, before any parsing', () => {
    const huge = `@misc{a, title = {${'x'.repeat(60 * 1024 * 1024)}}}`;
    const started = performance.now();
    const error = refusal(text(huge));
    expect(error.message).toBe(
      'the file is 60.0 MB; papershelf imports files of up to 50.0 MB: split it into smaller files',
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(refusal(bytes(new Uint8Array(MAX_IMPORT_BYTES + 1))).message).toMatch(
      /^the file is 50\.0 MB; .* up to 50\.0 MB/,
    );
  });
});

describe('files with some bad entries: the good ones kept, each bad one reported', () => {
  function result(input: string): ImportResult {
    return importText(input, undefined, { now: NOW });
  }

  it('truncated BibTeX: the cut entry reported by key and line', () => {
    const bib = exportPapers(GOLDEN_LIBRARY.slice(0, 3), 'bibtex');
    const cut = bib.slice(0, bib.lastIndexOf('booktitle'));
    const { papers, errors } = result(cut);
    expect(papers.map((paper) => paper.key)).toEqual([GOLDEN_LIBRARY[0]?.key, GOLDEN_LIBRARY[1]?.key]);
    expect(errors).toEqual([
      {
        line: cut.split('\n').findIndex((line) => line.startsWith('@inproceedings')) + 1,
        key: 'devlin2019bert',
        message: expect.stringMatching(/^the entry cannot be read: /),
      },
    ]);
  });

  it('RIS without ER: the last record reported as cut short', () => {
    const ris = exportPapers(GOLDEN_LIBRARY.slice(0, 2), 'ris');
    const cut = ris.slice(0, ris.lastIndexOf('ER  - '));
    const { papers, errors } = result(cut);
    expect(papers.map((paper) => paper.key)).toEqual([GOLDEN_LIBRARY[0]?.key]);
    expect(errors).toEqual([{ line: 14, message: 'the record is cut short: the file ends before its "ER  - " line' }]);
  });

  it('a backup with a bad paper: reported by its place and key', () => {
    const backup = JSON.parse(exportPapers([ATTENTION], 'json'));
    backup.papers.push({
      ...backup.papers[0],
      key: 'doi:10.1/x',
      status: 'done',
      savedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const { papers, errors } = result(JSON.stringify(backup));
    expect(papers).toHaveLength(1);
    expect(errors).toEqual([
      { key: 'doi:10.1/x', message: 'paper 2: status: Invalid option: expected one of "unread"|"reading"|"read"' },
    ]);
  });

  it('CSL-JSON items that are not papers: reported by place', () => {
    const { papers, errors } = result(
      '[{"type": "article", "title": "T", "URL": "https://example.org/t"}, 42, {"type": "book"}]',
    );
    expect(papers).toHaveLength(1);
    expect(errors).toEqual([
      { key: 'item 2', message: 'expected a CSL-JSON item (an object), found number 42' },
      { key: 'item 3', message: 'the entry has no title' },
    ]);
  });
});

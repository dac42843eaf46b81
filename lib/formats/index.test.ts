import { describe, expect, it } from 'vitest';
import {
  describeImport,
  detectFormat,
  EXPORT_FORMATS,
  exportFileName,
  exportPapers,
  FORMATS,
  formatIssue,
  importBytes,
  importText,
  isExportFormat,
} from './index';
import { ATTENTION, GOLDEN_LIBRARY } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');

describe('FORMATS', () => {
  it('names exactly the converter formats of docs/CONTRACT.md, in menu order', () => {
    expect(EXPORT_FORMATS).toEqual(['bibtex', 'ris', 'csl-json', 'csv', 'markdown', 'markdown-full', 'json']);
    for (const name of EXPORT_FORMATS) expect(FORMATS[name].name).toBe(name);
    expect(isExportFormat('ris')).toBe(true);
    expect(isExportFormat('__proto__')).toBe(false);
    expect(isExportFormat('toString')).toBe(false);
  });

  it('writes every format for an empty list without failing', () => {
    for (const format of EXPORT_FORMATS) expect(typeof exportPapers([], format)).toBe('string');
    expect(exportPapers([], 'csl-json')).toBe('[]\n');
  });

  it('names downloads by date, or by citation key for one paper', () => {
    expect(exportFileName('bibtex', { now: NOW })).toBe('papershelf-2025-01-01.bib');
    expect(exportFileName('csl-json', { now: NOW })).toBe('papershelf-2025-01-01.csl.json');
    expect(exportFileName('markdown-full', { now: NOW })).toBe('papershelf-2025-01-01-abstracts.md');
    expect(exportFileName('json', { now: NOW, papers: GOLDEN_LIBRARY })).toBe('papershelf-2025-01-01.json');
    expect(exportFileName('ris', { papers: [ATTENTION] })).toBe('vaswani2017attention.ris');
  });
});

describe('detectFormat', () => {
  it('recognises each format by content, whatever the file is called', () => {
    for (const format of ['bibtex', 'ris', 'csl-json', 'json'] as const) {
      expect(detectFormat(exportPapers(GOLDEN_LIBRARY, format), 'misleading.txt')).toBe(format);
    }
    expect(detectFormat('\uFEFF  {"papers": [], "version": 1, "format": "papershelf"}')).toBe('json');
    expect(detectFormat('{"type": "article-journal", "title": "One"}')).toBe('csl-json');
    expect(detectFormat('% exported by JabRef\n\n@Article{key,\n title={T}}')).toBe('bibtex');
    expect(detectFormat('\r\n\r\nTY  - JOUR\r\nER  - \r\n')).toBe('ris');
    expect(detectFormat('Provider: Publisher\nContent: text/plain\n\nTY  - JOUR\nER  - ')).toBe('ris');
  });

  it('uses the extension only when the content says nothing', () => {
    expect(detectFormat('plain words', 'refs.bib')).toBe('bibtex');
    expect(detectFormat('plain words', 'refs.RIS')).toBe('ris');
    expect(detectFormat('plain words', 'refs.txt')).toBeNull();
    expect(detectFormat('TY  - JOUR\nER  - ', 'refs.bib')).toBe('ris');
  });
});

describe('importText', () => {
  it('lets the reader of the hinted format name the bad line', () => {
    expect(() => importText('Title: x\n', 'export.ris')).toThrow(/^not RIS: line 1 is not a tag line/);
    expect(() => importText('Title: x\n', 'export.bib')).toThrow(/^not BibTeX: no entry/);
  });

  it("reads the extractor's plain list of papers as a backup's papers", () => {
    const list = `${JSON.stringify([ATTENTION], null, 2)}\n`;
    const result = importText(list, 'papers.json', { now: NOW });
    expect(result).toEqual({
      format: 'json',
      papers: [{ ...ATTENTION, status: 'unread', savedAt: NOW.toISOString(), updatedAt: NOW.toISOString() }],
      errors: [],
      warnings: [],
    });
  });

  it('reads bytes as UTF-8 and strips a byte order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${exportPapers([ATTENTION], 'ris')}`);
    const result = importBytes(bytes, 'x.ris', { now: NOW });
    expect(result.papers.map((paper) => paper.key)).toEqual([ATTENTION.key]);
  });

  it('summarises an import: added, merged, skipped and why', () => {
    const result = importText(
      '@misc{a, title = {A}, url = {https://example.org/a}}\n@misc{b, url = {https://example.org/b}}\n',
      undefined,
      { now: NOW },
    );
    expect(describeImport(result)).toBe(
      'Read 1 paper from BibTeX; 1 entry skipped:\nline 2 (b): the entry has no title',
    );
    expect(describeImport(result, { added: 0, merged: 1 })).toBe(
      'Imported from BibTeX: 0 papers added, 1 paper merged with ones already saved; 1 entry skipped:\nline 2 (b): the entry has no title',
    );
    expect(describeImport({ ...result, errors: [] }, { added: 2, merged: 0 })).toBe(
      'Imported from BibTeX: 2 papers added, 0 papers merged with ones already saved.',
    );
    expect(formatIssue({ key: 'item 3', message: 'm' })).toBe('item 3: m');
    expect(formatIssue({ message: 'm' })).toBe('m');
  });
});

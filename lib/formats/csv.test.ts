import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Paper, SavedPaper } from '../paper/model';
import { CSV_COLUMNS, toCsv } from './csv';
import { GOLDEN_LIBRARY } from './test-data';

function rows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const base: Paper = { key: 'url:https://example.org/p', title: 'T', authors: [], source: 'test' };

describe('toCsv', () => {
  it('writes a BOM, the header and one row a paper, every field back as written', () => {
    const saved: SavedPaper = {
      ...base,
      title: 'Commas, "quotes" and\nline breaks',
      authors: ['Kurt Gödel', '张三'],
      ids: { doi: '10.1/x', arxiv: '2310.03646', arxivVersion: 2 },
      status: 'read',
      tags: ['a', 'b c'],
      note: 'line one\r\nline two',
      savedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const [header, row] = rows(toCsv([saved]));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row?.[index]]))).toEqual({
      key: saved.key,
      title: saved.title,
      authors: 'Kurt Gödel; 张三',
      published: '',
      venue: '',
      doi: '10.1/x',
      arxiv: '2310.03646',
      url: '',
      pdf: '',
      code: '',
      status: 'read',
      tags: 'a; b c',
      note: 'line one\r\nline two',
      savedAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('defuses cells a spreadsheet would run as formulas, even across a line break', () => {
    const dangerous = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '=a\nb'];
    const csv = toCsv(dangerous.map((title) => ({ ...base, title })));
    expect(
      rows(csv)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(dangerous.map((title) => `'${title}`));
    expect(rows(toCsv([{ ...base, title: 'a = b' }]))[1]?.[1]).toBe('a = b');
  });

  it('writes every golden paper as one row of 14 cells', () => {
    const table = rows(toCsv(GOLDEN_LIBRARY));
    expect(table).toHaveLength(GOLDEN_LIBRARY.length + 1);
    for (const row of table) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(toCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});

// CSV for spreadsheets: one row a paper under a header row, quoted by papaparse (RFC 4180: a cell
// with a comma, a quote or a line break is quoted, quotes doubled; CRLF line ends).
// Columns: key, title, authors (joined "; "), published, venue, doi, arxiv, url, pdf, code, status,
// tags (joined "; "), note, savedAt.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - or @ as a formula (and tab
// or CR can hide one), so such a cell is written with a leading apostrophe ('=cmd|...), which
// Excel, LibreOffice and Google Sheets show as text. The apostrophe stays visible to a program
// that reads the file: papershelf does not import CSV, the JSON backup is the lossless format.
//
// The text starts with a UTF-8 byte order mark: without one, Excel opens UTF-8 as Windows-1252 and
// turns "Gödel" into "GÃ¶del". LibreOffice, Google Sheets and Python's csv (encoding="utf-8-sig")
// read it as intended.
import Papa from 'papaparse';
import { parseArxivId } from '../paper/ids';
import type { Paper, SavedPaper } from '../paper/model';

/** The CSV header, in column order. */
export const CSV_COLUMNS = [
  'key',
  'title',
  'authors',
  'published',
  'venue',
  'doi',
  'arxiv',
  'url',
  'pdf',
  'code',
  'status',
  'tags',
  'note',
  'savedAt',
] as const;

// papaparse's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, whose `.` stops at a line break:
// "=1+1\nx" would go through unescaped. Only the first character matters.
const FORMULA_START = /^[=+\-@\t\r]/;

function row(paper: Paper | SavedPaper): string[] {
  const saved = 'status' in paper ? (paper as SavedPaper) : undefined;
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv)?.id ?? paper.ids.arxiv) : '';
  return [
    paper.key,
    paper.title,
    paper.authors.join('; '),
    paper.published ?? '',
    paper.venue ?? '',
    paper.ids?.doi ?? '',
    arxiv,
    paper.url ?? '',
    paper.pdfUrl ?? '',
    paper.codeUrl ?? '',
    saved?.status ?? '',
    saved?.tags?.join('; ') ?? '',
    saved?.note ?? '',
    saved?.savedAt ?? '',
  ];
}

/** Writes papers as CSV: a BOM, the header, one row a paper, formula-like cells defused. */
export function toCsv(papers: readonly (Paper | SavedPaper)[]): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: papers.map(row) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
  // papaparse ends a header-only table with a line break and a fuller one without.
  return `\uFEFF${csv.replace(/\r\n$/, '')}\r\n`;
}

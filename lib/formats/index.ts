// The one entry point to the formats, for the side panel and `npm run convert` alike: what each
// format is called (docs/CONTRACT.md, converter), writing papers in any of them, and reading an import
// file whatever it is, recognised by its content (a file name only breaks a tie).
import type { Paper, SavedPaper } from '../paper/model';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackup, toBackup } from './backup';
import { citationKeys, toBibtex } from './bibtex';
import { parseBibtex } from './bibtex-import';
import { type ExportFormat, FORMATS, type ImportFormat } from './catalog';
import { readCslJson, toCslJson } from './csl-json';
import { toCsv } from './csv';
import { FormatError } from './errors';
import type { ImportIssue } from './imported';
import { checkImportText, decodeImportBytes, dropControls } from './input';
import { parseJsonText } from './json-text';
import { toMarkdown, toMarkdownFull } from './markdown';
import { parseRis, toRis } from './ris';

export {
  EXPORT_FORMATS,
  type ExportFormat,
  FORMATS,
  type FormatInfo,
  type ImportFormat,
  isExportFormat,
} from './catalog';
export { FormatError } from './errors';
export type { ImportIssue } from './imported';
export { checkImportSize, MAX_IMPORT_BYTES, MAX_UNPACKED_BYTES } from './input';

/** How an import reads: the time it stamps, and its size limit (MAX_IMPORT_BYTES unless a gzip file's). */
export interface ImportOptions {
  now?: Date;
  maxBytes?: number;
}

const WRITERS: Record<ExportFormat, (papers: readonly (Paper | SavedPaper)[]) => string> = {
  bibtex: toBibtex,
  ris: toRis,
  'csl-json': toCslJson,
  csv: toCsv,
  markdown: toMarkdown,
  'markdown-full': toMarkdownFull,
  json: toBackup,
};

/** Writes papers (the library, a filtered view, a selection or one paper) in a format. */
export function exportPapers(papers: readonly (Paper | SavedPaper)[], format: ExportFormat): string {
  return WRITERS[format](papers);
}

/**
 * A download name: `papershelf-2026-11-29.bib` for a list (`.csl.json` for CSL-JSON,
 * `-abstracts.md` for Markdown with abstracts), the citation key for one paper (`vaswani2017attention.bib`).
 */
export function exportFileName(format: ExportFormat, options: { now?: Date; papers?: readonly Paper[] } = {}): string {
  const [only, ...others] = options.papers ?? [];
  const base =
    only && others.length === 0
      ? (citationKeys([only])[0] ?? 'paper')
      : `papershelf-${(options.now ?? new Date()).toISOString().slice(0, 10)}`;
  const qualifier = format === 'csl-json' ? '.csl' : format === 'markdown-full' ? '-abstracts' : '';
  return `${base}${qualifier}.${FORMATS[format].extension}`;
}

// ---------------------------------------------------------------------------------------------
// Import

const EXTENSIONS: Record<string, ImportFormat> = { bib: 'bibtex', bibtex: 'bibtex', ris: 'ris' };

/**
 * Which format a text is, by its content: JSON that is a papershelf backup ("format":
 * "papershelf", or the extractor's list of papers) or CSL-JSON (a list, or an object with "type"); RIS (a "TY  - " line among the
 * first five, as Zotero checks); BibTeX (a line starting "@type{"). The file name's extension is
 * used only when the content says nothing (.bib, .ris), so that reader names the bad line. Null
 * when neither knows.
 */
export function detectFormat(text: string, filenameHint?: string): ImportFormat | null {
  const start = text.search(/[^\s\uFEFF]/);
  const first = start < 0 ? '' : text.charAt(start);
  if (first === '[') return 'csl-json';
  if (first === '{') {
    const head = text.slice(start, start + 65_536);
    if (/"format"\s*:\s*"papershelf"/.test(head)) return 'json';
    return /"type"\s*:/.test(head) && !/"papers"\s*:/.test(head) ? 'csl-json' : 'json';
  }
  const from = Math.max(start, 0);
  const lines = text.slice(from, from + 4096).split(/\r\n|\r|\n/);
  if (
    lines
      .filter((line) => line.trim() !== '')
      .slice(0, 5)
      .some((line) => /^\s*TY {1,2}- /.test(line))
  ) {
    return 'ris';
  }
  if (/^\s*@\s*[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  const extension = /\.([A-Za-z]+)$/.exec(filenameHint ?? '')?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) || null;
}

/** What an import file holds: its format, the papers ready for `importRecords`, and what was left out. */
export interface ImportResult {
  format: ImportFormat;
  /** Saved papers in file order; those from a file without user fields are unread, saved now. */
  papers: SavedPaper[];
  errors: ImportIssue[];
  /** What was changed on the way in, by line or entry: control characters dropped, fields cut, keys given. */
  warnings: ImportIssue[];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : typeof value;
}

// A Paper as the extractor prints it (docs/CONTRACT.md): a key, a source and authors, and no CSL type.
function isExtractedPaper(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const has = (name: string) => Object.hasOwn(value, name);
  const fields = value as Record<string, unknown>;
  return (
    has('key') &&
    has('source') &&
    has('authors') &&
    !has('type') &&
    typeof fields.key === 'string' &&
    /^[a-z0-9]+:\S/.test(fields.key) &&
    Array.isArray(fields.authors)
  );
}

function fromBackup(data: unknown, now: Date): Omit<ImportResult, 'warnings'> {
  const backup = readBackup(data, { now });
  return {
    format: 'json',
    papers: backup.papers,
    errors: backup.errors.map((error) => ({
      key: error.key ?? `paper ${error.index + 1}`,
      message: `paper ${error.index + 1}: ${error.message}`,
    })),
  };
}

function readJson(
  text: string,
  detected: ImportFormat,
  now: Date,
): Omit<ImportResult, 'warnings'> & { warnings?: ImportIssue[] } {
  const data = parseJsonText(text, detected === 'json' ? 'not a papershelf backup' : 'not CSL-JSON');
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (isObject && Object.hasOwn(data, 'format')) return fromBackup(data, now);
  // `npm run extract` prints a plain list of papers: read it as a backup's `papers`.
  if (Array.isArray(data) && data.length > 0 && data.every(isExtractedPaper)) {
    return fromBackup({ format: BACKUP_FORMAT, version: BACKUP_VERSION, papers: data }, now);
  }
  if (isObject && !Object.hasOwn(data, 'type')) {
    const keys = Object.keys(data)
      .slice(0, 5)
      .map((key) => JSON.stringify(key));
    throw new FormatError(
      `neither a papershelf backup (no "format": "papershelf") nor CSL-JSON (no "type"): found an object with ${keys.length > 0 ? `keys ${keys.join(', ')}` : 'no keys'}`,
    );
  }
  if (!isObject && !Array.isArray(data)) {
    throw new FormatError(
      `neither a papershelf backup nor CSL-JSON: expected an object or a list of items, found ${describeValue(data)}`,
    );
  }
  return { format: 'csl-json', ...readCslJson(data, { now }) };
}

function unknownFormat(text: string): FormatError {
  const start = text.search(/\S/);
  const firstLine = start < 0 ? '' : (text.slice(start).split(/\r\n|\r|\n/)[0] ?? '');
  const line = start < 0 ? 1 : text.slice(0, start).split('\n').length;
  const shown = [...firstLine].slice(0, 40).join('');
  return new FormatError(
    start < 0
      ? 'the file is empty'
      : `not a format papershelf imports: expected BibTeX (@article{...), RIS (TY  - JOUR), CSL-JSON ([{"type": ...}]) or a papershelf backup ({"format": "papershelf", ...}), but line ${line} starts ${JSON.stringify(shown)}`,
    { line, column: 1 },
  );
}

/**
 * Reads an import file's text: recognises the format by content, reads every entry, and returns
 * the good ones as saved papers with a report for each one left out. Throws FormatError, with the
 * line and column when known, for a file that is not readable input: too large (MAX_IMPORT_BYTES),
 * binary or UTF-16, not any of the formats, or broken as a whole (invalid JSON, a backup from a
 * newer papershelf).
 */
export function importText(text: string, filenameHint?: string, options: ImportOptions = {}): ImportResult {
  const { text: body, warnings } = dropControls(checkImportText(text, options.maxBytes));
  const now = options.now ?? new Date();
  const format = detectFormat(body, filenameHint);
  const read = (): Omit<ImportResult, 'warnings'> & { warnings?: ImportIssue[] } => {
    switch (format) {
      case 'json':
      case 'csl-json':
        return readJson(body, format, now);
      case 'bibtex':
        return { format, ...parseBibtex(body, { now }) };
      case 'ris':
        return { format, ...parseRis(body, { now }) };
      default:
        throw unknownFormat(body);
    }
  };
  const result = read();
  return { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}

/** Reads an import file's bytes (as `File.arrayBuffer()` gives them): checks and decodes UTF-8, then `importText`. */
export function importBytes(bytes: Uint8Array, filenameHint?: string, options: ImportOptions = {}): ImportResult {
  return importText(decodeImportBytes(bytes, options.maxBytes), filenameHint, options);
}

/** "line 14 (smith2020): the entry has no title": one left-out entry, as a person reads it. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.line !== undefined ? `line ${issue.line}` : undefined, issue.key].filter(Boolean);
  if (where.length === 2) return `line ${issue.line} (${issue.key}): ${issue.message}`;
  return where.length === 1 ? `${where[0]}: ${issue.message}` : issue.message;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'the papershelf backup',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/**
 * The summary an import shows: how many papers were added and merged (what `importRecords`
 * returned), how many entries were skipped, and why, one line each.
 */
export function describeImport(
  result: Pick<ImportResult, 'format' | 'papers' | 'errors'> & { warnings?: ImportIssue[] },
  summary?: { added: number; merged: number },
): string {
  const read = summary
    ? `Imported from ${FORMAT_NAMES[result.format]}: ${count(summary.added, 'paper')} added, ${count(summary.merged, 'paper')} merged with ones already saved`
    : `Read ${count(result.papers.length, 'paper')} from ${FORMAT_NAMES[result.format]}`;
  const warnings = result.warnings ?? [];
  if (result.errors.length === 0 && warnings.length === 0) return `${read}.`;
  const lines = [
    result.errors.length > 0 ? `${read}; ${count(result.errors.length, 'entry', 'entries')} skipped:` : `${read}.`,
  ];
  lines.push(...result.errors.map(formatIssue));
  if (warnings.length > 0)
    lines.push(`${count(warnings.length, 'change')} on the way in:`, ...warnings.map(formatIssue));
  return lines.join('\n');
}

// The names, labels, file extensions and MIME types of the formats: small, with no format code
// behind it, so a menu can list the formats before any writer or parser is loaded.

/** A format papers can be written in (docs/CONTRACT.md: the converter's `--to`). */
export type ExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown' | 'markdown-full' | 'json';

/** A format papers can be read from. */
export type ImportFormat = 'json' | 'bibtex' | 'ris' | 'csl-json';

/** What the UI and the converter show and name files by. */
export interface FormatInfo {
  name: ExportFormat;
  /** Menu text. */
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  mimeType: string;
  /** Whether import reads it too. */
  importable: boolean;
}

/** Every export format, in menu order. */
export const FORMATS: Readonly<Record<ExportFormat, FormatInfo>> = {
  bibtex: { name: 'bibtex', label: 'BibTeX', extension: 'bib', mimeType: 'application/x-bibtex', importable: true },
  ris: {
    name: 'ris',
    label: 'RIS (Zotero, EndNote, Mendeley)',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    importable: true,
  },
  'csl-json': {
    name: 'csl-json',
    label: 'CSL-JSON (Zotero, pandoc, citation processors)',
    extension: 'json',
    mimeType: 'application/vnd.citationstyles.csl+json',
    importable: true,
  },
  csv: { name: 'csv', label: 'CSV (spreadsheet)', extension: 'csv', mimeType: 'text/csv', importable: false },
  markdown: {
    name: 'markdown',
    label: 'Markdown reading list',
    extension: 'md',
    mimeType: 'text/markdown',
    importable: false,
  },
  'markdown-full': {
    name: 'markdown-full',
    label: 'Markdown with abstracts',
    extension: 'md',
    mimeType: 'text/markdown',
    importable: false,
  },
  json: {
    name: 'json',
    label: 'JSON backup (everything)',
    extension: 'json',
    mimeType: 'application/json',
    importable: true,
  },
};

/** The export format names, in menu order. */
export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];

/** True when `name` is one of the export format names. */
export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(FORMATS, name);
}

// What an import file must be before any reader looks at it: at most MAX_IMPORT_BYTES, UTF-8 text,
// not a binary file. Each refusal is a FormatError whose message says what the file is and what to
// do, checked before parsing so that a 100 MB or binary file is refused at once.
import { FormatError } from './errors';

/**
 * The largest file an import reads: 50 MB (a library of 100,000 papers with abstracts is about
 * 150 MB as a backup, but real exports from Zotero or a .bib of a thesis are a few MB). Larger files
 * are refused before they are read or parsed.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * The most a gzip import file (a papershelf backup file, `.json.gz`) may unpack to: 200 MB, a
 * backup of well over 100,000 papers with abstracts; more is refused as it unpacks (a gzip bomb).
 */
export const MAX_UNPACKED_BYTES = 4 * MAX_IMPORT_BYTES;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Throws a FormatError when a file of this many bytes (or characters) is over the import limit
 * (`limit`: a larger one for what a gzip file unpacks to, MAX_UNPACKED_BYTES).
 */
export function checkImportSize(bytes: number, limit = MAX_IMPORT_BYTES): void {
  if (bytes > limit) {
    throw new FormatError(
      `the file is ${megabytes(bytes)}; papershelf imports files of up to ${megabytes(limit)}: split it into smaller files`,
    );
  }
}

// Binary formats people pick by mistake, by their first bytes.
const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a .docx/.xlsx/.odt document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  [
    'an SQLite database (Zotero keeps its library in one: export from Zotero instead)',
    [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
  ],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
];

const UTF16 = 'UTF-16 text: save it as UTF-8 (in most editors: "Save as…", encoding UTF-8) and import it again';

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Offset of the first byte that does not belong to well-formed UTF-8; -1 when all do.
function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let n = 1; n < length; n++) if (((bytes[i + n] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

// Half the bytes of UTF-16 text in a Latin script are NUL, at every other position.
function looksLikeUtf16(nulAt: (index: number) => boolean, length: number): boolean {
  const sample = Math.min(length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (nulAt(i)) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return Math.max(even, odd) > sample / 4 && Math.min(even, odd) < Math.max(even, odd) / 10;
}

// A file whose first 4 KB are more than a tenth control codes is binary data; text with a stray
// NUL or control byte is read, the byte dropped with a warning (dropControls).
function isBinary(length: number, codeAt: (index: number) => number): boolean {
  const sample = Math.min(length, 4096);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const code = codeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++;
  }
  return controls * 10 > sample;
}

/**
 * Decodes the bytes of an import file as UTF-8 (a UTF-8 byte order mark is dropped). Throws a
 * FormatError for a file over the size limit, a binary file (naming PDF, ZIP, SQLite ...), UTF-16
 * text, or bytes that are not UTF-8 (naming the line of the first one).
 */
export function decodeImportBytes(bytes: Uint8Array, limit = MAX_IMPORT_BYTES): string {
  checkImportSize(bytes.length, limit);
  for (const [what, signature] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      throw new FormatError(`this is ${what}, not a list of papers (BibTeX, RIS, CSL-JSON or a papershelf backup)`);
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FormatError(`the file is ${UTF16}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && looksLikeUtf16((index) => bytes[index] === 0, bytes.length)) {
    throw new FormatError(`the file is ${UTF16}`);
  }
  // A stray NUL in text is dropped with a warning (dropControls); many are a binary file.
  if (nul >= 0 && isBinary(bytes.length, (index) => bytes[index] ?? 0)) {
    throw new FormatError(
      `the file holds binary data (a NUL byte at line ${lineOfByte(bytes, nul)}), not text: is it the right file?`,
      { line: lineOfByte(bytes, nul), column: 1 },
    );
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const line = lineOfByte(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new FormatError(
      `the file is not UTF-8 text: byte 0x${byte} at line ${line} is not UTF-8 (the file may be Latin-1 or Windows-1252): save it as UTF-8 and import it again`,
      { line, column: 1 },
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Checks text that is already decoded (pasted, or read by the browser): the size limit, and NUL
 * characters, which only a binary or UTF-16 file read as UTF-8 has. Returns it without a BOM.
 */
export function checkImportText(text: string, limit = MAX_IMPORT_BYTES): string {
  checkImportSize(text.length, limit);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    if (looksLikeUtf16((index) => text.charCodeAt(index) === 0, text.length)) {
      throw new FormatError(`the file is ${UTF16}`);
    }
    if (!isBinary(text.length, (index) => text.charCodeAt(index))) {
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    }
    const line = text.slice(0, nul).split('\n').length;
    throw new FormatError(
      `the file holds binary data (a NUL character at line ${line}), not text: is it the right file?`,
      {
        line,
        column: 1,
      },
    );
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// Control characters (but tab and line breaks), C1 controls and bidirectional overrides: they
// change how text shows or where it ends, and no bibliography means them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them to drop them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Drops control and bidi-override characters, with one warning per line that had any (the first 100 lines named). */
export function dropControls(text: string): { text: string; warnings: { line: number; message: string }[] } {
  const warnings: { line: number; message: string }[] = [];
  if (!CONTROL.test(text)) return { text, warnings };
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  const byLine = new Map<number, Set<string>>();
  const cleaned = text.replace(new RegExp(CONTROL.source, 'g'), (char, offset: number) => {
    for (let i = text.indexOf('\n', lineStart); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted++;
    const codes = byLine.get(line) ?? new Set<string>();
    codes.add(`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    byLine.set(line, codes);
    return '';
  });
  for (const [at, codes] of [...byLine].slice(0, 100)) {
    warnings.push({ line: at, message: `dropped control characters (${[...codes].join(', ')})` });
  }
  if (byLine.size > 100) {
    warnings.push({
      line: [...byLine.keys()][100] ?? line,
      message: `and on ${byLine.size - 100} more lines (${counted} characters in all)`,
    });
  }
  return { text: cleaned, warnings };
}

// The papershelf backup (docs/CONTRACT.md, converter `json`): {"format":"papershelf","version":N,"papers":[...]}.
//
// Decisions:
// - Exactly those three keys, no `exportedAt`: a backup read and written again must come out byte
//   for byte the same, and a time stamp would change on every export.
// - Papers are written with their fields in schema order (model.ts) and unknown fields dropped, so
//   the text depends only on the data: parse → write reproduces a file this module wrote.
// - A plain Paper (no `status`, `savedAt`, `updatedAt`: what the converter writes from BibTeX or
//   RIS) is accepted and completed as an unread paper saved `now`. An entry with only some of those
//   fields is checked as a saved paper and reported when it is incomplete.
// - A second entry with a key already read is reported, the first is kept.
import {
  type Paper,
  type PaperIds,
  PaperIdsSchema,
  type SavedPaper,
  SavedPaperSchema,
  type SeenOn,
  SeenOnSchema,
} from '../paper/model';
import { FormatError } from './errors';
import { parseJsonText } from './json-text';

/** The backup version this code writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** What `format` holds in every backup. */
export const BACKUP_FORMAT = 'papershelf';

/** One entry of a backup that was left out, by its place in `papers` and its key when it has one. */
export interface BackupEntryError {
  index: number;
  key?: string;
  message: string;
}

/** A read backup: the good papers in file order and a report for each bad entry. */
export interface BackupContents {
  papers: SavedPaper[];
  errors: BackupEntryError[];
}

const PAPER_FIELDS = Object.keys(SavedPaperSchema.shape);
const ID_FIELDS = Object.keys(PaperIdsSchema.shape);
const SEEN_ON_FIELDS = Object.keys(SeenOnSchema.shape);
const SAVED_ONLY_FIELDS = ['status', 'savedAt', 'updatedAt'] as const;

// Copies the known fields in schema order; absent ones stay absent (CONTRACT: never null or "").
function pick(source: object, fields: readonly string[]): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    if (Object.hasOwn(values, field) && values[field] !== undefined) result[field] = values[field];
  }
  return result;
}

function canonical(paper: Paper | SavedPaper): Record<string, unknown> {
  const result = pick(paper, PAPER_FIELDS);
  const ids: PaperIds | undefined = paper.ids;
  if (ids) result.ids = pick(ids, ID_FIELDS);
  const seenOn: SeenOn[] | undefined = 'seenOn' in paper ? paper.seenOn : undefined;
  if (seenOn) result.seenOn = seenOn.map((seen) => pick(seen, SEEN_ON_FIELDS));
  return result;
}

/** Writes papers as a backup: pretty JSON with a final newline, fields in schema order. */
export function toBackup(papers: readonly (SavedPaper | Paper)[]): string {
  return [...backupPieces(papers)].join('');
}

// The backup's head: `JSON.stringify(backup, null, 2)` up to the papers' opening bracket.
const HEAD = `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "papers": [`;
// What `JSON.stringify({ papers }, null, 2)` puts before and after the entries: at that depth the
// entries are indented as in the whole backup, so a slice's text is the whole's text of its entries.
const SLICE_OPEN = '{\n  "papers": [\n';
const SLICE_CLOSE = '\n  ]\n}';

/**
 * The text of `toBackup(papers)` in pieces of at most `size` papers (joined, exactly that text):
 * the rolling backup compresses a piece at a time and lets other work run between pieces.
 */
export function* backupPieces(papers: readonly (SavedPaper | Paper)[], size = 250): Generator<string> {
  if (papers.length === 0) {
    yield `${HEAD}]\n}\n`;
    return;
  }
  yield `${HEAD}\n`;
  for (let start = 0; start < papers.length; start += size) {
    const text = JSON.stringify({ papers: papers.slice(start, start + size).map(canonical) }, null, 2);
    const entries = text.slice(SLICE_OPEN.length, text.length - SLICE_CLOSE.length);
    yield start + size < papers.length ? `${entries},\n` : entries;
  }
  yield '\n  ]\n}\n';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Reads a backup: throws FormatError when the text is not a papershelf backup this version reads;
 * otherwise validates each entry, keeping the good ones and reporting the others by index and key.
 */
export function parseBackup(text: string, options: { now?: Date } = {}): BackupContents {
  return readBackup(parseJsonText(text, 'not a papershelf backup'), options);
}

/** Reads a backup already parsed from JSON, by the rules of `parseBackup`. */
export function readBackup(data: unknown, options: { now?: Date } = {}): BackupContents {
  if (!isRecord(data)) {
    throw new FormatError(
      `not a papershelf backup: expected an object with "format": "papershelf", found ${describe(data)}`,
    );
  }
  if (data.format !== BACKUP_FORMAT) {
    const found = data.format === undefined ? 'no "format"' : `"format": ${JSON.stringify(data.format)}`;
    throw new FormatError(`not a papershelf backup: expected "format": "papershelf", found ${found}`);
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FormatError(`papershelf backup with an invalid "version": ${JSON.stringify(version) ?? 'none'}`);
  }
  if (version > BACKUP_VERSION) {
    throw new FormatError(
      `papershelf backup version ${version} was written by a newer papershelf; this one reads up to version ${BACKUP_VERSION}`,
    );
  }
  if (!Array.isArray(data.papers)) {
    throw new FormatError(`papershelf backup without a "papers" list (found ${describe(data.papers)})`);
  }

  const now = (options.now ?? new Date()).toISOString();
  const papers: SavedPaper[] = [];
  const errors: BackupEntryError[] = [];
  const firstIndex = new Map<string, number>();
  data.papers.forEach((entry: unknown, index: number) => {
    if (!isRecord(entry)) {
      errors.push({ index, message: `expected a paper object, found ${describe(entry)}` });
      return;
    }
    const key = typeof entry.key === 'string' ? entry.key : undefined;
    const where = key === undefined ? {} : { key };
    const plain = SAVED_ONLY_FIELDS.every((field) => entry[field] === undefined);
    // Spreading a JSON.parse result copies an own "__proto__" key as data, never as a prototype.
    const candidate = plain ? { ...entry, status: 'unread', savedAt: now, updatedAt: now } : entry;
    const parsed = SavedPaperSchema.safeParse(candidate);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'paper'}: ${issue.message}`)
        .join('; ');
      errors.push({ index, ...where, message });
      return;
    }
    const first = firstIndex.get(parsed.data.key);
    if (first !== undefined) {
      errors.push({ index, ...where, message: `duplicate key ${parsed.data.key}, first at index ${first}` });
      return;
    }
    firstIndex.set(parsed.data.key, index);
    papers.push(parsed.data);
  });
  return { papers, errors };
}

// The real bibliographies under tests/fixtures/bib/ (origins in tests/fixtures/SOURCES.md), each
// input file beside what a reference implementation makes of it (Zotero items in `<name>.json`, or
// the BibTeX JabRef expects in `<name>.bib`), and the comparison of papershelf's import with those
// items field by field; also the checks its exports must pass. Used by the corpus tests
// (oracle-corpora, corpus-roundtrip, csl-schema, export-checks) and by `scripts/corpus.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import Ajv from 'ajv';
import type { PaperType, SavedPaper } from '../paper/model';
import { foldTitle } from '../paper/titles';
import { importText } from './index';

const BIB_FIXTURES = join(import.meta.dirname, '../../tests/fixtures/bib');

/**
 * Each corpus: its folder, the extension of its inputs and of the oracle's answer beside each
 * (Zotero items as JSON, `{"items": [...]}`, or the BibTeX JabRef expects), and whose answer it is.
 */
export const CORPORA = [
  { dir: 'bbt', extension: '.bib', expected: '.json', oracle: 'Better BibTeX' },
  { dir: 'zotero-bibtex', extension: '.bib', expected: '.json', oracle: "Zotero's BibTeX translator" },
  { dir: 'zotero-ris', extension: '.ris', expected: '.json', oracle: "Zotero's RIS translator" },
  { dir: 'jabref-ris', extension: '.ris', expected: '.bib', oracle: "JabRef's RIS importer" },
] as const;
export type CorpusName = (typeof CORPORA)[number]['dir'];

/** A Zotero item as the oracles write it (the fields compared here). */
interface ZoteroItem {
  itemType?: string;
  /** Better BibTeX's items. */
  citationKey?: string;
  /** Zotero's BibTeX translator's items: the entry's citation key. */
  itemID?: string | number;
  title?: string;
  creators?: { creatorType?: string; lastName?: string; name?: string }[];
  date?: string;
  DOI?: string;
  url?: string;
  abstractNote?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  university?: string;
  institution?: string;
}

export interface CorpusFile {
  corpus: CorpusName;
  name: string;
  text: string;
  items: ZoteroItem[];
}

const NOW = new Date('2025-01-01T00:00:00.000Z');

// The BibTeX entry types of JabRef's answers that name a Zotero item type compared here.
const ITEM_TYPES: Record<string, string> = {
  article: 'journalArticle',
  book: 'book',
  incollection: 'bookSection',
  inproceedings: 'conferencePaper',
  mastersthesis: 'thesis',
  phdthesis: 'thesis',
  techreport: 'report',
};

/** The entries of an expected BibTeX file (JabRef's) as the Zotero items they stand for. */
function itemsOfBibtex(bib: string): ZoteroItem[] {
  const text = (value: unknown) =>
    typeof value === 'string' ? value : Array.isArray(value) ? value.join(' and ') : undefined;
  return parse(bib, { english: false }).entries.map((entry) => {
    const fields = entry.fields as Record<string, unknown>;
    return {
      itemType: ITEM_TYPES[entry.type],
      title: text(fields.title),
      creators: (entry.fields.author ?? []).map((creator) => ({
        creatorType: 'author',
        lastName: [creator.prefix, creator.lastName].filter(Boolean).join(' ') || creator.name,
      })),
      date: text(fields.date) ?? text(fields.year),
      DOI: text(fields.doi),
      url: text(fields.url),
      abstractNote: text(fields.abstract),
      volume: text(fields.volume),
      issue: text(fields.number) ?? text(fields.issue),
      pages: text(fields.pages),
      publisher: text(fields.publisher) ?? text(fields.school) ?? text(fields.institution),
    };
  });
}

/** Every input file of every corpus with its oracle items, in a stable order. */
export function corpusFiles(only?: CorpusName): CorpusFile[] {
  return CORPORA.filter((corpus) => only === undefined || corpus.dir === only).flatMap((corpus) => {
    const dir = join(BIB_FIXTURES, corpus.dir);
    return readdirSync(dir)
      .filter((name) => name.endsWith(corpus.extension))
      .sort()
      .map((name) => {
        const answer = readFileSync(join(dir, `${name.slice(0, -corpus.extension.length)}${corpus.expected}`), 'utf8');
        return {
          corpus: corpus.dir,
          name,
          text: readFileSync(join(dir, name), 'utf8'),
          items:
            corpus.expected === '.bib'
              ? itemsOfBibtex(answer)
              : ((JSON.parse(answer) as { items?: ZoteroItem[] }).items ?? []),
        };
      });
  });
}

/** A corpus file read by papershelf's import, as the side panel reads it. */
export function importCorpusFile(file: CorpusFile) {
  return importText(file.text, file.name, { now: NOW });
}

export const FIELDS = [
  'title',
  'family names',
  'year',
  'DOI',
  'URL',
  'abstract',
  'volume',
  'issue',
  'pages',
  'publisher',
  'type',
] as const;
export type Field = (typeof FIELDS)[number];

/** One field of one oracle item beside what papershelf read for it (undefined: nothing). */
export interface FieldComparison {
  /** `<corpus>/<file> <key or title>`: how an exception names the entry. */
  entry: string;
  field: Field;
  expected: string;
  actual: string | undefined;
}

export interface OracleComparison {
  /** Oracle items with a title that the file holds, by `entry`. */
  withTitle: string[];
  /** Those of them papershelf did not import. */
  missing: string[];
  /** Oracle items whose title is nowhere in their file (not counted). */
  notInFile: string[];
  fields: FieldComparison[];
  papers: SavedPaper[];
}

const norm = (text: string | undefined) => text?.normalize('NFC').replace(/\s+/g, ' ').trim() || undefined;
// Zotero's rich-text title markup (<i>, <span class="nocase">, the <a> Better BibTeX makes of
// \href) is not part of the words.
const plain = (text: string | undefined) => norm(text?.replace(/<\/?(?:i|b|sup|sub|span|a)(?:\s[^>]*)?>/g, ''));
const address = (text: string | undefined) => {
  try {
    return text ? new URL(text).href : undefined;
  } catch {
    return text;
  }
};
// Page ranges: Zotero keeps the file's hyphen where Better BibTeX and papershelf write an en dash.
const pageRange = (text: string | undefined) => norm(text)?.replace(/\s*[-\u2013\u2014]+\s*/g, '-');

/** Zotero's item types as papershelf's paper types (the types the model has a place for). */
const TYPES: Record<string, PaperType> = {
  journalArticle: 'article',
  conferencePaper: 'conference',
  bookSection: 'chapter',
  book: 'book',
  thesis: 'thesis',
  report: 'report',
  preprint: 'preprint',
  dataset: 'dataset',
  computerProgram: 'software',
  webpage: 'webpage',
  film: 'film',
  videoRecording: 'video',
  tvBroadcast: 'broadcast',
  radioBroadcast: 'broadcast',
};

/**
 * The role a work's author list takes in Zotero for the item types where it is not "author"
 * (Zotero's primary creator types, as its RIS translator maps AU): papershelf keeps that list as
 * the authors.
 */
const AUTHOR_ROLES: Record<string, string> = {
  artwork: 'artist',
  audioRecording: 'composer',
  computerProgram: 'programmer',
  film: 'director',
  interview: 'interviewee',
  map: 'cartographer',
  patent: 'inventor',
  podcast: 'podcaster',
  radioBroadcast: 'director',
  tvBroadcast: 'director',
  videoRecording: 'director',
};

function expectedFields(item: ZoteroItem): Record<Field, string | undefined> {
  const role = AUTHOR_ROLES[item.itemType ?? ''] ?? 'author';
  const families = (item.creators ?? []).filter((creator) => (creator.creatorType ?? 'author') === role);
  return {
    title: plain(item.title)?.toLowerCase(),
    'family names': families.map((creator) => norm(creator.lastName ?? creator.name)).join('; ') || undefined,
    // Zotero's "0000" is its date for a year it could not read ("PY  - Year"): no year.
    year: /\d{4}/.exec(item.date ?? '')?.[0]?.replace(/^0000$/, '') || undefined,
    DOI: norm(item.DOI)?.toLowerCase(),
    // papershelf keeps only http(s) addresses (the model's `url`): a placeholder such as "URL" or
    // a file path is no address to compare.
    URL: /^https?:\/\//i.test(norm(item.url) ?? '') ? address(norm(item.url)) : undefined,
    abstract: norm(item.abstractNote),
    volume: norm(item.volume),
    issue: norm(item.issue),
    pages: pageRange(item.pages),
    publisher: norm(item.publisher ?? item.university ?? item.institution),
    type: item.itemType ? TYPES[item.itemType] : undefined,
  };
}

function actualFields(paper: SavedPaper): Record<Field, string | undefined> {
  return {
    title: plain(paper.title)?.toLowerCase(),
    'family names': (paper.names ?? [])
      .map((part) => norm([part.particle, part.family].filter(Boolean).join(' ') || part.literal))
      .join('; '),
    year: (paper.issued ?? paper.published)?.slice(0, 4),
    DOI: paper.ids?.doi ?? paper.ids?.shortDoi,
    URL: paper.url,
    abstract: norm(paper.abstract),
    volume: norm(paper.volume),
    issue: norm(paper.issue),
    pages: pageRange(paper.pages),
    publisher: norm(paper.publisher),
    type: paper.type,
  };
}

const keyOf = (paper: SavedPaper) => paper.extra?.bibtex?.['@key'];
const itemKey = (item: ZoteroItem) =>
  item.citationKey ?? (typeof item.itemID === 'string' && item.itemID !== '' ? item.itemID : undefined);
// One RIS record, TY to ER (a tag line's dash after one or two spaces, as the reader takes it).
const RIS_RECORD = /^TY {1,2}-[\s\S]*?^ER {1,2}-.*$/gm;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The oracle items of one file matched to the papers imported from it: by citation key and
 * title; else by the key alone when it is unique on both sides; else by title (an entry without a
 * key, or whose key the oracle replaced with one of its own). An oracle without keys (Zotero's
 * RIS items, one per record in file order) is matched record by record: each record read alone,
 * so that a record merged into an earlier one (the same paper twice) is still compared.
 */
function compareFile(file: CorpusFile, into: OracleComparison): void {
  const { papers } = importCorpusFile(file);
  into.papers.push(...papers);
  const records = file.name.endsWith('.ris') ? (file.text.match(RIS_RECORD) ?? []) : [];
  const byRecord = records.length === file.items.length;
  const withTitle = file.items.filter((item) => item.title);
  const used = new Set<SavedPaper>();
  file.items.forEach((item, index) => {
    if (!item.title) return;
    const key = itemKey(item);
    const title = foldTitle(plain(item.title) ?? '');
    const entry = `${file.corpus}/${file.name} ${key ?? `record ${index + 1}`}`;
    const agrees = (paper: SavedPaper) => foldTitle(plain(paper.title) ?? '') === title;
    const sameKey = key === undefined ? [] : papers.filter((paper) => keyOf(paper) === key);
    if (key !== undefined) {
      // More oracle items under a key than entries in the file: the ones no entry agrees with are not in it.
      const oracleCount = withTitle.filter((other) => itemKey(other) === key).length;
      const fileCount = file.text.match(new RegExp(`@\\s*\\w+\\s*[{(]\\s*${escapeRegExp(key)}\\s*,`, 'g'))?.length ?? 0;
      if (oracleCount > fileCount && fileCount > 0 && !papers.some(agrees)) {
        into.notInFile.push(`${entry}: ${JSON.stringify(item.title)} is not in the file`);
        return;
      }
    }
    into.withTitle.push(entry);
    const matched =
      sameKey.find(agrees) ??
      (sameKey.length === 1 && withTitle.filter((other) => itemKey(other) === key).length === 1
        ? sameKey[0]
        : undefined) ??
      papers.find(
        (candidate) =>
          !used.has(candidate) &&
          agrees(candidate) &&
          !withTitle.some((other) => itemKey(other) !== undefined && itemKey(other) === keyOf(candidate)),
      );
    const paper = byRecord ? importText(records[index] ?? '', file.name, { now: NOW }).papers[0] : matched;
    if (!paper) {
      into.missing.push(entry);
      return;
    }
    used.add(paper);
    const expected = expectedFields(item);
    const actual = actualFields(paper);
    for (const field of FIELDS) {
      const value = expected[field];
      if (value !== undefined) into.fields.push({ entry, field, expected: value, actual: actual[field] });
    }
  });
}

/** Every corpus file's import beside its oracle items. */
export function compareWithOracles(files: readonly CorpusFile[] = corpusFiles()): OracleComparison {
  const comparison: OracleComparison = { withTitle: [], missing: [], notInFile: [], fields: [], papers: [] };
  for (const file of files) compareFile(file, comparison);
  return comparison;
}

/**
 * What a RIS reader would trip on in an export: every line a tag line (`XY  - value`) or the
 * continuation of one, records opened by TY and closed by ER. Also counts the records.
 */
export function risProblems(ris: string): { records: number; problems: string[] } {
  const problems: string[] = [];
  let open = false;
  let records = 0;
  ris.split('\r\n').forEach((line, index) => {
    const tag = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line)?.[1];
    if (tag === 'TY') {
      if (open) problems.push(`line ${index + 1}: TY inside a record`);
      open = true;
      records++;
    } else if (tag === 'ER') {
      if (!open) problems.push(`line ${index + 1}: ER outside a record`);
      open = false;
    } else if (!open && line !== '') problems.push(`line ${index + 1}: text outside a record: ${line.slice(0, 60)}`);
  });
  if (open) problems.push('the last record has no ER');
  return { records, problems };
}

const cslSchema = JSON.parse(readFileSync(join(BIB_FIXTURES, '../csl/csl-data.json'), 'utf8')) as object;
// The schema names "date-time" and "uri" formats it does not need checked here; Ajv is told of them.
const validateCsl = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(cslSchema);

/** A CSL-JSON export checked against the CSL project's input schema (tests/fixtures/csl/csl-data.json). */
export function cslSchemaErrors(items: unknown): string[] {
  return validateCsl(items) ? [] : (validateCsl.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

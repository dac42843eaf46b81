// RIS, as Zotero reads and writes it. Checked against Zotero's RIS translator (zotero/translators,
// RIS.js, lastUpdated 2023-07-28):
// - A tag line is /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/; any other line continues the value above it
//   (multi-line titles, abstracts and notes). Records end with "ER  - "; Zotero writes CRLF and a
//   blank line after each record, and so do we.
// - TY: Zotero writes JOUR for journal articles, CONF for conference papers, and GEN for anything
//   without a RIS type of its own (its "preprint" type included) and reads GEN as a journal
//   article. We choose by the same rule as BibTeX's entry type (bibtex.ts): @article → JOUR,
//   @inproceedings → CONF, @misc (preprints, DOI- or URL-only papers) → GEN.
// - AU one per author, "Last, First" (Zotero splits at the first comma; a name without one is an
//   institution). We write "Last, First, Suffix" as the RIS spec has it.
// - T2 is the journal (publicationTitle) for JOUR and the conference (conferenceName) for CONF;
//   Zotero also reads JO, JF, JA, J2 and BT, and so do we, T2 first.
// - DA "YYYY/MM/DD/" (Zotero's form, empty parts kept: "2017/06//") and PY the year; Zotero takes
//   DA over PY. DO the DOI, UR the landing page, L1 a PDF link, AB the abstract, N1 a note (Zotero
//   reads a note without HTML tags as plain text and writes notes as HTML, which we read back as
//   text), KW one keyword a line (Zotero also splits a KW value at ";" and newlines: so do we).
// - M2 ("extra", imported by Zotero into Extra) carries the ids RIS has no tag for, one
//   "Label: value" a line as in Zotero's Extra field: "PMID: 34265844", "arXiv: 2310.03646".
// - arXiv: an arXiv-only paper gets DO 10.48550/arXiv.<id> (the DOI arXiv registers, which
//   Zotero's arXiv translator stores too); one that also has a publisher's DOI keeps that in DO and
//   the arXiv id in M2. The version, authorCount, code/project links and the user's tags and status
//   have no place in RIS: the JSON backup keeps them.
// - A note line that would read as a tag line ("ER  - x") is written with one leading space, which
//   the reader drops again; other continuation lines are kept as they are.
import { type NameDraft, type PaperDraft, pageRange } from '../paper/build';
import { isArxivDoi, parseArxivId } from '../paper/ids';
import type { Name, Paper, PaperIds, PaperType, SavedPaper } from '../paper/model';
import { citedAs, workType } from './bibtex';
import { FormatError } from './errors';
import {
  arxivDoi,
  dateParts,
  type ExtraIdScheme,
  extraIdLines,
  htmlToText,
  readDate,
  readExtraIdLine,
  splitIdLines,
} from './fields';
import { type ImportedEntry, type ImportedPapers, type ImportIssue, savedFromEntries } from './imported';
import { invertedName, nameFromInverted } from './names';

const NEWLINE = '\r\n';
// `s`: a value may hold a line or paragraph separator (U+2028, U+2029), which `.` would not match.
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/s;
const TYPES: Record<PaperType, string> = {
  article: 'JOUR',
  conference: 'CONF',
  chapter: 'CHAP',
  book: 'BOOK',
  thesis: 'THES',
  report: 'RPRT',
  preprint: 'GEN',
  dataset: 'DATA',
  software: 'COMP',
  webpage: 'ELEC',
  film: 'MPCT',
  video: 'VIDEO',
  broadcast: 'MPCT',
  other: 'GEN',
};

/** A structured name as RIS writes it: an organisation as it is, else "particle family, given, suffix". */
function risName(name: Name): string {
  if (name.literal !== undefined) return name.literal;
  const family = [name.particle, name.family].filter(Boolean).join(' ');
  // A person known by the family name alone keeps its comma ("Hoffmann,"): without one, RIS
  // readers (Zotero's, ours) take the name for an organisation.
  if (!name.given && !name.suffix) return `${family},`;
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/** The kind of work within its RIS type, in M3 ("Type of Work"): the genre, or "broadcast" for MPCT, which films share. */
function typeOfWork(paper: Paper | SavedPaper): string | undefined {
  return paper.genre ?? (paper.type === 'broadcast' ? 'broadcast' : undefined);
}
const EXTRA_SCHEMES: readonly ExtraIdScheme[] = ['pubmed', 'pmcid', 'openreview', 'acl', 's2', 'dblp'];

function tag(name: string, value: string | undefined): string[] {
  if (!value) return [];
  const [first = '', ...rest] = value.split('\n');
  // A continuation line that looks like a tag line would start a field of its own.
  const continued = rest.map((line) => (TAG_LINE.test(line) ? ` ${line}` : line));
  return [`${name}  - ${first}`, ...continued];
}

function risDate(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const [year, month, day] = dateParts(published);
  return `${year}/${month ? String(month).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`;
}

function record(paper: Paper | SavedPaper): string {
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv)?.id ?? paper.ids.arxiv) : undefined;
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  const extraIds: PaperIds = { ...paper.ids };
  if (!doi || !arxiv) delete extraIds.arxiv;
  const note = 'note' in paper ? paper.note : undefined;
  const date = paper.issued ?? paper.published;
  const authors =
    paper.names?.length === paper.authors.length ? paper.names.map(risName) : paper.authors.map(invertedName);
  // A range's ends (pageRange gives it one en dash); a hyphen that is not a range's stays in SP.
  const [startPage, endPage] = pageRange(paper.pages)?.split(/\s*[–—]\s*/) ?? [];
  const keywords = [...new Set([...(paper.keywords ?? []), ...('tags' in paper ? (paper.tags ?? []) : [])])];
  const lines = [
    ...tag('TY', TYPES[workType(paper)]),
    ...tag('TI', paper.title),
    ...authors.flatMap((author) => tag('AU', author)),
    ...(paper.editors ?? []).flatMap((editor) => tag('A2', risName(editor))),
    ...tag('T2', paper.container ?? paper.venue),
    ...tag('T3', paper.series),
    ...tag('VL', paper.volume),
    ...tag('IS', paper.issue),
    ...tag('SP', startPage),
    ...tag('EP', endPage),
    ...tag('ET', paper.edition),
    ...tag('PB', paper.publisher),
    ...tag('CY', paper.place),
    ...tag('SN', paper.isbn ?? paper.issn),
    ...tag('M3', typeOfWork(paper)),
    ...tag('LA', paper.language),
    ...tag('AB', paper.abstract),
    ...tag('DA', risDate(date)),
    ...tag('PY', date?.slice(0, 4)),
    ...tag('DO', doi ?? (arxiv ? arxivDoi(arxiv) : undefined)),
    ...extraIdLines(extraIds, ['arxiv', ...EXTRA_SCHEMES]).flatMap((line) => tag('M2', line)),
    ...tag('UR', paper.url),
    ...tag('L1', paper.pdfUrl),
    ...tag('N1', note),
    ...keywords.flatMap((keyword) => tag('KW', keyword)),
    ...Object.entries(paper.extra?.ris ?? {})
      .filter(([name]) => /^[A-Z][A-Z0-9]$/.test(name) && name !== 'TY' && name !== 'ER')
      .flatMap(([name, kept]) => kept.flatMap((value) => tag(name, value))),
    'ER  - ',
  ];
  return `${lines.join(NEWLINE)}${NEWLINE}${NEWLINE}`;
}

/** Writes papers as RIS records (CRLF line ends), the way Zotero's RIS export lays them out. */
export function toRis(papers: readonly (Paper | SavedPaper)[]): string {
  return papers.map((paper) => record(citedAs(paper))).join('');
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Field {
  tag: string;
  value: string;
  line: number;
}

interface RisRecord {
  line: number;
  fields: Field[];
}

function values(fields: readonly Field[], ...tags: string[]): string[] {
  return fields
    .filter((field) => tags.includes(field.tag))
    .map((field) => field.value.trim())
    .filter(Boolean);
}

function first(fields: readonly Field[], ...tags: string[]): string | undefined {
  for (const name of tags) {
    const [value] = values(fields, name);
    if (value) return value;
  }
  return undefined;
}

// Tags read into the model; any other tag is kept in extra.ris and written back.
const READ_TAGS = new Set(
  'TY ID TI T1 CT AU A1 A2 ED T2 JF JO BT JA J2 T3 VL IS SP EP ET PB CY SN LA DA PY Y1 DO M1 M2 M3 UR L1 AB N2 N1 KW ER'.split(
    ' ',
  ),
);

const RIS_TYPES: Record<string, PaperType> = {
  ...Object.fromEntries(
    Object.entries(TYPES)
      .filter(([type]) => type !== 'preprint' && type !== 'other' && type !== 'broadcast')
      .map(([type, ris]) => [ris, type as PaperType]),
  ),
  // The RIS types Zotero's RIS translator reads as one of papershelf's types (its importTypeMap).
  ABST: 'article',
  ADVS: 'film',
  CLSWK: 'book',
  EDBOOK: 'book',
  GOVDOC: 'report',
  JFULL: 'article',
  MULTI: 'video',
  SER: 'book',
  STAND: 'report',
  EJOUR: 'article',
  MGZN: 'article',
  NEWS: 'article',
  CPAPER: 'conference',
  ECHAP: 'chapter',
  EBOOK: 'book',
  DBASE: 'dataset',
  WEB: 'webpage',
  BLOG: 'webpage',
  UNPB: 'preprint',
};

/** "van der Berg, Jan, Jr." as parts; a name without a comma is an organisation, kept whole. */
function risNameParts(value: string): NameDraft {
  const [family = '', given, suffix] = value.split(',').map((part) => part.trim());
  if (given === undefined) return { literal: family };
  const particle = /^((?:\p{Ll}+\s+)+)(.+)$/u.exec(family);
  return particle ? { particle: particle[1]?.trim(), family: particle[2], given, suffix } : { family, given, suffix };
}

function entryFrom(record: RisRecord): ImportedEntry {
  const { fields } = record;
  const ids: NonNullable<PaperDraft['ids']> = {};
  for (const line of values(fields, 'M2', 'M1').flatMap((value) => value.split('\n'))) {
    const id = readExtraIdLine(line);
    if (id && !ids[id.scheme]) ids[id.scheme] = id.value;
  }
  // EndNote writes the DOI into M3.
  const doi =
    first(fields, 'DO') ??
    values(fields, 'M3').find((value) => /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\./i.test(value));
  if (doi) ids.doi = doi;
  const urls = values(fields, 'UR').flatMap((value) => value.split('\n').map((line) => line.trim()));
  const httpUrls = urls.filter((url) => /^https?:\/\//i.test(url));
  if (!ids.arxiv) ids.arxiv = httpUrls.map((url) => parseArxivId(url)?.id).find((id) => id !== undefined) ?? null;
  const extra = splitIdLines(values(fields, 'N1').map(htmlToText).join('\n\n'));
  for (const [scheme, found] of Object.entries(extra.ids) as [ExtraIdScheme, string][]) ids[scheme] ??= found;
  const id = first(fields, 'ID');
  const risType = first(fields, 'TY') ?? '';
  const authors = values(fields, 'AU', 'A1');
  const [startPage, endPage] = [first(fields, 'SP'), first(fields, 'EP')];
  const issued = readDate(first(fields, 'DA')) ?? readDate(first(fields, 'PY', 'Y1'));
  const serial = first(fields, 'SN');
  // One ISSN or several (print and online, "00368075, 10959203"); anything else is an ISBN.
  const isIssn = serial !== undefined && serial.split(/\s*[,;]\s*/).every((part) => /^\d{4}-?\d{3}[\dXx]$/.test(part));
  // M3 is a type of work here, a DOI when EndNote wrote it (read above).
  const work = values(fields, 'M3').find((value) => !/^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\./i.test(value));
  const type =
    risType === 'MPCT' && work === 'broadcast'
      ? 'broadcast'
      : (RIS_TYPES[risType] ?? (ids.arxiv ? 'preprint' : 'other'));
  // EndNote writes a journal article's issue in M1, and Zotero reads it there: so do we, when there
  // is no IS and M1 is not an id line.
  const m1 = first(fields, 'M1');
  const issue = first(fields, 'IS') ?? (type === 'article' && m1 && !readExtraIdLine(m1) ? m1 : undefined);
  const kept: Record<string, string[]> = {};
  for (const field of fields) {
    if (READ_TAGS.has(field.tag)) continue;
    kept[field.tag] = [...(kept[field.tag] ?? []), field.value];
  }
  const entry: ImportedEntry = {
    draft: {
      title: first(fields, 'TI', 'T1', 'CT'),
      authors: authors.map(nameFromInverted),
      names: authors.map(risNameParts),
      editors: values(fields, 'A2', 'ED').map(risNameParts),
      type,
      genre: work === 'broadcast' ? undefined : work,
      container: first(fields, 'T2', 'JF', 'JO', 'BT'),
      series: first(fields, 'T3'),
      volume: first(fields, 'VL'),
      issue,
      pages: startPage && endPage && endPage !== startPage ? `${startPage}–${endPage}` : startPage,
      edition: first(fields, 'ET'),
      publisher: first(fields, 'PB'),
      place: first(fields, 'CY'),
      isbn: isIssn ? undefined : serial,
      issn: isIssn ? serial : undefined,
      language: first(fields, 'LA'),
      issued,
      extra: Object.keys(kept).length > 0 ? { ris: kept } : undefined,
      published: issued,
      venue: first(fields, 'T2', 'JF', 'JO', 'BT', 'JA', 'J2'),
      abstract: first(fields, 'AB', 'N2'),
      ids,
      url: httpUrls[0],
      pdfUrl: values(fields, 'L1')
        .flatMap((value) => value.split('\n'))
        .find((url) => /^https?:\/\//i.test(url.trim())),
      keywords: values(fields, 'KW').flatMap((value) => value.split(/\s*(?:\n|;)\s*/)),
      source: 'ris',
    },
    line: record.line,
  };
  if (extra.note) entry.note = extra.note;
  if (id) entry.key = id;
  return entry;
}

/**
 * Splits RIS text into records, in file order. Lines outside a record and a record without its
 * "ER  - " line are reported by line; a text with no "TY  - " line at all is not RIS (FormatError).
 */
function readRecords(text: string): { records: RisRecord[]; errors: ImportIssue[] } {
  const lines = text.split(/\r\n|\r|\n/);
  if (!lines.some((line) => /^TY {1,2}-/.test(line))) {
    const index = lines.findIndex((line) => line.trim() !== '');
    throw new FormatError(
      index < 0
        ? 'not RIS: the file is empty'
        : `not RIS: line ${index + 1} is not a tag line such as "TY  - JOUR", and no line starts a record ("TY  - ")`,
      { line: Math.max(index, 0) + 1, column: 1 },
    );
  }
  const records: RisRecord[] = [];
  const errors: ImportIssue[] = [];
  let current: RisRecord | undefined;
  let stray = false; // inside a run of lines outside any record, already reported
  lines.forEach((raw, index) => {
    const line = index + 1;
    const match = TAG_LINE.exec(raw);
    if (match?.[1]) {
      const name = match[1];
      const value = match[2] ?? '';
      if (name === 'TY') {
        if (current) {
          errors.push({
            line: current.line,
            message: `the record has no "ER  - " line before the next record (line ${line})`,
          });
        }
        current = { line, fields: [{ tag: name, value, line }] };
        stray = false;
      } else if (name === 'ER') {
        // Zotero ignores an ER outside a record; so do we.
        if (current) records.push(current);
        current = undefined;
      } else if (current) {
        current.fields.push({ tag: name, value, line });
      } else if (!stray) {
        errors.push({ line, message: `a "${name}" line outside a record: a record starts with "TY  - "` });
        stray = true;
      }
      return;
    }
    const last = current?.fields.at(-1);
    if (last) {
      // One leading space was added by the writer to a line that would read as a tag line.
      last.value += `\n${raw.startsWith(' ') && TAG_LINE.test(raw.slice(1)) ? raw.slice(1) : raw}`;
    } else if (raw.trim() !== '' && !stray) {
      errors.push({ line, message: 'not a RIS tag line (such as "TI  - A title") and not inside a record' });
      stray = true;
    }
  });
  if (current) {
    errors.push({ line: current.line, message: 'the record is cut short: the file ends before its "ER  - " line' });
  }
  return { records, errors };
}

/**
 * Reads RIS text: one saved paper (unread, saved `now`) per record, in file order; a bad record or
 * line is reported by line and left out. Throws FormatError when the text is not RIS at all.
 */
export function parseRis(text: string, options: { now?: Date } = {}): ImportedPapers {
  const { records, errors } = readRecords(text);
  const result = savedFromEntries(records.map(entryFrom), options.now ?? new Date());
  return {
    papers: result.papers,
    errors: [...errors, ...result.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    warnings: result.warnings ?? [],
  };
}

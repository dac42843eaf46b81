// BibTeX import with @retorquere/bibtex-parser (Better BibTeX's parser), loaded as ESM (its
// CommonJS build fails under Node). Options: `english: false`, so titles stay as written (no
// sentence case, no case-protection markup); LaTeX is decoded to Unicode ({\"u} → ü,
// $\ell_1$ → ℓ₁); a command the parser does not know is dropped and its argument kept.
//
// Fields, as Zotero's BibTeX translator (zotero/translators, BibTeX.js) and our export read them:
//   title; author "Last, First" and "First Last" → "First Last", braced names whole, a final
//   "others" → authorCount (at least one more author than listed); date (biblatex) or year + month
//   → published; journal / journaltitle / booktitle / howpublished (not a \url) → venue; doi; url;
//   eprint with archivePrefix or eprinttype arXiv (or an eprint that is an arXiv id) → ids.arxiv,
//   primaryClass → a keyword unless one names it; pmid, pmcid; abstract; keywords (the parser
//   sorts them: we put them back in file order); note → the note.
// The parser renders \emph, \textbf, \url ... as HTML (<i>, <b>, <a href>); the tags are removed
// again from entries that use such commands (entries without them keep a literal "<i>").
// An entry the parser cannot read, or one without a title or anything that identifies it, is
// reported by key and line and left out; the rest are imported.
import { type Creator, type Entry, parse } from '@retorquere/bibtex-parser';
import type { PaperDraft } from '../paper/build';
import { parseArxivId } from '../paper/ids';
import { FormatError } from './errors';
import { type ExtraIdScheme, isoDateFromParts, readDate, splitIdLines } from './fields';
import { type ImportedEntry, type ImportedPapers, type ImportIssue, savedFromEntries } from './imported';
import { displayName } from './names';

// Commands the parser turns into HTML markup.
const MARKUP_COMMAND =
  /\\(?:emph|textit|textbf|textsc|texttt|textsl|textsuperscript|textsubscript|url|href|em|it|bf|sc|tt|sl|item|begin)\b/;
const MARKUP_TAG =
  /<\/?(?:i|b|em|strong|code|sup|sub|p|ul|ol|li|blockquote|a)(?:\s[^>]*)?>|<span(?:\s[^>]*)?>|<\/span>/g;

/** Line numbers of offsets in a text, counted on from the last offset asked (offsets mostly grow). */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    return line;
  };
}

function entryKey(input: string | undefined): string | undefined {
  return input ? /^\s*@\s*\w+\s*[{(]\s*([^,\s{}()]+)/.exec(input)?.[1] : undefined;
}

function creatorName(creator: Creator): string {
  if (creator.name) return creator.name;
  return displayName({
    given: creator.firstName,
    particle: creator.prefix,
    family: creator.lastName,
    suffix: creator.suffix,
  });
}

// The parser sorts keywords; the order they were written in is the one the paper gave them.
function keywordsInOrder(keywords: readonly string[], input: string): string[] {
  const start = Math.max(0, input.search(/\bkeywords\s*=/i));
  const at = (keyword: string) => {
    const found = input.indexOf(keyword, start);
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  return [...keywords].sort((a, b) => at(a) - at(b));
}

function entryFrom(entry: Entry, line: number | undefined): ImportedEntry {
  const fields = entry.fields;
  const markup = MARKUP_COMMAND.test(entry.input);
  const field = (name: string): string | undefined => {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (typeof value !== 'string') return undefined;
    return markup ? value.replace(MARKUP_TAG, '') : value;
  };
  const creators = fields.author ?? [];
  const last = creators.at(-1);
  const cut = last !== undefined && !last.firstName && /^others$/i.test(last.lastName ?? last.name ?? '');
  const authors = (cut ? creators.slice(0, -1) : creators).map(creatorName);

  const archive = (field('archiveprefix') ?? field('eprinttype'))?.toLowerCase();
  const eprint = field('eprint');
  const arxiv = eprint && (archive === 'arxiv' || (!archive && parseArxivId(eprint))) ? eprint : undefined;

  const keywords = keywordsInOrder(fields.keywords ?? [], entry.input);
  const primaryClass = field('primaryclass');
  if (
    arxiv &&
    primaryClass &&
    !keywords.some((keyword) => keyword === primaryClass || keyword.endsWith(`(${primaryClass})`)) &&
    !arxiv.startsWith(`${primaryClass}/`)
  ) {
    keywords.push(primaryClass);
  }
  const howpublished = field('howpublished');
  const year = /\d{4}/.exec(field('year') ?? '')?.[0];
  const draft: PaperDraft = {
    title: field('title'),
    authors,
    authorCount: cut ? authors.length + 1 : undefined,
    published: readDate(field('date')) ?? isoDateFromParts(year, field('month')),
    venue:
      field('journal') ??
      field('journaltitle') ??
      field('booktitle') ??
      (howpublished && !/^(?:https?:|<a\s|\\url)/i.test(howpublished) ? howpublished : undefined),
    abstract: field('abstract'),
    ids: { doi: field('doi'), arxiv, pubmed: field('pmid'), pmcid: field('pmcid') },
    url: field('url'),
    keywords,
    source: 'bibtex',
  };
  // Zotero writes its Extra field (ids such as "arXiv:1706.03762 [cs]") into `note`.
  const extra = splitIdLines(field('note'));
  const ids = draft.ids ?? {};
  for (const [scheme, found] of Object.entries(extra.ids) as [ExtraIdScheme, string][]) ids[scheme] ??= found;
  draft.ids = ids;
  const result: ImportedEntry = { draft, key: entry.key };
  if (line !== undefined) result.line = line;
  if (extra.note) result.note = extra.note;
  return result;
}

/**
 * Reads BibTeX: one saved paper (unread, saved `now`) per entry, in file order; an entry the parser
 * reports, or one that is not a paper, is left out and reported by key and line. Throws FormatError
 * when the text holds no BibTeX entry at all.
 */
export function parseBibtex(text: string, options: { now?: Date } = {}): ImportedPapers {
  if (!/^\s*@\s*[A-Za-z]+\s*[{(]/m.test(text)) {
    throw new FormatError('not BibTeX: no entry such as "@article{key, title = {...}}" in the file');
  }
  let library: ReturnType<typeof parse>;
  try {
    library = parse(text, { english: false, unsupported: () => '' });
  } catch (error) {
    throw new FormatError(`not readable BibTeX: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lineAt = lineCounter(text);
  const errors: ImportIssue[] = [];
  const failed = new Set<string>();
  for (const problem of library.errors) {
    const key = entryKey(problem.input);
    const offset = problem.input ? text.indexOf(problem.input) : -1;
    const line = offset >= 0 ? lineAt(offset) : Number(/\bline (\d+)/.exec(problem.error)?.[1]) || undefined;
    const message = (problem.error.split('\n')[0] ?? problem.error).replace(/\s+/g, ' ').trim();
    const issue: ImportIssue = { message: `the entry cannot be read: ${message}` };
    if (line !== undefined) issue.line = line;
    if (key !== undefined) {
      issue.key = key;
      failed.add(key);
    }
    errors.push(issue);
  }
  const entries: ImportedEntry[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    if (failed.has(entry.key) || entry.input.trim() === '') continue;
    const offset = text.indexOf(entry.input, cursor);
    if (offset >= 0) cursor = offset + entry.input.length;
    entries.push(entryFrom(entry, offset >= 0 ? lineAt(offset) : undefined));
  }
  const saved = savedFromEntries(entries, options.now ?? new Date());
  return {
    papers: saved.papers,
    errors: [...errors, ...saved.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
